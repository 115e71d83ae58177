"""The portfolio dashboard: one read of the organisation's cases, aggregated in Python.

The number of queries does not grow with the number of cases: cases (with their current phase
start and latest published status report as subqueries), case–floke links, floke–sector links,
benefits with indicators, the pitfalls, the settings and the filter choices.

Politicians get the aggregate view: published cases only, no owners, no capacity figures, no
pitfall details.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from slik.benefits.pitfalls import pitfalls_of
from slik.benefits.rollup import CategoryTotals, rollup_benefits
from slik.cases.models import Case, PhasePeriod
from slik.cases.selectors import published_cases
from slik.challenges.models import Challenge
from slik.challenges.selectors import published_challenges
from slik.organisations.models import Sector

from ..models import StatusReport
from ..services.capacity import WipStatus, active_case_count
from ..services.settings import portfolio_settings_for
from . import breakdowns

CaseChallenge = Case.challenges.through
ChallengeSector = Challenge.sectors.through


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
    cases: list
    settings: object
    funnel: list
    breakdowns: dict
    resources: list
    stuck: list
    status_rows: list
    benefits: dict
    pitfalls: dict
    wip: WipStatus | None = None
    choices: dict = field(default_factory=dict)


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


def _annotated(cases, *, details: bool):
    current = PhasePeriod.objects.filter(case=OuterRef("pk"), ended_on__isnull=True).order_by(
        "-started_on", "-id"
    )
    latest = StatusReport.objects.filter(case=OuterRef("pk"), published_at__isnull=False).order_by(
        "-reported_on", "-published_at", "-id"
    )
    cases = cases.annotate(
        current_since=Subquery(current.values("started_on")[:1]),
        status_report_id=Subquery(latest.values("pk")[:1]),
        status_reported_on=Subquery(latest.values("reported_on")[:1]),
        status_overall=Subquery(latest.values("overall")[:1]),
    ).order_by("title", "pk")
    if details:
        cases = cases.select_related("owner")
    return cases


def _links(cases, *, details: bool):
    """case id → floke ids and floke id → (title, sector ids); two queries."""
    links = CaseChallenge.objects.filter(case__in=cases.values("pk"))
    if not details:
        links = links.filter(challenge__is_published=True)
    case_challenges: dict[int, list[int]] = {}
    titles: dict[int, str] = {}
    for case_id, challenge_id, title in links.values_list(
        "case_id", "challenge_id", "challenge__title"
    ):
        case_challenges.setdefault(case_id, []).append(challenge_id)
        titles[challenge_id] = title
    sector_rows = ChallengeSector.objects.filter(challenge_id__in=links.values("challenge_id"))
    challenge_sectors: dict[int, set[int]] = {}
    sector_names: dict[int, str] = {}
    for challenge_id, sector_id, name in sector_rows.values_list(
        "challenge_id", "sector_id", "sector__name"
    ):
        challenge_sectors.setdefault(challenge_id, set()).add(sector_id)
        sector_names[sector_id] = name
    return case_challenges, titles, challenge_sectors, sector_names


DASHBOARD_BENEFIT_FIELDS = (
    "organisation_id",
    "title",
    "status",
    "progress",
    "realisation",
    "reallocation_to",
    "owner_id",
    "responsible_id",
    "category__name",
    "category__category_set",
    "case__organisation_id",
    "case__title",
    "case__phase",
    "case__status",
    "responsible__full_name",
)


def _benefits(*, benefits) -> dict:
    """Planned against realised for the filtered cases, by category (from the benefits roll-up)."""
    by_category: dict[object, CategoryTotals] = {}
    total = CategoryTotals(name="")
    for benefit in benefits:
        if benefit.status == benefit.Status.CANCELLED:
            continue
        category = benefit.category
        key = category.pk if category else None
        if key not in by_category:
            by_category[key] = CategoryTotals(
                name=category.name if category else "",
                category_set=category.category_set if category else "",
            )
        for totals in (by_category[key], total):
            totals.benefits += 1
            for indicator in benefit.indicators.all():
                totals.add(indicator)
    rows = sorted(by_category.values(), key=lambda r: (r.name == "", r.category_set, r.name))
    return {"categories": rows, "total": total}


def _pitfalls(*, organisation, benefits, details: bool, top: int = 5) -> dict:
    found = pitfalls_of(benefits, organisation=organisation)
    by_type: dict[str, int] = {}
    for pitfall in found:
        by_type[pitfall.label] = by_type.get(pitfall.label, 0) + 1
    return {
        "count": len(found),
        "by_type": sorted(by_type.items(), key=lambda item: (-item[1], item[0])),
        "top": found[:top] if details else [],
    }


def filter_choices(*, organisation, details: bool) -> dict:
    if details:
        challenges = Challenge.objects.filter(organisation=organisation)
    else:
        challenges = published_challenges(organisation=organisation)
    challenges = challenges.order_by("title")
    choices = {
        "sectors": list(Sector.objects.filter(organisation=organisation).values_list("pk", "name")),
        "challenges": list(challenges.values_list("pk", "title")),
        "owners": [],
    }
    if details:
        from slik.cases.selectors import member_users

        choices["owners"] = [(u.pk, str(u)) for u in member_users(organisation)]
    return choices


def portfolio_dashboard(
    *,
    actor,
    organisation,
    filters: DashboardFilters,
    choices: dict | None = None,
    today: datetime.date | None = None,
    for_politicians: bool = False,
) -> Dashboard:
    """The dashboard as `actor` sees it; `for_politicians` gives the politicians' view (published
    cases and floker only, no details) whoever asks, for what is made to be read by them."""
    today = today or timezone.localdate()
    details = not for_politicians and actor.has_perm(
        "portfolio.view_dashboard_details", organisation
    )
    settings = portfolio_settings_for(organisation)
    base = filtered_cases(organisation=organisation, filters=filters, details=details)
    cases = list(_annotated(base, details=details))
    breakdowns.add_days(cases, today)
    case_challenges, titles, challenge_sectors, sector_names = _links(base, details=details)
    groups = breakdowns.Groups(case_challenges, titles, challenge_sectors, sector_names)
    # One read of the benefits serves both the roll-up and the pitfall warnings; only the
    # columns they use are loaded (500 cases carry about 1,500 benefits).
    benefits = list(
        rollup_benefits(organisation=organisation)
        .filter(case__in=base.values("pk"))
        .only(*DASHBOARD_BENEFIT_FIELDS)
    )
    wip = None
    if details:
        wip = WipStatus(count=active_case_count(organisation), limit=settings.wip_limit)
    return Dashboard(
        details=details,
        filters=filters,
        cases=cases,
        settings=settings,
        funnel=breakdowns.funnel(cases),
        breakdowns=breakdowns.balance(cases, groups),
        resources=breakdowns.resources(cases),
        stuck=breakdowns.stuck(cases, settings.stuck_after_days),
        status_rows=breakdowns.status_rows(cases, today),
        benefits=_benefits(benefits=benefits),
        pitfalls=_pitfalls(organisation=organisation, benefits=benefits, details=details),
        wip=wip,
        choices=choices
        if choices is not None
        else filter_choices(organisation=organisation, details=details),
    )
