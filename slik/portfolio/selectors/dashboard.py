"""Reads of the portfolio dashboard, given the organisation and whether the actor sees details.

The page reads one light row per matching case (a tuple, no objects) and the case–floke and
floke–sector links; `slik.portfolio.breakdowns` turns them into every count, sum and average it
shows. What grows with the portfolio is read by its own panel, loaded after the page: the stuck
cases and the latest status reports (a page at a time), and the benefits with their pitfall
warnings (summed and found by the database in `slik.benefits`). Each read is a fixed number of
queries, whatever the number of cases.

Politicians get the aggregate view: published cases and floker only, no owners, no capacity
figures, no pitfall details.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from slik.benefits.pitfalls import PITFALL_TYPES
from slik.benefits.rollup_queries import organisation_rollup
from slik.benefits.selectors import organisation_pitfalls
from slik.cases.models import Case, PhasePeriod
from slik.cases.selectors import member_users, published_cases
from slik.challenges.models import Challenge
from slik.challenges.selectors import published_challenges
from slik.organisations.models import Sector

from .. import breakdowns
from ..models import StatusReport
from ..services.capacity import WipStatus, active_case_count
from ..services.settings import portfolio_settings_for

CaseChallenge = Case.challenges.through
ChallengeSector = Challenge.sectors.through
PITFALLS_LISTED = 5
FACT_FIELDS = ("pk", "title", "phase", "status", "innovation_type", "oecd_facet", "budget", "hours")


@dataclass(frozen=True)
class DashboardFilters:
    phase: int | None = None
    sector: int | None = None
    challenge: int | None = None
    owner: int | None = None
    status: str = ""

    def as_params(self) -> dict:
        return {name: value for name, value in self.__dict__.items() if value not in (None, "")}


@dataclass
class Dashboard:
    details: bool
    filters: DashboardFilters
    settings: object
    cases: list
    funnel: list
    breakdowns: dict
    resources: list
    stuck: list
    wip: WipStatus | None = None
    choices: dict = field(default_factory=dict)
    # Only the council report reads the benefits with the cases; the page has a panel for them.
    benefits: dict | None = None


def filtered_cases(*, organisation, filters: DashboardFilters, details: bool):
    if details:
        cases = Case.objects.filter(organisation=organisation)
    else:
        cases = published_cases(organisation=organisation)
    if filters.phase:
        cases = cases.filter(phase=filters.phase)
    if filters.status:
        cases = cases.filter(status=filters.status)
    if filters.owner and details:
        cases = cases.filter(owner_id=filters.owner)
    if filters.challenge:
        cases = cases.filter(
            pk__in=CaseChallenge.objects.filter(challenge_id=filters.challenge).values("case_id")
        )
    if filters.sector:
        in_sector = CaseChallenge.objects.filter(challenge__sectors=filters.sector)
        cases = cases.filter(pk__in=in_sector.values("case_id"))
    return cases


def filter_choices(*, organisation, details: bool, names=None) -> dict:
    """The choices of the filters (`names`: only these lists; the others stay empty, so a
    panel that only checks the filters it was given reads nothing for the rest)."""

    def wanted(name: str) -> bool:
        return names is None or name in names

    choices: dict[str, list] = {"sectors": [], "challenges": [], "owners": []}
    if wanted("sector"):
        sectors = Sector.objects.filter(organisation=organisation)
        choices["sectors"] = list(sectors.values_list("pk", "name"))
    if wanted("challenge"):
        if details:
            challenges = Challenge.objects.filter(organisation=organisation)
        else:
            challenges = published_challenges(organisation=organisation)
        choices["challenges"] = list(challenges.order_by("title").values_list("pk", "title"))
    if details and wanted("owner"):
        choices["owners"] = [(u.pk, str(u)) for u in member_users(organisation)]
    return choices


def _current_since():
    """The start of the case's current phase (its open phase period)."""
    current = PhasePeriod.objects.filter(case=OuterRef("pk"), ended_on__isnull=True).order_by(
        "-started_on", "-id"
    )
    return Subquery(current.values("started_on")[:1])


def case_facts(cases, today: datetime.date) -> list[breakdowns.CaseFacts]:
    """One light row per case, in listing order. One query."""
    rows = cases.annotate(since=_current_since()).order_by().values_list(*FACT_FIELDS, "since")
    facts = [
        breakdowns.CaseFacts(*row, breakdowns.days_since(since, today)) for *row, since in rows
    ]
    return breakdowns.in_listing_order(facts)


def case_groups(cases, *, details: bool) -> breakdowns.Groups:
    """The cases' floker (published ones only for politicians) and the floker's sectors. One
    query: a row per case–floke link and sector of the floke."""
    links = CaseChallenge.objects.filter(case__in=cases.values("pk"))
    if not details:
        links = links.filter(challenge__is_published=True)
    rows = links.values_list(
        "case_id",
        "challenge_id",
        "challenge__title",
        "challenge__sectors__id",
        "challenge__sectors__name",
    )
    groups = breakdowns.Groups({}, {}, {}, {})
    for case_id, challenge_id, title, sector_id, sector_name in rows:
        groups.add_link(case_id, challenge_id, title)
        if sector_id is not None:
            groups.add_sector(challenge_id, sector_id, sector_name)
    return groups


def sees_details(actor, organisation, *, for_politicians: bool = False) -> bool:
    return not for_politicians and actor.has_perm("portfolio.view_dashboard_details", organisation)


