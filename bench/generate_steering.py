"""The steering rows of every municipality: board meetings with agendas, plan goals,
commissions and ordered reports – the pages a leader opens every day.

Amounts grow with the municipality: per 30 cases (one ordinary municipality) there are
MEETINGS_PER_30 meetings of AGENDA_ITEMS cases each (the newest still open, the others with
approved minutes and a decision per case), GOALS_PER_30 plan goals, COMMISSIONS_PER_30
commissions and RUNS_PER_30 report runs. Oslo with 500 cases gets 16 times as many; Hvaler at
10× data ten times as many. `ensure_steering` adds only what is missing, so it tops up an
existing database and the 10× data alike. bulk_create only, outside any tenant scope.
"""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.utils import timezone

from slik.benefits.models import Benefit
from slik.cases.models import Case
from slik.challenges.models import Challenge
from slik.core.models import AuditEvent
from slik.organisations.models import Membership, Organisation
from slik.portfolio.models import AgendaItem, BoardMeeting, Commission, PlanGoal
from slik.reports.models import ReportRun

from .generate_portfolio import add_commissions, add_goals

BATCH = 2000
CASES_PER_UNIT = 30
MEETINGS_PER_30 = 6
AGENDA_ITEMS = 4
GOALS_PER_30 = 6
COMMISSIONS_PER_30 = 4
RUNS_PER_30 = 8
DECISIONS = ["continue"] * 4 + ["start", "adjust", "scale", "pause", "stop", "hand_over"]
# (report key, format, parameters): the reports a leader orders through the reports page.
RUN_KINDS = [
    ("council_report", "pdf", {"language": "nb"}),
    ("annual_report", "pdf", {"language": "nb", "year": 0}),
    ("portfolio_export", "xlsx", {}),
    ("council_report", "docx", {"language": "nb"}),
]


def units(cases: int) -> int:
    """How many ordinary municipalities' worth of steering an organisation has."""
    return max(1, cases // CASES_PER_UNIT)


# What `ensure_steering` counts per organisation: (key, model).
COUNTED = (
    ("cases", Case),
    ("meetings", BoardMeeting),
    ("goals", PlanGoal),
    ("commissions", Commission),
    ("runs", ReportRun),
)
PER_30 = {
    "meetings": MEETINGS_PER_30,
    "goals": GOALS_PER_30,
    "commissions": COMMISSIONS_PER_30,
    "runs": RUNS_PER_30,
}


def _counts(org_ids: list[int]) -> dict[str, dict[int, int]]:
    """key → organisation id → rows; one grouped query per model."""
    return {
        key: dict(
            model.objects.filter(organisation_id__in=org_ids)
            .values_list("organisation_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for key, model in COUNTED
    }


def ensure_steering(gen, orgs=None) -> int:
    """Top every municipality (or `orgs`) up to its meetings, goals, commissions and runs;
    the number of organisations that got rows."""
    if orgs is None:
        orgs = Organisation.objects.filter(
            kind="municipality", pk__in=Membership.objects.values("organisation_id")
        ).order_by("number")
    orgs = list(orgs)
    counts = _counts([org.pk for org in orgs])
    touched = 0
    for org in orgs:
        scale = units(counts["cases"].get(org.pk, 0))
        missing = {
            key: per_30 * scale - counts[key].get(org.pk, 0) for key, per_30 in PER_30.items()
        }
        if max(missing.values()) > 0:
            _add_for(gen, org, missing)
            touched += 1
    return touched


def _add_for(gen, org, missing: dict[str, int]) -> None:
    case_ids = list(Case.objects.filter(organisation=org).values_list("pk", flat=True))
    leaders = list(
        Membership.objects.filter(organisation=org, role="leader")
        .order_by("pk")
        .values_list("user_id", flat=True)
    )
    if missing["meetings"] > 0:
        add_meetings(gen, org, missing["meetings"], case_ids, leaders)
    goals = []
    if missing["goals"] > 0:
        benefit_ids = list(Benefit.objects.filter(organisation=org).values_list("pk", flat=True))
        goals = add_goals(gen, org, missing["goals"], case_ids, benefit_ids)
    if missing["commissions"] > 0:
        goals = goals or list(PlanGoal.objects.filter(organisation=org))
        floke_ids = list(Challenge.objects.filter(organisation=org).values_list("pk", flat=True))
        add_commissions(gen, org, missing["commissions"], goals, case_ids, floke_ids)
    if missing["runs"] > 0:
        add_report_runs(gen, org, missing["runs"], leaders)


def add_meetings(gen, org, count: int, case_ids: list[int], leaders: list[int]) -> None:
    """`count` meetings a month apart, the newest two weeks ahead and still open."""
    rng, now = gen.rng, timezone.now()
    first = BoardMeeting.objects.filter(organisation=org).count()
    meetings = BoardMeeting.objects.bulk_create(
        BoardMeeting(
            organisation=org,
            title=f"Porteføljerådet {first + index + 1}",
            held_on=gen.today + datetime.timedelta(days=14 - 30 * (first + index)),
            participants="Kommunedirektør, kommunalsjefer, innovasjonsrådgiver",
            notes="Generert referat for ytelsestesten." if first + index else "",
            is_closed=bool(first + index),
            created_by_id=leaders[0] if leaders else None,
        )
        for index in range(count)
    )
    items = []
    for meeting in meetings:
        for order, case_id in enumerate(rng.sample(case_ids, min(AGENDA_ITEMS, len(case_ids)))):
            decided = meeting.is_closed
            items.append(
                AgendaItem(
                    meeting=meeting,
                    case_id=case_id,
                    order=order,
                    decision=rng.choice(DECISIONS) if decided else "",
                    comment="Generert vedtak." if decided else "",
                    decided_at=now if decided else None,
                )
            )
    AgendaItem.objects.bulk_create(items, batch_size=BATCH)
    meeting_type = ContentType.objects.get_for_model(BoardMeeting)
    AuditEvent.objects.bulk_create(
        [
            AuditEvent(
                organisation=org,
                actor_id=meeting.created_by_id,
                action=action,
                content_type=meeting_type,
                object_id=meeting.pk,
                object_repr=str(meeting)[:300],
                data={},
            )
            for meeting in meetings
            for action in (
                ("portfolio.board.created", "portfolio.board.closed")
                if meeting.is_closed
                else ("portfolio.board.created",)
            )
        ],
        batch_size=BATCH,
    )


def add_report_runs(gen, org, count: int, leaders: list[int]) -> None:
    """Finished report runs (no file: the list shows the run, not the document)."""
    rng, now = gen.rng, timezone.now()
    runs = []
    for index in range(count):
        key, file_format, parameters = RUN_KINDS[index % len(RUN_KINDS)]
        if "year" in parameters:
            parameters = {**parameters, "year": gen.today.year - 1}
        failed = rng.random() < 0.05
        runs.append(
            ReportRun(
                organisation=org,
                report=key,
                file_format=file_format,
                parameters=parameters,
                status="failed" if failed else "done",
                progress=100,
                error="Generert feil." if failed else "",
                filename=f"{key}-{index + 1}.{file_format}",
                is_published=not failed and rng.random() < 0.3,
                requested_by_id=rng.choice(leaders) if leaders else None,
                finished_at=now - datetime.timedelta(days=7 * index),
                worker_seconds=round(rng.uniform(0.5, 4.0), 2),
            )
        )
    ReportRun.objects.bulk_create(runs, batch_size=BATCH)
