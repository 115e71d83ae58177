"""The dashboard's reads written in SQL (`selectors/dashboard_sql.py`) give what the ORM reads
they replace gave: the same cases for every filter, for staff and for politicians, the same
light rows, floker, sectors, choice lists and settings."""

import datetime
import itertools
from decimal import Decimal

import pytest
from django.db.models import BigIntegerField, FilteredRelation, IntegerField, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from slik.cases.models import Case
from slik.cases.selectors import current_phase_since, member_users
from slik.cases.tests.factories import CaseFactory, set_phase
from slik.challenges.models import Challenge
from slik.core.seed import seed_text
from slik.organisations.models import Sector
from slik.portfolio import breakdowns
from slik.portfolio.selectors import dashboard_sql as sql
from slik.portfolio.selectors.dashboard import PERSON, DashboardFilters, _name, filtered_cases

from .factories import StatusReportFactory

TODAY = timezone.localdate()


@pytest.fixture
def mix(org, other_org, coordinator, project_leader, leader):
    """Cases in several phases and statuses, published or not, with published and unpublished
    floker (with two sectors, one, none), without a floke, and one linked to another
    organisation's floke (the forms never offer one)."""
    with scope(organisation=org.pk):
        sectors = list(Sector.objects.filter(organisation=org)[:2])
        shown = Challenge.objects.create(organisation=org, title="Øvre floke", is_published=True)
        shown.sectors.set(sectors)
        hidden = Challenge.objects.create(organisation=org, title="Skjult", is_published=False)
        hidden.sectors.set(sectors[:1])
        bare = Challenge.objects.create(organisation=org, title="Aften", is_published=True)
    with scope(organisation=other_org.pk):
        foreign = Challenge.objects.create(organisation=other_org, title="Fremmed")
        foreign.sectors.set(Sector.objects.filter(organisation=other_org)[:1])
    layout = [
        ("Ærlig sak", [shown, hidden], 2, Case.Status.ACTIVE, True, project_leader),
        ("alfa", [shown], 3, Case.Status.POSTPONED, False, leader),
        ("Beta", [hidden], 2, Case.Status.ACTIVE, True, None),
        ("beta", [bare], 1, Case.Status.STOPPED, True, project_leader),
        ("Åpen", [], 4, Case.Status.ACTIVE, True, leader),
        ("Zulu", [foreign, bare], 2, Case.Status.ACTIVE, True, project_leader),
    ]
    reports = {0: [("2024-05-01", True), ("2024-06-01", True)], 1: [("2024-07-01", False)]}
    reports[3] = [("2024-03-01", True)]
    for n, (title, floker, phase, status, published, owner) in enumerate(layout):
        case = CaseFactory(
            organisation=org,
            actor=coordinator,
            title=title,
            challenges=floker,
            owner=owner,
            is_published=published,
            budget=Decimal(1000 * n) if n else None,
            hours=n or None,
        )
        set_phase(case, phase, status=status, since=TODAY - datetime.timedelta(days=10 * n))
        for reported_on, publish in reports.get(n, []):
            day = datetime.date.fromisoformat(reported_on)
            StatusReportFactory(case=case, actor=leader, reported_on=day, publish=publish)
    CaseFactory(organisation=other_org, title="Annen kommune")
    return {"shown": shown, "hidden": hidden, "bare": bare, "sectors": sectors}


def _all_filters(org, mix, project_leader):
    values = {
        "phase": [None, 2],
        "status": ["", Case.Status.ACTIVE],
        "owner": [None, project_leader.pk],
        "challenge": [None, mix["shown"].pk, mix["hidden"].pk],
        "sector": [None, mix["sectors"][0].pk, mix["sectors"][1].pk],
    }
    for combination in itertools.product(*values.values()):
        yield DashboardFilters(**dict(zip(values, combination, strict=True)))


def _orm_facts(org, filters, details):
    """What the dashboard read with the ORM before (without the innovation type and OECD facet,
    which only the balance panel counts)."""
    cases = filtered_cases(organisation=org, filters=filters, details=details)
    cases = cases.annotate(since=current_phase_since(), kroner=Cast("budget", BigIntegerField()))
    rows = cases.order_by().values_list(
        "pk", "title", "phase", "status", "kroner", "hours", "since"
    )
    facts = [
        breakdowns.CaseFacts(
            pk, title, phase, status, None, None, kroner, hours, breakdowns.days_since(since, TODAY)
        )
        for pk, title, phase, status, kroner, hours, since in rows
    ]
    return breakdowns.in_listing_order(facts)


