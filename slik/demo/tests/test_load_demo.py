from pathlib import Path

import pytest
from django.core.management import CommandError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext
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
from slik.demo.tests.helpers import load
from slik.organisations.models import Membership, Organisation


def counts() -> dict:
    with scopes_disabled():
        models = (
            User,
            Membership,
            Organisation,
            Challenge,
            CriterionScore,
            Case,
            AuditEvent,
            *_portfolio_models(),
        )
        return {model.__name__: model.objects.count() for model in models}


def _portfolio_models() -> tuple:
    from slik.portfolio.models import (
        AgendaItem,
        BoardMeeting,
        Commission,
        PlanGoal,
        PortfolioSettings,
        StatusReport,
    )
    from slik.reports.models import ReportRun

    return (
        PlanGoal,
        Commission,
        PortfolioSettings,
        StatusReport,
        BoardMeeting,
        AgendaItem,
        ReportRun,
    )


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
        assert client.login(request=HttpRequest(), username=email, password=DEMO_PASSWORD), email
        client.logout()
    client.login(
        request=HttpRequest(), username="leder@hvaler.demo.slik.no", password=DEMO_PASSWORD
    )
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
        # The portfolio board let home care go on to Insight (see data_portfolio).
        assert cases[HOME_CARE_CASE].phase == Phase.INNSIKT
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


def _truths() -> dict:
    """Indicator name → the truth of its measurements (signal vs noise)."""
    from slik.benefits.models import Indicator
    from slik.benefits.truth import indicator_truth

    with scopes_disabled():
        return {
            indicator.name: indicator_truth(
                indicator, list(indicator.measurements.order_by("measured_on", "id"))
            )
            for indicator in Indicator.objects.prefetch_related("measurements")
        }


@pytest.mark.django_db
def test_demo_benefits_have_one_real_shift_and_one_series_of_noise(no_shared_data):
    from slik.benefits import statistics
    from slik.demo.data_benefits import (
        NOISE_AFTER,
        NOISE_BASELINE,
        NOISE_INDICATOR,
        SHIFT_AFTER,
        SHIFT_BASELINE,
        SHIFT_INDICATOR,
    )

    # The fixed lists themselves: a run of 8 after the shift, nothing at all in the noise.
    shift = statistics.detect_signals(SHIFT_AFTER, statistics.xmr_limits(SHIFT_BASELINE))
    assert len(shift.run) >= 8
    noise = statistics.detect_signals(NOISE_AFTER, statistics.xmr_limits(NOISE_BASELINE))
    assert not noise.any
    assert sum(NOISE_AFTER) / len(NOISE_AFTER) == pytest.approx(
        sum(NOISE_BASELINE) / len(NOISE_BASELINE)
    )

    load()
    truths = _truths()
    shifted = truths[SHIFT_INDICATOR]
    assert shifted.baseline_count == len(SHIFT_BASELINE)
    assert not shifted.baseline_from_first_points
    assert "run" in shifted.fired and shifted.improvement is True
    quiet = truths[NOISE_INDICATOR]
    assert quiet.baseline_count == len(NOISE_BASELINE)
    assert quiet.fired == [] and quiet.improvement is None
    # Exactly one series in the demo shows a real change.
    assert [name for name, truth in truths.items() if truth.fired] == [SHIFT_INDICATOR]


@pytest.mark.django_db
def test_demo_benefits_plan_map_and_pitfall(no_shared_data, client):
    from slik.benefits.models import (
        Benefit,
        BenefitMapNode,
        BenefitsPlan,
        Indicator,
        Measurement,
    )
    from slik.benefits.selectors import benefit_map_for
    from slik.demo.data_benefits import SHIFT_INDICATOR

    load()
    with scopes_disabled():
        cases = {case.title: case for case in Case.objects.all()}
        for title in (FAMILY_CASE, YOUTH_CASE, CONFERENCE_CASE):
            benefits = Benefit.objects.filter(case=cases[title])
            assert 2 <= benefits.count() <= 3, title
            for benefit in benefits:
                assert benefit.category and benefit.responsible and benefit.owner
                assert benefit.responsible != benefit.owner
                assert benefit.indicators.filter(
                    baseline_value__isnull=False, target_value__isnull=False
                ).exists()
        reallocations = Benefit.objects.filter(realisation="reallocation")
        assert reallocations.exclude(reallocation_to="").exists()
        assert reallocations.filter(reallocation_to="").count() == 1
        family = cases[FAMILY_CASE]
        plan = BenefitsPlan.objects.get(case=family)
        assert plan.rationale and plan.goals and plan.main_deliverables and plan.risks
        benefit_map = benefit_map_for(organisation=family.organisation, case=family)
        kinds = {node.kind for node in benefit_map.nodes}
        assert kinds == set(BenefitMapNode.ORDER)
        assert not benefit_map.has_miracles
        # Measurements were recorded through the service: each one is in the history.
        recorded = AuditEvent.objects.filter(action="measurement.recorded").count()
        assert recorded == Measurement.objects.count() > 40
        shift = Indicator.objects.get(name=SHIFT_INDICATOR)
    before = counts()
    load()
    assert counts() == before

    client.login(
        request=HttpRequest(), username="leder@hvaler.demo.slik.no", password=DEMO_PASSWORD
    )
    org = family.organisation
    for name, kwargs in (
        ("benefits:rollup", {}),
        ("benefits:pitfalls", {}),
        ("benefits:map", {"case_id": family.pk}),
        ("benefits:plan", {"case_id": family.pk}),
        ("benefits:indicator", {"indicator_id": shift.pk}),
    ):
        response = client.get(reverse(name, kwargs={"org_slug": org.slug, **kwargs}))
        assert response.status_code == 200, name


@pytest.mark.django_db
def test_load_demo_adds_benefits_to_a_demo_loaded_before_them(no_shared_data):
    from slik.benefits.models import Benefit

    load()
    with scopes_disabled():
        Benefit.objects.all().delete()
    # The output is in the active language (bokmål): the translated word, not the msgid.
    assert gettext("benefits") in load()
    with scopes_disabled():
        assert Benefit.objects.filter(case__title=FAMILY_CASE).count() == 3
