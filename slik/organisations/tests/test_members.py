"""Member management: list, add by e-mail, change, remove – and the last-coordinator rule."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from slik.accounts.models import User
from slik.core.models import AuditEvent
from slik.organisations import services
from slik.organisations.models import Membership


def _url(name, org, **kwargs):
    return reverse(f"organisations:{name}", kwargs={"org_slug": org.slug, **kwargs})


def _membership(user, org):
    return Membership.objects.get(user=user, organisation=org)


def _events(org, action):
    from django_scopes import scope

    with scope(organisation=org.pk):
        return list(AuditEvent.objects.filter(organisation=org, action=action))


# --- Access ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["leader", "project_leader", "employee", "politician", "observer"])
def test_only_coordinator_manages_members(client_as, personas, org, role):
    client = client_as(personas[role])
    assert client.get(_url("members", org)).status_code == 403
    assert client.get(_url("member_add", org)).status_code == 403
    member_id = _membership(personas["employee"], org).pk
    assert client.get(_url("member_edit", org, member_id=member_id)).status_code == 403
    assert client.post(_url("member_remove", org, member_id=member_id)).status_code == 403


def test_foreign_member_id_is_404(client_as, coordinator, outsider, other_org, org):
    foreign_id = _membership(outsider, other_org).pk
    client = client_as(coordinator)
    assert client.get(_url("member_edit", org, member_id=foreign_id)).status_code == 404
    assert client.post(_url("member_remove", org, member_id=foreign_id)).status_code == 404
    assert client.get(_url("member_edit", org, member_id=999999)).status_code == 404
    assert Membership.objects.filter(pk=foreign_id).exists()


# --- List ------------------------------------------------------------------------------------


def test_list_sorted_in_norwegian_order(client_as, coordinator, org, make_user):
    for i, name in enumerate(["Åse Ås", "Zara Zed", "Øyvind Ø", "Ærlige Æ", "Anders A"]):
        user = make_user(f"person{i}@hvaler.test", name)
        Membership.objects.create(user=user, organisation=org, role="employee")
    response = client_as(coordinator).get(_url("members", org))
    assert response.status_code == 200
    names = [m.user.full_name for m in response.context["page"].object_list]
    assert names == ["Anders A", "Kari Koordinator", "Zara Zed", "Ærlige Æ", "Øyvind Ø", "Åse Ås"]


def test_search_and_role_filter(client_as, personas, org):
    client = client_as(personas["coordinator"])
    response = client.get(_url("members", org), {"q": "ansatt@"})
    assert [m.user for m in response.context["page"].object_list] == [personas["employee"]]
    response = client.get(_url("members", org), {"q": "lars"})
    assert [m.user for m in response.context["page"].object_list] == [personas["leader"]]
    response = client.get(_url("members", org), {"role": "politician"})
    assert [m.user for m in response.context["page"].object_list] == [personas["politician"]]
    response = client.get(_url("members", org), {"role": "not-a-role"})
    assert response.status_code == 200


def test_list_is_paginated(client_as, coordinator, org, make_user, settings):
    settings.PAGE_SIZE = 3
    for i in range(5):
        Membership.objects.create(
            user=make_user(f"p{i}@hvaler.test", f"Person {i}"), organisation=org, role="employee"
        )
    client = client_as(coordinator)
    first = client.get(_url("members", org))
    assert first.context["page"].paginator.num_pages == 2
    second = client.get(_url("members", org), {"side": 2})
    assert len(second.context["page"].object_list) == 3
    assert client.get(_url("members", org), {"side": "x"}).status_code == 200


def test_list_does_not_show_other_organisations_members(client_as, coordinator, outsider, org):
    response = client_as(coordinator).get(_url("members", org))
    assert outsider.email not in response.content.decode()


# --- Add -------------------------------------------------------------------------------------


@pytest.mark.parametrize("email", ["", "ikke-en-adresse", "a@", "@b.no"])
def test_add_bad_email_keeps_input(client_as, coordinator, org, email):
    response = client_as(coordinator).post(
        _url("member_add", org), {"email": email, "title": "Rådgiver", "role": "employee"}
    )
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert response.context["form"]["title"].value() == "Rådgiver"
    assert Membership.objects.filter(organisation=org).count() == 1


def test_add_member_creates_defaults_for_a_new_organisation(db, coordinator):
    from django_scopes import scope

    from slik.organisations.models import Organisation, Sector

    new = Organisation.objects.create(
        kind="municipality", number="3101", name="Halden", short_name="Halden", slug="halden"
    )
    services.membership_add(actor=None, organisation=new, user=coordinator, role="coordinator")
    with scope(organisation=new.pk):
        assert Sector.objects.filter(organisation=new).exists()


# --- Change ----------------------------------------------------------------------------------


def test_change_role_and_title(client_as, coordinator, employee, org):
    membership = _membership(employee, org)
    response = client_as(coordinator).post(
        _url("member_edit", org, member_id=membership.pk),
        {
            "role": "project_leader",
            "title": "Prosjektleder",
            "is_chief_executive": "",
            "version": membership.version,
        },
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert (membership.role, membership.title) == ("project_leader", "Prosjektleder")
    (event,) = _events(org, "membership.changed")
    assert event.changes["title"] == ["", "Prosjektleder"]


def test_last_coordinator_cannot_be_demoted(client_as, coordinator, org):
    membership = _membership(coordinator, org)
    response = client_as(coordinator).post(
        _url("member_edit", org, member_id=membership.pk),
        {"role": "leader", "version": membership.version},
    )
    assert response.status_code == 200
    assert "role" in response.context["form"].errors
    membership.refresh_from_db()
    assert membership.role == "coordinator"


def test_coordinator_can_be_demoted_when_another_exists(coordinator, leader, org):
    services.membership_update(
        actor=coordinator,
        membership=_membership(leader, org),
        role="coordinator",
        is_chief_executive=True,
        title="",
    )
    services.membership_update(
        actor=leader,
        membership=_membership(coordinator, org),
        role="employee",
        is_chief_executive=False,
        title="",
    )
    assert _membership(coordinator, org).role == "employee"


# --- Remove ----------------------------------------------------------------------------------


def test_remove_needs_confirmation(client_as, coordinator, employee, org):
    membership = _membership(employee, org)
    client = client_as(coordinator)
    url = _url("member_remove", org, member_id=membership.pk)
    assert client.get(url).status_code == 200
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert client.post(url).status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert User.objects.filter(pk=employee.pk).exists()
    (event,) = _events(org, "membership.removed")
    assert event.data["user"] == employee.email


def test_cannot_remove_yourself(client_as, coordinator, leader, org):
    services.membership_update(
        actor=coordinator,
        membership=_membership(leader, org),
        role="coordinator",
        is_chief_executive=False,
        title="",
    )
    membership = _membership(coordinator, org)
    response = client_as(coordinator).post(_url("member_remove", org, member_id=membership.pk))
    assert response.status_code == 200
    assert response.context["blocked"]
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_last_coordinator_cannot_be_removed(coordinator, leader, org):
    with pytest.raises(ValidationError) as excinfo:
        services.membership_remove(actor=leader, membership=_membership(coordinator, org))
    assert excinfo.value.code == "last_coordinator"
    assert _membership(coordinator, org)


def test_second_coordinator_can_go_but_not_the_last(client_as, coordinator, org, make_user):
    other = make_user("annen@hvaler.test", "Annen Koordinator")
    second = Membership.objects.create(user=other, organisation=org, role="coordinator")
    client = client_as(coordinator)
    # Two coordinators: the other one may go …
    assert client.post(_url("member_remove", org, member_id=second.pk)).status_code == 302
    # … and the coordinator may not remove themselves, the last one.
    own = _membership(coordinator, org)
    assert client.post(_url("member_remove", org, member_id=own.pk)).context["blocked"]
    assert Membership.objects.filter(pk=own.pk).exists()


def test_removed_member_loses_access(client_as, coordinator, employee, org, client):
    services.membership_remove(actor=coordinator, membership=_membership(employee, org))
    client.force_login(employee)
    assert client.get(_url("overview", org)).status_code == 404
