"""factory-boy factories for organisations and memberships."""

import factory
from factory.django import DjangoModelFactory

from slik.accounts.tests.factories import UserFactory
from slik.organisations.models import Membership, Organisation
from slik.organisations.services import organisation_ensure_defaults


class OrganisationFactory(DjangoModelFactory):
    """A municipality with the method's defaults (sectors, criteria, roadmap, …), as set-up
    gives every organisation."""

    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    kind = Organisation.Kind.MUNICIPALITY
    number = factory.Sequence(lambda n: f"9{n:03d}")
    name = factory.Sequence(lambda n: f"Testkommune {n}")
    short_name = factory.SelfAttribute("name")
    slug = factory.Sequence(lambda n: f"testkommune-{n}")

    @factory.post_generation
    def defaults(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            organisation_ensure_defaults(organisation=obj)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.EMPLOYEE


def member(organisation, role=Membership.Role.EMPLOYEE, **user_fields):
    """A new person with `role` in `organisation`; returns the user."""
    return MembershipFactory(
        organisation=organisation, role=role, user=UserFactory(**user_fields)
    ).user
