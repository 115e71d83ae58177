"""factory-boy factories for innovation cases, built through `case_create` as the app does."""

import datetime

import factory
from django.utils import timezone
from django_scopes import scope

from slik.cases import services
from slik.cases.models import Case, PhasePeriod
from slik.organisations.models import Membership
from slik.organisations.tests.factories import OrganisationFactory, member


class CaseFactory(factory.Factory):
    """A case created by a coordinator of its organisation, in Forankring unless `phase` is
    given (then put there directly with `set_phase`, as set-up, not as a gate decision)."""

    class Meta:
        model = Case

    organisation = factory.SubFactory(OrganisationFactory)
    actor = factory.LazyAttribute(lambda o: member(o.organisation, Membership.Role.COORDINATOR))
    title = factory.Sequence(lambda n: f"Sak {n}")

    @classmethod
    def _create(cls, model_class, *, organisation, actor, phase=None, status=None, **fields):
        with scope(organisation=organisation.pk):
            case = services.case_create(actor=actor, organisation=organisation, **fields)
        if phase is not None or status is not None:
            set_phase(case, phase or case.phase, status=status or Case.Status.ACTIVE)
        return case

    @classmethod
    def _build(cls, model_class, *, organisation, actor, **fields):
        return model_class(organisation=organisation, **fields)


def set_phase(case, phase, *, status=Case.Status.ACTIVE, since: datetime.date | None = None):
    """Put a case in `phase` with `status` directly (test set-up, not a gate decision): one
    phase period from `since` (today by default)."""
    with scope(organisation=case.organisation_id):
        PhasePeriod.objects.filter(case=case).delete()
        PhasePeriod.objects.create(case=case, phase=phase, started_on=since or timezone.localdate())
        case.phase, case.status = phase, status
        case.save(update_fields=["phase", "status"])
    return case
