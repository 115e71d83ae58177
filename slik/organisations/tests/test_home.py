"""Where a sign-in lands: the only organisation's overview, or a choice of organisations."""

from django.urls import reverse

from slik.organisations.models import Membership

HOME = reverse("home")


def test_one_membership_goes_straight_to_its_overview(client_as, employee, org):
    response = client_as(employee).get(HOME)
    assert response.status_code == 302
    assert response["Location"] == reverse("organisations:overview", kwargs={"org_slug": org.slug})


def test_several_memberships_are_offered_in_name_order(client_as, employee, org, other_org):
    Membership.objects.create(user=employee, organisation=other_org, role="observer")
    response = client_as(employee).get(HOME)
    assert response.status_code == 200
    assert [m.organisation for m in response.context["memberships"]] == [org, other_org]
    page = response.content.decode()
    for organisation in (org, other_org):
        assert reverse("organisations:overview", kwargs={"org_slug": organisation.slug}) in page


def test_without_membership_the_page_says_whom_to_ask(client_as, make_user):
    response = client_as(make_user("ny@hvaler.test")).get(HOME)
    assert response.status_code == 200
    assert response.context["memberships"] == []


def test_anonymous_is_sent_to_sign_in(client, db):
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
