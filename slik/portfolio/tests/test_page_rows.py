"""The list pages write dates, labels and addresses in Python (views/rows.py) and the portfolio's
sub-navigation with a tag: the same markup the templates wrote."""

import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from slik.core.formats import format_long_date

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_list_dates_are_what_the_long_date_filter_writes(language):
    template = Template("{{ value|long_date }}")
    with translation.override(language):
        for month in range(1, 13):
            for value in (datetime.date(2026, month, 1), datetime.date(1900, month, 28)):
                assert format_long_date(value) == template.render(Context({"value": value}))
    with translation.override("en"):
        assert format_long_date(datetime.date(2026, 11, 29)) == "29 November 2026"


def _subnav(user, org, path):
    request = RequestFactory().get(path)
    request.user = user
    template = Template("{% load portfolio_pages %}{% portfolio_subnav %}")
    return template.render(Context({"request": request, "organisation": org}))


def test_subnav_marks_the_current_page_and_follows_the_rules(org, coordinator, politician):
    board = reverse("portfolio:board_list", kwargs={"org_slug": org.slug})
    goals = reverse("portfolio:goal_list", kwargs={"org_slug": org.slug})
    html = _subnav(coordinator, org, goals)
    assert f'<li><a class="ds-link" href="{board}">Møter i porteføljerådet</a></li>' in html
    assert f'<li><a class="ds-link" href="{goals}" aria-current="page">' in html
    assert html.count("<li>") == 4
    assert board not in _subnav(politician, org, goals)  # board meetings are for staff


def test_list_pages_link_every_row(org, coordinator, client_as, meeting):
    client = client_as(coordinator)
    content = client.get(reverse("portfolio:board_list", kwargs={"org_slug": org.slug}))
    url = reverse("portfolio:board_detail", kwargs={"org_slug": org.slug, "meeting_id": meeting.pk})
    assert f'<a class="ds-link" href="{url}">{meeting.title}</a>' in content.content.decode()
    assert format_long_date(meeting.held_on) in content.content.decode()
