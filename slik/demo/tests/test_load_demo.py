from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_scopes import scopes_disabled

from slik.accounts.models import User
from slik.cases.models import Case, GateDecision, Hypothesis, Phase
from slik.challenges.models import Challenge, CriterionScore, KeyFigure
from slik.core.models import AuditEvent
from slik.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD, HVALER
from slik.demo.data_cases import (
    CONFERENCE_CASE,
    FAMILY_CASE,
    HOME_CARE_CASE,
    HOUSING_CASE,
    YOUTH_CASE,
)
from slik.organisations.models import Membership, Organisation


@pytest.fixture(autouse=True)
def demo_mode(settings):
    settings.SLIK_DEMO = True


@pytest.fixture
def no_shared_data(settings, tmp_path):
    """The demo without the reference data: fast, and the fallback path is covered."""
    settings.SHARED_DATA_DIR = tmp_path / "missing"


def load() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts() -> dict:
    with scopes_disabled():
        models = (User, Membership, Organisation, Challenge, CriterionScore, Case, AuditEvent)
        return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db
def test_load_demo_twice_creates_nothing_the_second_time(no_shared_data):
    first = load()
    before = counts()
    second = load()
    assert counts() == before
    assert before["Case"] == 6  # five in Hvaler, one in Råde
    for email, _label in DEMO_ACCOUNTS:
        assert email in first and email in second


@pytest.mark.django_db
def test_demo_accounts_can_sign_in(no_shared_data, client):
    load()
    for email, _label in DEMO_ACCOUNTS:
        assert client.login(username=email, password=DEMO_PASSWORD), email
        client.logout()
    client.login(username="leder@hvaler.demo.slik.no", password=DEMO_PASSWORD)
    hvaler = Organisation.objects.get(kind="municipality", number=HVALER)
    response = client.get(reverse("organisations:overview", kwargs={"org_slug": hvaler.slug}))
    assert response.status_code == 200


@pytest.mark.django_db
def test_demo_cases_are_in_their_intended_phases(no_shared_data):
    load()
    with scopes_disabled():
        cases = {case.title: case for case in Case.objects.all()}
        assert cases[YOUTH_CASE].phase == Phase.INNSIKT
        assert cases[FAMILY_CASE].phase == Phase.PILOTERING
        assert cases[CONFERENCE_CASE].phase == Phase.TJENESTEUTVIKLING
        assert cases[HOME_CARE_CASE].phase == Phase.FORANKRING
        assert cases[HOUSING_CASE].status == Case.Status.STOPPED
        back = GateDecision.objects.get(case=cases[YOUTH_CASE], decision="back")
        assert back.reason and back.to_phase == Phase.INNSIKT
        refuted = Hypothesis.objects.filter(case=cases[YOUTH_CASE], result="refuted")
        assert refuted.count() == 2
        gate_events = AuditEvent.objects.filter(
            object_id=cases[FAMILY_CASE].pk, action="case.gate.go"
        )
        assert gate_events.count() == 3


@pytest.mark.django_db
def test_load_demo_refuses_outside_demo_mode(settings, no_shared_data):
    settings.SLIK_DEMO = False
    with pytest.raises(CommandError):
        load()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_demo_leaders_score_the_decision_matrix(no_shared_data):
    load()
    with scopes_disabled():
        raters = set(CriterionScore.objects.values_list("rater__email", flat=True))
    assert len(raters) >= 3


@pytest.mark.django_db
def test_demo_with_shared_data_imports_register_and_figures(settings):
    if not (Path(settings.SHARED_DATA_DIR) / "kommuner_2024.csv").is_file():
        pytest.skip("shared reference data not available")
    load()
    before = counts()
    load()
    assert counts() == before
    assert Organisation.objects.filter(kind="municipality").count() == 357
    partnership = Organisation.objects.get(kind="partnership")
    assert partnership.member_municipalities.count() == 6
    with scopes_disabled():
        assert KeyFigure.objects.exclude(computed_code="").count() >= 2
