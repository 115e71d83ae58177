import pytest
from django.urls import reverse
from django_scopes import scope


def url(name, org, **kwargs):
    """The address of a challenges view of `org`."""
    return reverse(f"challenges:{name}", kwargs={"org_slug": org.slug, **kwargs})


@pytest.fixture
def make_challenge(db):
    from slik.challenges.models import Challenge

    def make(organisation, title="Ensomhet blant eldre", **fields):
        with scope(organisation=organisation.pk):
            return Challenge.objects.create(organisation=organisation, title=title, **fields)

    return make


@pytest.fixture
def challenge(org, make_challenge, coordinator):
    return make_challenge(org, description="Mange eldre bor alene.", owner=coordinator)


@pytest.fixture
def foreign_challenge(other_org, make_challenge):
    return make_challenge(other_org, title="Råde sin floke")


@pytest.fixture
def criteria(org):
    from slik.challenges.models import Criterion

    with scope(organisation=org.pk):
        return list(Criterion.objects.filter(organisation=org))
