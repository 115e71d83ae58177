"""The goal list read with SQL text (`selectors.goals.GoalPages`) gives what `plan_goals` gives
for staff: the same rows, counts and order, page by page, for every filter of the list; the
years with goals compiled once (`goal_years`) are those the ORM counts."""

import itertools

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope

from slik.benefits import services as benefit_services
from slik.cases.tests.factories import CaseFactory

from ..models import PlanGoal
from ..selectors import goals as selectors
from .factories import PlanGoalFactory


@pytest.fixture
def goals(org, other_org, leader, coordinator, outsider):
    """Goals of every plan over two years, titles that tie and differ only in case, with no,
    one and several linked cases and benefits; another organisation's goal."""
    cases = [CaseFactory(organisation=org, actor=coordinator) for _ in range(3)]
    with scope(organisation=org.pk):
        benefits = [
            benefit_services.benefit_create(actor=leader, case=case, title=f"Gevinst {n}")
            for n, case in enumerate(cases)
        ]
    layout = [
        ("Bedre skole", "budget", 2025, "", cases, benefits[:1]),
        ("bedre skole", "budget", 2025, "Kap. 2", [], []),
        ("Bedre skole", "budget", 2025, "Kap. 1", cases[:1], benefits),
        ("Ærlig mål", "action_plan", 2024, "", cases[1:], []),
        ("Aktiv by", "community_plan", 2024, "s. 4", [], benefits[1:]),
        ("Zulu", "community_plan", 2025, "", cases[2:], []),
    ]
    for title, source, year, reference, linked, gains in layout:
        PlanGoalFactory(
            organisation=org,
            actor=leader,
            title=title,
            source=source,
            year=year,
            reference=reference,
            cases=linked,
            benefits=gains,
        )
    PlanGoalFactory(organisation=other_org, actor=outsider, year=2023)
    return org


SHAPES = list(itertools.product(["", "budget", "community_plan"], [None, 2024, 2025]))


@pytest.mark.parametrize(("source", "year"), SHAPES)
def test_goal_pages_are_the_orm_rows(goals, leader, source, year):
    with scope(organisation=goals.pk):
        expected = [
            tuple(row)
            for row in selectors.plan_goals(
                actor=leader, organisation=goals, source=source, year=year
            )
        ]
    pages = selectors.GoalPages(organisation=goals, source=source, year=year)
    assert pages.count() == len(pages) == len(expected)
    assert [tuple(row) for row in pages[0:100]] == expected
    for start, stop in [(0, 2), (2, 4), (4, 6), (5, 9)]:
        assert [tuple(row) for row in pages[start:stop]] == expected[start:stop]


def test_goal_pages_paginate_as_the_queryset(goals, leader):
    with scope(organisation=goals.pk):
        queryset = selectors.plan_goals(actor=leader, organisation=goals)
        for number in (1, 2, 3):
            expected = Paginator(queryset, 2).page(number)
            page = Paginator(selectors.GoalPages(organisation=goals), 2).page(number)
            assert [tuple(row) for row in page] == [tuple(row) for row in expected]
            assert page.paginator.count == expected.paginator.count == 6
            assert page.paginator.num_pages == 3


def test_goal_pages_are_read_a_page_at_a_time(goals):
    pages = selectors.GoalPages(organisation=goals)
    with pytest.raises(TypeError):
        pages[0:None]
    with pytest.raises(TypeError):
        pages[0:4:2]
    with CaptureQueriesContext(connection) as queries:
        assert pages[3:3] == []
    assert not queries.captured_queries


def test_an_empty_goal_list_reads_no_page(client_as, other_org, outsider):
    """As the queryset did: an empty list's page is not read (the count comes with the years)."""
    url = reverse("portfolio:goal_list", kwargs={"org_slug": other_org.slug})
    with CaptureQueriesContext(connection) as queries:
        response = client_as(outsider).get(url)
    assert response.status_code == 200
    pages = [q for q in queries.captured_queries if "portfolio_plangoal" in q["sql"]]
    assert len(pages) == 1  # the years only


def test_the_list_reads_sql_only_for_staff_without_a_search(goals, leader, politician):
    assert isinstance(selectors.goal_list(actor=leader, organisation=goals), selectors.GoalPages)
    with scope(organisation=goals.pk):
        searched = selectors.goal_list(actor=leader, organisation=goals, query="skole")
        assert [row.title for row in searched] == ["Bedre skole", "Bedre skole", "bedre skole"]
        visible = selectors.goal_list(actor=politician, organisation=goals)
        assert not isinstance(visible, selectors.GoalPages)


def test_goal_years_are_the_orm_counts(goals):
    with scope(organisation=goals.pk):
        years = PlanGoal.objects.filter(organisation=goals).order_by("-year")
        expected = dict(years.values_list("year").annotate(n=Count("*")))
    assert selectors.goal_years(organisation=goals) == expected == {2025: 4, 2024: 2}
