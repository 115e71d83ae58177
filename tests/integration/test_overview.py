"""The overview page: the floker and cases cards those apps register, latest activity for staff
only."""

import pytest
from django.urls import reverse
from django_scopes import scope

from slik.organisations import services


def _url(org):
    return reverse("organisations:overview", kwargs={"org_slug": org.slug})


def _make_challenges(org, user, statuses, published=False):
    from slik.challenges.models import Challenge

    with scope(organisation=org.pk):
        for i, status in enumerate(statuses):
            Challenge.objects.create(
                organisation=org,
                title=f"Floke {i}",
                status=status,
                created_by=user,
                is_published=published,
            )


def _make_cases(org, user, phases, published=False):
    from slik.cases.models import Case, RoadmapTemplate

    with scope(organisation=org.pk):
        template = RoadmapTemplate.objects.filter(organisation=org).first()
        for i, phase in enumerate(phases):
            Case.objects.create(
                organisation=org,
                title=f"Case {i}",
                phase=phase,
                template=template,
                is_published=published,
            )


def _cards(response):
    return {card.key: card for card in response.context["cards"]}


def _counts(card):
    return {row.value: row.count for row in card.rows}


def test_counts_by_status_and_phase(client_as, coordinator, org, other_org):
    _make_challenges(org, coordinator, ["candidate", "candidate", "prioritised"])
    _make_challenges(other_org, None, ["resolved"])
    _make_cases(org, coordinator, [1, 2, 2])
    response = client_as(coordinator).get(_url(org))
    assert response.status_code == 200
    cards = _cards(response)
    assert list(cards) == ["challenges", "cases"]
    by_status = _counts(cards["challenges"])
    assert by_status["candidate"] == 2 and by_status["prioritised"] == 1
    assert by_status["resolved"] == 0
    assert cards["challenges"].total == 3
    assert _counts(cards["cases"]) == {1: 1, 2: 2, 3: 0, 4: 0, 5: 0, 6: 0}


def test_cards_show_counts_and_link_to_the_lists(client_as, coordinator, org):
    _make_cases(org, coordinator, [2, 2])
    page = client_as(coordinator).get(_url(org)).content.decode()
    assert '<tr data-phase="2">' in page
    assert '<td class="slik-number" id="cases-total">2</td>' in page
    assert f'href="{reverse("cases:list", kwargs={"org_slug": org.slug})}"' in page
    assert f'href="{reverse("challenges:list", kwargs={"org_slug": org.slug})}"' in page


def test_politician_counts_only_published(client_as, politician, coordinator, org):
    _make_challenges(org, coordinator, ["candidate", "prioritised"])
    _make_challenges(org, coordinator, ["prioritised"], published=True)
    _make_cases(org, coordinator, [1, 3])
    _make_cases(org, coordinator, [3], published=True)
    cards = _cards(client_as(politician).get(_url(org)))
    assert cards["challenges"].total == 1
    assert cards["cases"].total == 1


def test_staff_see_activity_politicians_do_not(client_as, politician, employee, coordinator, org):
    with scope(organisation=org.pk):
        services.sector_add(actor=coordinator, organisation=org, name="Klima")
    staff = client_as(employee).get(_url(org))
    assert [e.action for e in staff.context["events"]] == ["sector.added"]
    assert b'id="overview-activity"' in staff.content
    politician_page = client_as(politician).get(_url(org))
    assert politician_page.context["events"] == []
    assert b'id="overview-activity"' not in politician_page.content


def test_activity_shows_only_own_organisation(client_as, coordinator, outsider, org, other_org):
    with scope(organisation=other_org.pk):
        services.sector_add(actor=outsider, organisation=other_org, name="Hemmelig")
    response = client_as(coordinator).get(_url(org))
    assert response.context["events"] == []


def test_at_most_ten_events(client_as, coordinator, org):
    with scope(organisation=org.pk):
        for i in range(12):
            services.sector_add(actor=coordinator, organisation=org, name=f"Sektor {i}")
    assert len(client_as(coordinator).get(_url(org)).context["events"]) == 10


# Session, user, memberships; floker by status, cases by phase, the latest activity.
OVERVIEW_QUERIES = 6


@pytest.mark.parametrize("amount", [1, 10])
def test_query_count_is_constant(client_as, coordinator, org, amount, django_assert_num_queries):
    client = client_as(coordinator)
    client.get(_url(org))  # warm caches (content types)
    with django_assert_num_queries(OVERVIEW_QUERIES):
        client.get(_url(org))
    _make_challenges(org, coordinator, ["candidate"] * amount)
    _make_cases(org, coordinator, [1] * amount)
    with scope(organisation=org.pk):
        for i in range(amount):
            services.sector_add(actor=coordinator, organisation=org, name=f"S{i}")
    with django_assert_num_queries(OVERVIEW_QUERIES):
        client.get(_url(org))
