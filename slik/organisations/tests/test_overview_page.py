"""The overview shows the cards other apps register (organisations.pages.OVERVIEW_SECTIONS);
organisations itself knows none of them, so a card of its own stands in for them here."""

import pytest
from django.urls import reverse
from django_scopes import scope

from slik.organisations import pages
from slik.organisations.models import Membership
from slik.organisations.pages import CountCard, count_rows


def _url(org):
    return reverse("organisations:overview", kwargs={"org_slug": org.slug})


def members_by_role(*, organisation, actor):
    return CountCard(
        key="members",
        heading="Members by role",
        caption="Number of members by role",
        column="Role",
        rows=count_rows(
            Membership.objects.filter(organisation=organisation), "role", Membership.Role.choices
        ),
        url_name="organisations:members",
        link_text="All members",
        row_attribute="role",
    )


def nothing_for_this_actor(*, organisation, actor):
    return None


@pytest.fixture
def only_our_cards(monkeypatch):
    sections = [members_by_role, nothing_for_this_actor]
    monkeypatch.setattr(pages.OVERVIEW_SECTIONS, "_items", sections)


def test_a_registered_card_is_counted_and_rendered(only_our_cards, client_as, personas, org):
    response = client_as(personas["coordinator"]).get(_url(org))
    (card,) = response.context["cards"]
    assert {row.value: row.count for row in card.rows}["leader"] == 1
    assert card.total == len(personas)
    page = response.content.decode()
    assert 'id="overview-members"' in page and '<tr data-role="leader">' in page
    assert f'<td class="slik-number" id="members-total">{len(personas)}</td>' in page
    assert f'href="{reverse("organisations:members", kwargs={"org_slug": org.slug})}"' in page


def test_every_choice_is_a_row_even_without_any(only_our_cards, client_as, coordinator, org):
    (card,) = client_as(coordinator).get(_url(org)).context["cards"]
    assert [row.value for row in card.rows] == list(Membership.Role.values)
    assert {row.value: row.count for row in card.rows}["politician"] == 0


def test_counts_are_one_grouped_query(org, coordinator, django_assert_num_queries):
    with scope(organisation=org.pk), django_assert_num_queries(1):
        count_rows(Membership.objects.filter(organisation=org), "role", Membership.Role.choices)
