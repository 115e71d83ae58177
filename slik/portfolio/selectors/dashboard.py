"""Reads of the portfolio dashboard, given the organisation and whether the actor sees details.

The page reads one light row per matching case (a tuple, no objects), the balance panel the
case–floke and floke–sector links too, both as SQL texts (`dashboard_sql`);
`slik.portfolio.breakdowns` turns them into every count, sum and average they show. What
grows with the portfolio is read by its own panel, loaded after the page: the stuck cases and
the latest status reports (a page at a time), and the benefits with their pitfall warnings
(summed and found by the database in `slik.benefits`). Each read is a fixed number of
queries, whatever the number of cases.

Politicians get the aggregate view: published cases and floker only, no owners, no capacity
figures, no pitfall details.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import (
    OuterRef,
    Subquery,
)
from django.utils import timezone

from slik.accounts.models import User
from slik.benefits.pitfalls import PITFALL_TYPES
from slik.benefits.rollup_queries import category_sums
from slik.benefits.selectors import organisation_pitfalls
from slik.cases.models import Case, Phase
from slik.cases.selectors import current_phase_since, published_cases
from slik.challenges.models import Challenge
from slik.core.links import link_maker

from .. import breakdowns
from ..models import StatusReport
from ..services.capacity import WipStatus, active_case_count, is_active
from ..services.settings import portfolio_settings_for
from . import dashboard_sql as sql

CaseChallenge = Case.challenges.through
ChallengeSector = Challenge.sectors.through
PITFALLS_LISTED = 5


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


def _in(model, organisation):
    """The organisation's rows of `model`. The reads here are bound to the organisation the
    request is in: the scope's filter would only repeat the same condition, and building it
    costs as much as the database takes to read a short list."""
    return model.objects.with_scopes_disabled().filter(organisation=organisation)


def filtered_cases(*, organisation, filters: DashboardFilters, details: bool):
    cases = _in(Case, organisation) if details else published_cases(organisation=organisation)
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


class _Person(NamedTuple):
    full_name: str
    email: str
    anonymised_at: datetime.datetime | None


# The columns of a user that `_name` needs, read as a row.
PERSON = ("pk", "full_name", "email", "anonymised_at")


def _name(user_id=None, full_name="", email="", anonymised_at=None) -> str:
    """A person as `User.__str__` writes the name, from the `PERSON` columns (no User
    instance per row); "" without one (no id: a case without an owner)."""
    return User.__str__(_Person(full_name, email, anonymised_at)) if user_id else ""


def filter_choices(*, organisation, details: bool, names=None) -> dict:
    """The choices of the filters (`names`: only these lists; the others stay empty, so a
    panel that only checks the filters it was given reads nothing for the rest)."""

    def wanted(name: str) -> bool:
        return names is None or name in names

    choices: dict[str, list] = {"sectors": [], "challenges": [], "owners": []}
    if wanted("sector"):
        choices["sectors"] = sql.sector_choices(organisation)
    if wanted("challenge"):
        choices["challenges"] = sql.challenge_choices(organisation, details=details)
    if details and wanted("owner"):
        owners = sql.owner_rows(organisation)
        choices["owners"] = [(pk, _name(pk, *person)) for pk, *person in owners]
    return choices


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


def _setting(organisation, name: str):
    """One of the organisation's portfolio settings, or its default while none are saved (as
    `portfolio_settings_for`, without a model instance)."""
    return sql.setting(organisation, name)


def wip_figures(organisation, cases=None) -> WipStatus:
    """The organisation's active cases and its limit for them. `cases`: every case of the
    organisation, already read as rows (the unfiltered page), counted here instead of by a
    query."""
    limit = _setting(organisation, "wip_limit")
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
    cases = sql.case_facts(organisation=organisation, filters=filters, details=details, today=today)
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
    # Bound to the outer case row (see `current_phase_since`): no join of the case per lookup.
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
    cases = _with_latest_report(base.annotate(current_since=current_phase_since()))
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
        groups=sql.balance_facts(organisation=organisation, filters=filters, details=details)[1],
        settings=portfolio_settings_for(organisation),
        choices={},
    )
    dashboard.benefits = benefit_totals(organisation=organisation, cases=base)
    return dashboard


# --- The panels -------------------------------------------------------------------------------


def stuck_cases(*, organisation, filters, details: bool, today=None) -> tuple[list, int]:
    """(the stuck cases, longest in their phase first, as light rows with their owner's name
    for staff; the limit in days). Two queries (settings; cases with their owners): the
    database finds the cases `breakdowns.is_stuck` names, so only they are read."""
    today = today or timezone.localdate()
    limit = _setting(organisation, "stuck_after_days")
    base = filtered_cases(organisation=organisation, filters=filters, details=details)
    running = (
        base.exclude(status=Case.Status.STOPPED)
        .filter(phase__lt=Phase.NY_PRAKSIS)
        .annotate(since=current_phase_since())
        .filter(since__lt=today - datetime.timedelta(days=limit))
        .order_by()
    )
    owner = [f"owner__{name}" for name in PERSON] if details else []
    rows = running.values_list("pk", "title", "phase", "since", *owner)
    found = [
        breakdowns.StuckFacts(pk, title, phase, breakdowns.days_since(since, today), _name(*who))
        for pk, title, phase, since, *who in rows
    ]
    return breakdowns.longest_in_phase_first(found), limit


def balance_overview(*, organisation, filters, details: bool) -> dict[str, list[dict]]:
    """The matching cases by floke, sector, innovation type and OECD facet. Four queries
    (`dashboard_sql.balance_facts`)."""
    facts = sql.balance_facts(organisation=organisation, filters=filters, details=details)
    return breakdowns.balance(*facts)


def latest_status(*, organisation, filters, details: bool, today=None) -> list:
    """The latest published status report of every matching case that is not stopped, missing
    and oldest first, as light rows (`breakdowns.status_rows` makes the rows of a page). One
    query (`dashboard_sql.latest_reports`)."""
    today = today or timezone.localdate()
    rows = sql.latest_reports(organisation=organisation, filters=filters, details=details)
    return breakdowns.status_order(rows, today)


def benefit_totals(*, organisation, cases) -> dict:
    """Planned against realised benefits by category for `cases` (a queryset; None: all the
    organisation's). One query."""
    categories, total = category_sums(organisation=organisation, cases=cases)
    return {"categories": categories, "total": total}


def benefit_overview(*, organisation, filters, details: bool, today=None) -> dict:
    """The benefits of the matching cases and their pitfall warnings (the first few named for
    staff, each with its benefit's address). Three to five queries: the sums (one) and the
    pitfalls (settings, benefits; the indicators of hinted benefits, the titles shown). Staff
    without filters see every case of the organisation: the benefits are then the
    organisation's, with no list of cases to compare with."""
    base = None
    if filters.as_params() or not details:
        base = filtered_cases(organisation=organisation, filters=filters, details=details)
    found = organisation_pitfalls(organisation=organisation, cases=base, today=today)
    top = PITFALLS_LISTED if details else 0
    pitfalls = breakdowns.pitfall_summary(found, PITFALL_TYPES, top=top)
    # The benefits' addresses from one reverse(), not a {% url %} per warning.
    benefit_url = link_maker("benefits:benefit", id_name="benefit_id", org_slug=organisation.slug)
    pitfalls["top"] = [(pitfall, benefit_url(pitfall.benefit.pk)) for pitfall in pitfalls["top"]]
    return {**benefit_totals(organisation=organisation, cases=base), "pitfalls": pitfalls}
