"""The reports page keeps an exact, constant number of queries however many runs it lists
(1× and 10×), for those who order reports and for politicians who see published runs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .test_views import make_run

# The session, the user and the membership are three of them; then the page, which carries
# the size of the whole list (`counted_page`).
EXPECTED = {"leader": 4, "politician": 4}


def count_queries(client, path) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("reader", sorted(EXPECTED))
def test_reports_page(client_as, org, leader, reader, request):
    client = client_as(request.getfixturevalue(reader))
    path = reverse("reports:list", kwargs={"org_slug": org.slug})

    def add(n):
        for i in range(n):
            make_run(org, leader, status="done", is_published=True, parameters={"year": 2020 + i})

    add(1)
    count_queries(client, path)  # warm-up: the session and content types
    few = count_queries(client, path)
    add(9)
    assert (few, count_queries(client, path)) == (EXPECTED[reader],) * 2
