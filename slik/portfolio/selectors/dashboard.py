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

from django.db.models import FilteredRelation, OuterRef, Q, Subquery
from django.utils import timezone

from slik.benefits.pitfalls import PITFALL_TYPES
from slik.benefits.rollup_queries import organisation_rollup
from slik.benefits.selectors import organisation_pitfalls
from slik.cases.models import Case, Phase, PhasePeriod
from slik.cases.selectors import member_users, published_cases
from slik.challenges.models import Challenge
from slik.challenges.selectors import published_challenges
from slik.core.seed import seed_text
from slik.organisations.models import Sector

from .. import breakdowns
from ..models import StatusReport
from ..services.capacity import WipStatus, active_case_count, is_active
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
        owners = member_users(organisation).only("pk", "full_name", "email", "anonymised_at")
        choices["owners"] = [(user.pk, str(user)) for user in owners]
    return choices


def _current_since():
    """The start of the case's current phase (its open phase period)."""
    # Bound to the outer case row, which the outer query holds to the organisation: the scope's
    # own filter would join the case again for every one of Oslo's 500 lookups.
    current = (
        PhasePeriod.objects.with_scopes_disabled()
        .filter(case=OuterRef("pk"), ended_on__isnull=True)
        .order_by("-started_on", "-id")
    )
    return Subquery(current.values("started_on")[:1])


def case_facts(cases, today: datetime.date, *, phase_days: bool = True, since_before=None):
    """One light row per case, in listing order. One query. Without `phase_days` only what
    the balance needs is read (no phase, days in it or resources: they are None). With
    `since_before` (a date), only the cases whose current phase started before it."""
    if not phase_days:
        # Neither phase nor resources either: a budget is a Decimal to convert per row.
        rows = cases.order_by().values_list(
            "pk", "title", "status", "innovation_type", "oecd_facet"
        )
        return breakdowns.in_listing_order(
            [
                breakdowns.CaseFacts(pk, title, None, status, kind, facet, None, None, None)
                for pk, title, status, kind, facet in rows
            ]
        )
    cases = cases.annotate(since=_current_since())
    if since_before is not None:
        cases = cases.filter(since__lt=since_before)
    rows = cases.order_by().values_list(*FACT_FIELDS, "since")
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
            groups.add_sector(challenge_id, sector_id, seed_text(sector_name))
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


def wip_figures(organisation, cases=None) -> WipStatus:
    """The organisation's active cases and its limit for them. `cases`: every case of the
    organisation, already read as rows (the unfiltered page), counted here instead of by a
    query."""
    limit = portfolio_settings_for(organisation).wip_limit
    if cases is None:
        return WipStatus(count=active_case_count(organisation), limit=limit)
    return WipStatus(count=sum(1 for case in cases if is_active(case)), limit=limit)


def dashboard_overview(
    *,
    actor,
    organisation,
    filters: DashboardFilters,
    choices: dict | None = None,
    today: datetime.date | None = None,
) -> Dashboard:
    """The dashboard page as `actor` sees it: the funnel and the resources from one light row
    per case, and the capacity for staff; the stuck cases and the balance are panels of their
    own (`stuck_cases`, `balance_overview`). One query (cases), for staff one more (the
    settings) and, with filters, a count of the active cases; besides the filter choices."""
    today = today or timezone.localdate()
    details = sees_details(actor, organisation)
    base = filtered_cases(organisation=organisation, filters=filters, details=details)
    cases = case_facts(base, today)
    wip = None
    if details:
        # Unfiltered, staff read every case of the organisation: the active ones are among them.
        wip = wip_figures(organisation, cases if filters == DashboardFilters() else None)
    return Dashboard(
        details=details,
        filters=filters,
        settings=None,
        cases=cases,
        funnel=breakdowns.funnel(cases),
        breakdowns={},
        resources=breakdowns.resources(cases),
        stuck=[],
        wip=wip,
        choices=choices
        if choices is not None
        else filter_choices(organisation=organisation, details=details),
    )


def _with_latest_report(cases):
    # Bound to the outer case row (see `_current_since`): no join of the case per lookup.
    latest = (
        StatusReport.objects.with_scopes_disabled()
        .filter(case=OuterRef("pk"), published_at__isnull=False)
        .order_by("-reported_on", "-published_at", "-id")
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
    Two queries (settings, cases): the database finds the cases `breakdowns.is_stuck` names,
    so only they are read."""
    today = today or timezone.localdate()
    limit = portfolio_settings_for(organisation).stuck_after_days
    base = filtered_cases(organisation=organisation, filters=filters, details=details)
    running = base.exclude(status=Case.Status.STOPPED).filter(phase__lt=Phase.NY_PRAKSIS)
    facts = case_facts(running, today, since_before=today - datetime.timedelta(days=limit))
    return breakdowns.stuck(facts, limit), limit


def balance_overview(*, organisation, filters, details: bool) -> dict[str, list[dict]]:
    """The matching cases by floke, sector, innovation type and OECD facet. Two queries (cases,
    floke links with their sectors)."""
    base = filtered_cases(organisation=organisation, filters=filters, details=details)
    facts = case_facts(base, timezone.localdate(), phase_days=False)
    return breakdowns.balance(facts, case_groups(base, details=details))


def case_owners(*, organisation, case_ids) -> dict[int, str]:
    """{case id: its owner as shown, "" without one} for a page of cases. One query."""
    cases = (
        Case.objects.filter(organisation=organisation, pk__in=case_ids)
        .select_related("owner")
        .only("pk", "owner__full_name", "owner__email", "owner__anonymised_at")
    )
    return {case.pk: str(case.owner) if case.owner else "" for case in cases}


def latest_status(*, organisation, filters, details: bool, today=None) -> list[dict]:
    """The latest published status report of every matching case that is not stopped, missing
    and oldest first. One query: the report is joined on its id (found by one correlated
    subquery per case), not looked up three times for its id, date and level."""
    today = today or timezone.localdate()
    base = filtered_cases(organisation=organisation, filters=filters, details=details)
    latest = (
        StatusReport.objects.with_scopes_disabled()
        .filter(case=OuterRef("pk"), published_at__isnull=False)
        .order_by("-reported_on", "-published_at", "-id")
        .values("pk")[:1]
    )
    report = FilteredRelation("status_reports", condition=Q(status_reports__pk=Subquery(latest)))
    rows = (
        base.exclude(status=Case.Status.STOPPED)
        .annotate(latest=report)
        .order_by()
        .values_list("pk", "title", "latest__pk", "latest__reported_on", "latest__overall")
    )
    return breakdowns.status_rows([breakdowns.StatusFacts(*row) for row in rows], today)


def benefit_totals(*, organisation, cases) -> dict:
    """Planned against realised benefits by category for `cases` (a queryset). Two queries."""
    rollup = organisation_rollup(organisation=organisation, cases=cases)
    return {"categories": rollup.categories, "total": rollup.total}


def benefit_overview(*, organisation, filters, details: bool, today=None) -> dict:
    """The benefits of the matching cases and their pitfall warnings (the first few named for
    staff). Five queries: the sums (two) and the pitfalls (three)."""
    base = filtered_cases(organisation=organisation, filters=filters, details=details)
    found = organisation_pitfalls(organisation=organisation, cases=base, today=today)
    top = PITFALLS_LISTED if details else 0
    return {
        **benefit_totals(organisation=organisation, cases=base),
        "pitfalls": breakdowns.pitfall_summary(found, PITFALL_TYPES, top=top),
    }
