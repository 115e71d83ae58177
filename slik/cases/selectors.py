"""Reads for innovation cases, always given the organisation and the actor."""

from django.db.models import BooleanField, DateField, F, Prefetch, Q
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext, ngettext

from slik.accounts.models import User
from slik.accounts.people import USER_LABEL_FIELDS
from slik.challenges.models import Challenge, Stakeholder
from slik.challenges.selectors import visible_challenges
from slik.organisations.access import get_in_tenant
from slik.organisations.models import Membership

from .models import (
    Case,
    CaseStepCheck,
    GateDecision,
    PhasePeriod,
    PhaseStep,
    Responsibility,
    RoadmapTemplate,
)
from .phases import phase_days


def published_cases(*, organisation):
    """The cases published to politicians: what a politician, or a report for them, shows."""
    return Case.objects.filter(organisation=organisation, is_published=True)


def visible_cases(*, actor, organisation):
    """Cases the actor may see: staff every one, politicians only published ones. The one rule
    for cases: lists, filters, counts and links elsewhere all start from it."""
    if not actor.has_perm("cases.view_case", Case(organisation=organisation)):
        return published_cases(organisation=organisation)
    return Case.objects.filter(organisation=organisation)


# Lookups bound to the outer row, written in SQL – the same on SQLite and PostgreSQL, values
# passed as parameters: Django took longer to build and compile each as a Subquery or Exists
# than the database takes to run it. The outer query holds its rows to the organisation (the case's
# own, or the steps of the case's roadmap), so the lookups need no scope of their own.

# The start of a case's current phase: of its open phase period (the latest, should there be
# two). As a Subquery ≈ 0.3 ms to build on the case list.
CURRENT_PHASE_SINCE = (
    f"SELECT MAX(period.started_on) FROM {PhasePeriod._meta.db_table} period"
    f' WHERE period.case_id = "{Case._meta.db_table}".id AND period.ended_on IS NULL'
)

# Whether the case has stakeholders (the case page then loads the chart scripts). As an
# Exists ≈ 0.35 ms to build on the case page, a third of the case's query.
HAS_STAKEHOLDERS = (
    f"EXISTS (SELECT 1 FROM {Stakeholder._meta.db_table} stakeholder"
    f' WHERE stakeholder.case_id = "{Case._meta.db_table}".id)'
)

# Whether the case (the parameter) has ticked the outer step of its roadmap.
STEP_DONE = (
    f"EXISTS (SELECT 1 FROM {CaseStepCheck._meta.db_table} step_check"
    f' WHERE step_check.step_id = "{PhaseStep._meta.db_table}".id'
    " AND step_check.case_id = %s AND step_check.is_done)"
)


def current_phase_since() -> RawSQL:
    """An annotation for a query on cases: the date the case's current phase began, None for
    a stopped case (its last period is closed)."""
    return RawSQL(CURRENT_PHASE_SINCE, (), output_field=DateField())


# What a row of the case list shows, read as a tuple (`selectors.case_list`).
CASE_LIST_COLUMNS = (
    "pk",
    "title",
    "is_published",
    "phase",
    "status",
    "owner__full_name",
    "owner__email",
    "owner__anonymised_at",
    "current_since",
)


def case_list(*, actor, organisation, filters: dict):
    """The list's rows as tuples of `CASE_LIST_COLUMNS`: the list shows nothing else, and a
    `Case` with its owner per row cost more than the page's template."""
    cases = visible_cases(actor=actor, organisation=organisation).annotate(
        current_since=current_phase_since()
    )
    if query := filters.get("q"):
        cases = cases.filter(Q(title__icontains=query) | Q(summary__icontains=query))
    for name in ("phase", "status", "innovation_type", "owner"):
        if value := filters.get(name):
            cases = cases.filter(**{name: value})
    if challenge := filters.get("challenge"):
        # A subquery, not a join: no duplicate rows, so no DISTINCT over every column (which
        # made the list and its count sort all of the organisation's cases).
        linked = Case.challenges.through.objects.filter(challenge=challenge).values("case_id")
        cases = cases.filter(pk__in=linked)
    return cases.values_list(*CASE_LIST_COLUMNS)


def challenge_cases(*, challenge, actor):
    """The cases working on a floke that the actor may see, by title."""
    cases = visible_cases(actor=actor, organisation=challenge.organisation)
    return cases.filter(challenges=challenge).only("id", "title").order_by("title", "id")


def case_detail(*, actor, organisation, case_id: int) -> Case:
    """One case with everything its page shows, in a fixed number of queries."""
    queryset = visible_cases(actor=actor, organisation=organisation).select_related(
        "owner", "leader", "template"
    )
    queryset = queryset.prefetch_related(
        # Only the floker the actor may see: a published case can answer an unpublished floke.
        Prefetch("challenges", queryset=visible_challenges(actor=actor, organisation=organisation)),
        "phase_periods",
        "step_checks",
        Prefetch("template__steps", queryset=PhaseStep.objects.order_by("phase", "order", "id")),
        Prefetch("gate_decisions", queryset=GateDecision.objects.select_related("recorded_by")),
        "decisions",
        "hypotheses",
        "insights",
        "n3_checks",
        Prefetch("responsibilities", queryset=Responsibility.objects.select_related("user")),
        Prefetch("stakeholders", queryset=Stakeholder.objects.all()),
    )
    return get_in_tenant(queryset, organisation, pk=case_id)


