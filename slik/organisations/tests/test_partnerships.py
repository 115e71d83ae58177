"""Inter-municipal partnerships: created from municipalities, shown to their coordinator."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from slik.organisations import services
from slik.organisations.models import Membership, Organisation


def test_partnership_with_member_municipalities(org, other_org, coordinator, client_as):
    partnership = services.partnership_create(
        actor=None,
        name="Interkommunalt samarbeid i Østfold",
        short_name="Østfold-samarbeidet",
        members=[org, other_org],
    )
    assert partnership.kind == Organisation.Kind.PARTNERSHIP
    assert partnership.slug == "ostfold-samarbeidet"
    assert set(partnership.member_municipalities.all()) == {org, other_org}
    assert set(org.partnerships.all()) == {partnership}
    Membership.objects.create(user=coordinator, organisation=partnership, role="coordinator")
    client = client_as(coordinator)
    url = reverse("organisations:settings", kwargs={"org_slug": partnership.slug})
    response = client.get(url)
    assert response.status_code == 200
    assert [m.short_name for m in response.context["partners"]] == ["Hvaler", "Råde"]
    overview = reverse("organisations:overview", kwargs={"org_slug": partnership.slug})
    assert len(client.get(overview).context["partners"]) == 2


def test_partnership_slug_never_collides(org):
    first = services.partnership_create(actor=None, name="Hvaler", members=[org])
    assert first.slug != org.slug


def test_only_municipalities_can_be_members(org):
    county = Organisation.objects.create(
        kind="county",
        number="31",
        name="Østfold",
        short_name="Østfold",
        slug="ostfold-fylkeskommune",
    )
    with pytest.raises(ValidationError):
        services.partnership_create(actor=None, name="Feil", members=[org, county])


def test_set_members_is_audited(org, other_org):
    from django_scopes import scope

    from slik.core.models import AuditEvent

    partnership = services.partnership_create(actor=None, name="Samarbeid", members=[org])
    services.partnership_set_members(actor=None, partnership=partnership, members=[org, other_org])
    with scope(organisation=partnership.pk):
        actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert sorted(actions) == ["partnership.created", "partnership.members.changed"]
