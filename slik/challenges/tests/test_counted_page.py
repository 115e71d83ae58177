"""The light rows of the floke and case lists (`counted_page` in slik/core/pagination.py,
`user_label` in slik/accounts/people.py) give what model instances and Django's paginator gave."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scope

from slik.accounts.people import USER_LABEL_FIELDS, user_label
from slik.accounts.tests.factories import UserFactory
from slik.challenges.models import Challenge
from slik.core.pagination import counted_page, paginate


@pytest.mark.parametrize("count", [0, 1, 5, 6, 12])
@pytest.mark.parametrize(
    "side", [None, "", "1", "2", "3", "9", "0", "-1", "x", "2.0", " 2", "9" * 19, "9" * 23]
)
def test_counted_page_is_the_paginators_page(org, make_challenge, settings, count, side):
    settings.PAGE_SIZE = 5
    for n in range(count):
        make_challenge(org, title=f"Floke {n}")
    request = RequestFactory().get("/", {} if side is None else {"side": side})
    with scope(organisation=org.pk):
        rows = Challenge.objects.filter(organisation=org).order_by("title").values_list("title")
        expected, found = paginate(request, rows), counted_page(request, rows)
        assert list(found.object_list) == list(expected.object_list)
        assert found.number == expected.number
        assert found.paginator.count == expected.paginator.count == count
        assert found.paginator.num_pages == expected.paginator.num_pages


def test_counted_page_reads_the_count_with_the_page(org, make_challenge, settings):
    settings.PAGE_SIZE = 5
    for n in range(12):
        make_challenge(org, title=f"Floke {n}")
    request = RequestFactory().get("/", {"side": "2"})
    with scope(organisation=org.pk):
        rows = Challenge.objects.filter(organisation=org).order_by("title").values_list("title")
        with CaptureQueriesContext(connection) as queries:
            page = counted_page(request, rows)
            assert page.paginator.count == 12 and len(page) == 5
    assert len(queries.captured_queries) == 1


def test_user_label_is_what_str_writes(db):
    people = [
        UserFactory(full_name="Kari Nordmann"),
        UserFactory(full_name=""),
        UserFactory(full_name="Ola", anonymised_at=timezone.now()),
    ]
    for person in people:
        columns = (getattr(person, name) for name in USER_LABEL_FIELDS)
        assert user_label(*columns) == str(person)