def _dashboard(*, organisation, filters, details, cases, groups, settings, choices) -> Dashboard:
    """The dashboard from `cases` in listing order (light rows, or annotated Case objects)."""
    wip = None
    if details:
        wip = WipStatus(count=active_case_count(organisation), limit=settings.wip_limit)
    return Dashboard(
        details=details,
        filters=filters,
        settings=settings,
        cases=cases,
        funnel=breakdowns.funnel(cases),
        breakdowns=breakdowns.balance(cases, groups),
        resources=breakdowns.resources(cases),
        stuck=breakdowns.stuck(cases, settings.stuck_after_days),
        wip=wip,
        choices=choices,
    )


def dashboard_overview(
    *,
    actor,
    organisation,
    filters: DashboardFilters,
    choices: dict | None = None,
    today: datetime.date | None = None,
) -> Dashboard:
    """The dashboard page as `actor` sees it: every figure from one light row per case.
    Four queries (settings, cases, floke links with their sectors, active cases for staff)
    besides the filter choices."""
    today = today or timezone.localdate()
    details = sees_details(actor, organisation)
    base = filtered_cases(organisation=organisation, filters=filters, details=details)
    return _dashboard(
        organisation=organisation,
        filters=filters,
        details=details,
        cases=case_facts(base, today),
        groups=case_groups(base, details=details),
        settings=portfolio_settings_for(organisation),
        choices=choices
        if choices is not None
        else filter_choices(organisation=organisation, details=details),
    )


def _with_latest_report(cases):
    latest = StatusReport.objects.filter(case=OuterRef("pk"), published_at__isnull=False).order_by(
        "-reported_on", "-published_at", "-id"
    )
    return cases.annotate(
        status_report_id=Subquery(latest.values("pk")[:1]),
        status_reported_on=Subquery(latest.values("reported_on")[:1]),
        status_overall=Subquery(latest.values("overall")[:1]),
    )


def portfolio_dashboard(
    *,
    actor,
    organisation,
    filters: DashboardFilters,
    today: datetime.date | None = None,
    for_politicians: bool = False,
) -> Dashboard:
    """The dashboard with every case as an object (its days in phase and latest published
    status report annotated) and the benefits, for the council report, which lists them all;
    `for_politicians` gives the politicians' view whoever asks. The page reads
    `dashboard_overview` and its panels instead."""
    today = today or timezone.localdate()
    details = sees_details(actor, organisation, for_politicians=for_politicians)
    base = filtered_cases(organisation=organisation, filters=filters, details=details)
    cases = _with_latest_report(base.annotate(current_since=_current_since()))
    if details:
        cases = cases.select_related("owner")
    cases = list(cases)
    for case in cases:
        case.days_in_phase = breakdowns.days_since(case.current_since, today)
    dashboard = _dashboard(
        organisation=organisation,
        filters=filters,
        details=details,
        cases=breakdowns.in_listing_order(cases),
        groups=case_groups(base, details=details),
        settings=portfolio_settings_for(organisation),
        choices={},
    )
    dashboard.benefits = benefit_totals(organisation=organisation, cases=base)
    return dashboard


# --- The panels -------------------------------------------------------------------------------


def stuck_cases(*, organisation, filters, details: bool, today=None) -> tuple[list, int]:
    """(the stuck cases, longest in their phase first, as light rows; the limit in days).
    Two queries (settings, cases)."""
    today = today or timezone.localdate()
    settings = portfolio_settings_for(organisation)
    base = filtered_cases(organisation=organisation, filters=filters, details=details)
    facts = case_facts(base, today)
    return breakdowns.stuck(facts, settings.stuck_after_days), settings.stuck_after_days


def case_owners(*, organisation, case_ids) -> dict[int, str]:
    """{case id: its owner as shown, "" without one} for a page of cases. One query."""
    cases = Case.objects.filter(organisation=organisation, pk__in=case_ids).select_related("owner")
    return {case.pk: str(case.owner) if case.owner else "" for case in cases}


def latest_status(*, organisation, filters, details: bool, today=None) -> list[dict]:
    """The latest published status report of every matching case that is not stopped, missing
    and oldest first. One query."""
    today = today or timezone.localdate()
    base = filtered_cases(organisation=organisation, filters=filters, details=details)
    rows = (
        _with_latest_report(base.exclude(status=Case.Status.STOPPED))
        .order_by()
        .values_list("pk", "title", "status_report_id", "status_reported_on", "status_overall")
    )
    return breakdowns.status_rows([breakdowns.StatusFacts(*row) for row in rows], today)


def benefit_totals(*, organisation, cases) -> dict:
    """Planned against realised benefits by category for `cases` (a queryset). Three queries."""
    rollup = organisation_rollup(organisation=organisation, cases=cases)
    return {"categories": rollup.categories, "total": rollup.total}


def benefit_overview(*, organisation, filters, details: bool, today=None) -> dict:
    """The benefits of the matching cases and their pitfall warnings (the first few named for
    staff). Six queries: the sums (three) and the pitfalls (three)."""
    base = filtered_cases(organisation=organisation, filters=filters, details=details)
    found = organisation_pitfalls(organisation=organisation, cases=base, today=today)
    top = PITFALLS_LISTED if details else 0
    return {
        **benefit_totals(organisation=organisation, cases=base),
        "pitfalls": breakdowns.pitfall_summary(found, PITFALL_TYPES, top=top),
    }
