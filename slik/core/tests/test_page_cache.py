"""The page cache never serves a page after a write in the organisation."""

from django.urls import reverse
from django_scopes import scope

from slik.challenges.services import challenge_create


def test_a_write_makes_the_cached_page_stale(client_as, leader, org):
    client = client_as(leader)
    url = reverse("challenges:list", kwargs={"org_slug": org.slug})
    assert "Ensomhet blant eldre" not in client.get(url).content.decode()
    with scope(organisation=org.pk):
        challenge_create(
            actor=leader, organisation=org, title="Ensomhet blant eldre", description=""
        )
    assert "Ensomhet blant eldre" in client.get(url).content.decode()


def test_a_repeated_read_is_served_from_the_cache(
    client_as, leader, org, django_assert_max_num_queries
):
    client = client_as(leader)
    url = reverse("cases:list", kwargs={"org_slug": org.slug})
    client.get(url)
    # Session, user and membership: nothing of the page itself is queried again.
    with django_assert_max_num_queries(3):
        response = client.get(url)
    assert response.status_code == 200


def test_each_session_has_its_own_cached_pages(client, leader, coordinator, org):
    url = reverse("organisations:overview", kwargs={"org_slug": org.slug})
    client.force_login(leader)
    first = client.get(url).content.decode()
    client.force_login(coordinator)
    second = client.get(url).content.decode()
    assert leader.full_name in first and coordinator.full_name in second
    assert leader.full_name not in second
