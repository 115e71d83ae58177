"""Lost updates on a membership and a sector, two coordinators demoting each other at once,
and the sector switch asked twice."""

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from slik.core.tests.edit_conflict import (
    MANGLED,
    assert_second_save_is_refused_then_deliberate,
    assert_unreadable_version_is_refused,
    signed_in,
)
from slik.core.tests.threads import run_together
from slik.organisations import services
from slik.organisations.models import Membership, Sector


def _url(name, **kwargs):
    return reverse(f"organisations:{name}", kwargs={"org_slug": "hvaler", **kwargs})


def _saved(model, pk, field):
    def read():
        with scopes_disabled():
            return getattr(model.objects.get(pk=pk), field)

    return read


@pytest.fixture
def second_coordinator(make_user, org):
    user = make_user("koordinator2@hvaler.test", "Kim Koordinator")
    Membership.objects.create(user=user, organisation=org, role="coordinator")
    return user


def test_member_edit_keeps_the_first_save(org, coordinator, second_coordinator, leader):
    membership = Membership.objects.get(organisation=org, user=leader)
    assert_second_save_is_refused_then_deliberate(
        url=_url("member_edit", member_id=membership.pk),
        field="title",
        first=(coordinator, signed_in(coordinator)),
        second=(second_coordinator, signed_in(second_coordinator)),
        saved=_saved(Membership, membership.pk, "title"),
    )


def test_sector_edit_keeps_the_first_save(org, coordinator, second_coordinator):
    with scope(organisation=org.pk):
        sector = Sector.objects.filter(organisation=org).first()
    assert_second_save_is_refused_then_deliberate(
        url=_url("sector_edit", sector_id=sector.pk),
        field="name",
        first=(coordinator, signed_in(coordinator)),
        second=(second_coordinator, signed_in(second_coordinator)),
        saved=_saved(Sector, sector.pk, "name"),
    )


@pytest.mark.parametrize("how", MANGLED)
def test_member_edit_without_a_readable_version_is_refused(how, org, coordinator, leader):
    membership = Membership.objects.get(organisation=org, user=leader)
    assert_unreadable_version_is_refused(
        url=_url("member_edit", member_id=membership.pk),
        field="title",
        client=signed_in(coordinator),
        saved=_saved(Membership, membership.pk, "title"),
        how=how,
    )


@pytest.mark.parametrize("how", MANGLED)
def test_sector_edit_without_a_readable_version_is_refused(how, org, coordinator):
    with scope(organisation=org.pk):
        sector = Sector.objects.filter(organisation=org).first()
    assert_unreadable_version_is_refused(
        url=_url("sector_edit", sector_id=sector.pk),
        field="name",
        client=signed_in(coordinator),
        saved=_saved(Sector, sector.pk, "name"),
        how=how,
    )


def test_taking_a_sector_out_of_use_twice_leaves_it_out(org, coordinator):
    with scope(organisation=org.pk):
        sector = Sector.objects.filter(organisation=org, is_active=True).first()
    client = signed_in(coordinator)
    for _click in range(2):  # both clicks on the button the page showed
        response = client.post(_url("sector_toggle", sector_id=sector.pk), {"active": "0"})
        assert response.status_code == 302
    with scopes_disabled():
        assert Sector.objects.get(pk=sector.pk).is_active is False


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_demoting_each_other_at_once_leave_one(
    org, coordinator, second_coordinator
):
    memberships = {
        user: Membership.objects.get(organisation=org, user=user)
        for user in (coordinator, second_coordinator)
    }

    def demote(actor, other):
        def call():
            with scope(organisation=org.pk):
                return services.membership_update(
                    actor=actor,
                    membership=memberships[other],
                    role="leader",
                    is_chief_executive=False,
                    title="",
                )

        return call

    results = run_together(
        demote(coordinator, second_coordinator), demote(second_coordinator, coordinator)
    )

    assert sorted(type(r).__name__ for r in results) == ["Membership", "ValidationError"]
    assert Membership.objects.filter(organisation=org, role="coordinator").count() == 1
