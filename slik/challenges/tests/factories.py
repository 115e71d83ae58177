"""factory-boy factories for floker, built through the services as the app builds them."""

import factory
from django_scopes import scope

from slik.challenges import services
from slik.challenges.models import Challenge
from slik.organisations.models import Membership
from slik.organisations.tests.factories import OrganisationFactory, member


class ChallengeFactory(factory.Factory):
    """A floke created by a coordinator of its organisation (audited, like one from the form)."""

    class Meta:
        model = Challenge

    organisation = factory.SubFactory(OrganisationFactory)
    actor = factory.LazyAttribute(lambda o: member(o.organisation, Membership.Role.COORDINATOR))
    title = factory.Sequence(lambda n: f"Floke {n}")

    @classmethod
    def _create(cls, model_class, *, organisation, actor, **fields):
        with scope(organisation=organisation.pk):
            return services.challenge_create(actor=actor, organisation=organisation, **fields)

    @classmethod
    def _build(cls, model_class, *, organisation, actor, **fields):
        return model_class(organisation=organisation, **fields)