def _orm_balance(org, filters, details):
    """What the balance read with the ORM before: one row per case, floke and sector."""
    cases = filtered_cases(organisation=org, filters=filters, details=details)
    floke = "challenges"
    if not details:
        published = Q(challenges__is_published=True)
        cases = cases.annotate(published=FilteredRelation("challenges", condition=published))
        floke = "published"
    rows = cases.order_by().values_list(
        "pk",
        "title",
        "status",
        "innovation_type",
        "oecd_facet",
        f"{floke}__id",
        f"{floke}__title",
        f"{floke}__sectors__id",
        f"{floke}__sectors__name",
    )
    facts, groups = {}, breakdowns.Groups({}, {}, {}, {})
    for case_id, title, status, kind, facet, challenge_id, floke_title, sector_id, name in rows:
        facts.setdefault(
            case_id,
            breakdowns.CaseFacts(case_id, title, None, status, kind, facet, None, None, None),
        )
        if challenge_id is not None:
            groups.add_link(case_id, challenge_id, floke_title)
            if sector_id is not None:
                groups.add_sector(challenge_id, sector_id, seed_text(name))
    return breakdowns.in_listing_order(facts.values()), groups


def _orm_latest(org, filters, details):
    """What the status panel read with the ORM before."""
    cases = filtered_cases(organisation=org, filters=filters, details=details)
    latest = RawSQL(sql.LATEST_REPORT, (), output_field=IntegerField())
    report = FilteredRelation("status_reports", condition=Q(status_reports__pk=latest))
    rows = (
        cases.exclude(status=Case.Status.STOPPED)
        .annotate(latest=report)
        .order_by()
        .values_list("pk", "title", "latest__pk", "latest__reported_on", "latest__overall")
    )
    return [breakdowns.StatusFacts(*row) for row in rows]


@pytest.mark.parametrize("details", [True, False])
def test_cases_rows_and_balance_are_what_the_orm_read(org, mix, project_leader, details):
    with scope(organisation=org.pk):
        for filters in _all_filters(org, mix, project_leader):
            facts = sql.case_facts(organisation=org, filters=filters, details=details, today=TODAY)
            latest = sql.latest_reports(organisation=org, filters=filters, details=details)
            assert latest == _orm_latest(org, filters, details), filters
            assert facts == _orm_facts(org, filters, details), filters
            got, groups = sql.balance_facts(organisation=org, filters=filters, details=details)
            want, orm_groups = _orm_balance(org, filters, details)
            assert got == want, filters
            assert {k: sorted(v) for k, v in groups.case_challenges.items()} == {
                k: sorted(v) for k, v in orm_groups.case_challenges.items()
            }, filters
            assert groups.titles == orm_groups.titles
            assert groups.challenge_sectors == orm_groups.challenge_sectors
            assert groups.sector_names == orm_groups.sector_names


def test_the_rows_hold_what_the_page_shows(org, mix):
    with scope(organisation=org.pk):
        facts = sql.case_facts(
            organisation=org, filters=DashboardFilters(), details=True, today=TODAY
        )
    # Active first, then postponed and stopped; Norwegian order within (Æ, Ø, Å after Z).
    assert [case.title for case in facts] == ["Beta", "Zulu", "Ærlig sak", "Åpen", "alfa", "beta"]
    zulu = facts[1]
    assert (zulu.budget, zulu.hours, zulu.days_in_phase) == (5000, 5, 50)
    assert isinstance(zulu.budget, int)
    assert (facts[0].budget, facts[0].hours) == (2000, 2)
    assert (facts[2].budget, facts[2].hours, facts[2].days_in_phase) == (None, None, 0)


@pytest.mark.parametrize("details", [True, False])
def test_filter_lists_are_what_the_orm_read(org, mix, coordinator, details):
    with scopes_disabled():
        sectors = list(Sector.objects.filter(organisation=org).values_list("pk", "name"))
        floker = Challenge.objects.filter(organisation=org).order_by("title")
        if not details:
            floker = floker.filter(is_published=True)
        owners = list(member_users(org).values_list(*PERSON))
    assert sql.sector_choices(org) == sectors
    assert sql.challenge_choices(org, details=details) == list(floker.values_list("pk", "title"))
    rows = sql.owner_rows(org)
    assert [row[0] for row in rows] == [row[0] for row in owners]
    assert [_name(*row) for row in rows] == [_name(*row) for row in owners]


def test_an_anonymised_owner_is_named_as_deleted(org, project_leader):
    project_leader.anonymised_at = timezone.now()
    project_leader.save(update_fields=["anonymised_at"])
    names = {row[0]: _name(*row) for row in sql.owner_rows(org)}
    assert names[project_leader.pk] == str(project_leader)


def test_latest_reports_are_the_newest_published(org, mix):
    with scope(organisation=org.pk):
        rows = sql.latest_reports(organisation=org, filters=DashboardFilters(), details=True)
    by_title = {row.title: (row.reported_on, row.overall) for row in rows}
    # "beta" is stopped: not listed. "alfa" has a draft only.
    assert by_title == {
        "Ærlig sak": (datetime.date(2024, 6, 1), "on_plan"),
        "alfa": (None, None),
        "Beta": (None, None),
        "Åpen": (None, None),
        "Zulu": (None, None),
    }