def case_page(*, actor, organisation, case_id: int) -> Case:
    """One case with what the top of its page shows: its roadmap version and the names of its
    owner and leader (`USER_LABEL_FIELDS`, as `owner_full_name` …) as columns of the same row,
    not three related objects, and whether it has stakeholders (the page then loads the chart
    scripts). The records, the team, the stakeholders and the history are sections loaded after
    the page (views/sections.py)."""
    names = {
        f"{role}_{name}": F(f"{role}__{name}")
        for role in ("owner", "leader")
        for name in USER_LABEL_FIELDS
    }
    queryset = visible_cases(actor=actor, organisation=organisation).annotate(
        template_version=F("template__version"),
        has_stakeholders=RawSQL(HAS_STAKEHOLDERS, (), output_field=BooleanField()),
        **names,
    )
    return get_in_tenant(queryset, organisation, pk=case_id)


def case_floker(*, case: Case, actor, organisation) -> list[Challenge]:
    """The floker the case answers that the actor may see (a published case can answer an
    unpublished floke), in the floker's own order: their title and status."""
    challenges = visible_challenges(actor=actor, organisation=organisation)
    return list(challenges.filter(cases=case).only("pk", "title", "status", "organisation_id"))


# The rows of a case fetched in its tenant (`case_page`, `access_case`) are read by the case's
# id without the scope's join back to the organisation: the case already fixes it.


def case_periods(case: Case) -> list[PhasePeriod]:
    return list(PhasePeriod.objects.with_scopes_disabled().filter(case_id=case.pk))


def case_stakeholders(case: Case) -> list[Stakeholder]:
    return case_rows(Stakeholder, case)


def case_rows(model, case: Case, *related: str) -> list:
    """The records of one kind of the case (`model` has a `case` key), in the model's order."""
    rows = model.objects.with_scopes_disabled().filter(case_id=case.pk)
    return list(rows.select_related(*related) if related else rows)


def checklist_rows(case: Case) -> list[dict]:
    """The steps of the case's current phase with their state, in one read: whether a step is
    ticked is looked up in SQL (`STEP_DONE`; a Django `Exists` per step cost more to build than
    a second query)."""
    steps = PhaseStep.objects.with_scopes_disabled().filter(
        template_id=case.template_id, phase=case.phase
    )
    done = RawSQL(STEP_DONE, (case.pk,), output_field=BooleanField())
    rows = steps.order_by("order", "id").annotate(done=done).values_list("pk", "text", "done")
    return [{"step": {"pk": pk, "text": text}, "done": done} for pk, text, done in rows]


def checklist_for(case: Case, phase: int | None = None) -> list[dict]:
    """The steps of a phase with their state, from prefetched rows."""
    phase = phase or case.phase
    checks = {check.step_id: check for check in case.step_checks.all()}
    rows = []
    for step in case.template.steps.all():
        if step.phase != phase:
            continue
        check = checks.get(step.pk)
        rows.append({"step": step, "done": bool(check and check.is_done), "check": check})
    return rows


def phase_track(case: Case, periods=None) -> list[dict]:
    """The phases with days spent in each; `periods` read by the caller, or prefetched."""
    periods = list(case.phase_periods.all() if periods is None else periods)
    days = phase_days(periods)
    visited = {period.phase for period in periods}
    not_started = gettext("not started")
    return [
        {
            "phase": value,
            "label": label,
            "days": days[value],
            "visited": value in visited,
            # The same catalogue entry as {% blocktranslate count days=… %}: one lookup here
            # instead of a template block per phase.
            "time": ngettext("%(days)s day", "%(days)s days", days[value]) % {"days": days[value]}
            if value in visited
            else not_started,
            "current": value == case.phase,
            "done": value < case.phase,
        }
        for value, label in Case._meta.get_field("phase").choices
    ]


def member_users(organisation, *, staff_only: bool = True):
    memberships = Membership.objects.filter(organisation=organisation)
    if staff_only:
        memberships = memberships.exclude(role=Membership.Role.POLITICIAN)
    return User.objects.filter(pk__in=memberships.values("user_id")).order_by("full_name")


def source_challenge(*, actor, organisation, challenge_id) -> Challenge | None:
    """The floke a new case is made from, when the actor may see it; else None (a foreign,
    hidden or mangled id makes an ordinary new case)."""
    if not (challenge_id or "").isdigit():
        return None
    challenges = visible_challenges(actor=actor, organisation=organisation)
    return challenges.filter(pk=int(challenge_id)).first()


def challenge_stakeholder_count(challenge: Challenge) -> int:
    return Stakeholder.objects.filter(challenge=challenge).count()


def organisation_challenges(organisation):
    return Challenge.objects.filter(organisation=organisation).order_by("title")


def case_owners(*, actor, organisation):
    """The people who own a case the actor may see: a filter names no one else."""
    owners = visible_cases(actor=actor, organisation=organisation).values("owner_id")
    return User.objects.filter(pk__in=owners).order_by("full_name", "email")


def roadmap_versions(organisation):
    return RoadmapTemplate.objects.filter(organisation=organisation).select_related("created_by")


def steps_by_phase(template: RoadmapTemplate) -> dict[int, list[PhaseStep]]:
    grouped: dict[int, list[PhaseStep]] = {
        value: [] for value, _ in PhaseStep._meta.get_field("phase").choices
    }
    for step in template.steps.order_by("phase", "order", "id"):
        grouped[step.phase].append(step)
    return grouped
