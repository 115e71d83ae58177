from django_scopes import scope

from slik.cases.models import Case, Phase, PhasePeriod
from slik.cases.tests.factories import CaseFactory, set_phase
from slik.challenges.tests.factories import ChallengeFactory
from slik.core.models import AuditEvent


def test_a_case_from_the_factory_is_made_as_the_app_makes_one(db):
    case = CaseFactory(title="Ungdom inn i arbeid")
    with scope(organisation=case.organisation_id):
        assert case.phase == Phase.FORANKRING
        assert PhasePeriod.objects.filter(case=case, phase=Phase.FORANKRING).count() == 1
        assert AuditEvent.objects.filter(action="case.created", object_id=case.pk).exists()
        assert case.template is not None


def test_set_phase_leaves_one_period_in_the_new_phase(db):
    case = CaseFactory(phase=Phase.PILOTERING, status=Case.Status.POSTPONED)
    with scope(organisation=case.organisation_id):
        case.refresh_from_db()
        assert (case.phase, case.status) == (Phase.PILOTERING, Case.Status.POSTPONED)
        assert list(PhasePeriod.objects.filter(case=case).values_list("phase", flat=True)) == [
            Phase.PILOTERING
        ]
    set_phase(case, Phase.NY_PRAKSIS)
    assert case.phase == Phase.NY_PRAKSIS


def test_cases_and_floker_of_one_organisation_share_it(db):
    challenge = ChallengeFactory()
    case = CaseFactory(organisation=challenge.organisation, challenges=[challenge])
    with scope(organisation=case.organisation_id):
        assert list(case.challenges.all()) == [challenge]
