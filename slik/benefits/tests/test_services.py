import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_scopes import scope

from slik.benefits import services
from slik.benefits.models import Benefit, BenefitCategory, BenefitSettings, Measurement
from slik.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def actions(org):
    with scope(organisation=org.pk):
        return list(
            AuditEvent.objects.filter(organisation=org)
            .order_by("id")
            .values_list("action", flat=True)
        )


def test_default_categories_and_settings_are_created(org):
    with scope(organisation=org.pk):
        sets = set(
            BenefitCategory.objects.filter(organisation=org).values_list("category_set", flat=True)
        )
        assert sets == {"Saman om", "DFØ", "KS Veikart"}
        assert BenefitCategory.objects.filter(organisation=org).count() == 8
        assert BenefitSettings.objects.get(organisation=org).pilot_gate == "warn"
        services.benefit_defaults_ensure(org)  # idempotent
        assert BenefitCategory.objects.filter(organisation=org).count() == 8


def test_category_add_rejects_duplicates_and_toggles(org, coordinator):
    with scope(organisation=org.pk):
        category = services.benefit_category_add(
            actor=coordinator, organisation=org, category_set="Egen", name="Trygghet"
        )
        with pytest.raises(ValidationError):
            services.benefit_category_add(
                actor=coordinator, organisation=org, category_set="egen", name="trygghet"
            )
        services.benefit_category_set_active(actor=coordinator, category=category, is_active=False)
        category.refresh_from_db()
        assert not category.is_active
    assert "benefit_category.added" in actions(org)
    assert "benefit_category.changed" in actions(org)


def test_benefit_create_update_status_delete_are_audited(case, coordinator, employee):
    org = case.organisation
    with scope(organisation=org.pk):
        benefit = services.benefit_create(
            actor=coordinator, case=case, title="Spart tid", realisation="reallocation"
        )
        assert services.benefit_warnings(benefit)  # reallocation without a plan warns
        services.benefit_update(
            actor=coordinator,
            benefit=benefit,
            reallocation_to="Mer tid hos bruker",
            responsible=employee,
        )
        assert services.benefit_warnings(benefit) == []
        services.benefit_set_status(
            actor=coordinator, benefit=benefit, status="tracking", progress="on_plan"
        )
        with pytest.raises(ValidationError):
            services.benefit_set_status(
                actor=coordinator, benefit=benefit, status="nonsense", progress="on_plan"
            )
        services.benefit_delete(actor=coordinator, benefit=benefit)
        assert not Benefit.objects.filter(pk=benefit.pk).exists()
    assert actions(org)[-4:] == [
        "benefit.created",
        "benefit.changed",
        "benefit.status.changed",
        "benefit.deleted",
    ]


def test_benefit_rejects_people_outside_the_organisation(case, coordinator, outsider):
    with scope(organisation=case.organisation_id), pytest.raises(ValidationError) as exc:
        services.benefit_create(actor=coordinator, case=case, title="X", responsible=outsider)
    assert "responsible" in exc.value.message_dict


GOOD = {
    "name": "Sykefravær",
    "unit": "%",
    "direction": "lower",
    "baseline_value": Decimal("8.5"),
    "baseline_on": datetime.date(2024, 1, 1),
    "target_value": Decimal("6.5"),
    "target_on": datetime.date(2025, 1, 1),
    "frequency": "monthly",
}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"unit": " "}, "unit"),
        ({"name": ""}, "name"),
        ({"target_value": Decimal("8.5")}, "target_value"),  # target = baseline
        ({"target_value": Decimal("9")}, "target_value"),  # wrong direction (lower is better)
        ({"direction": "higher"}, "target_value"),  # wrong direction (higher is better)
        ({"target_on": datetime.date(2023, 1, 1)}, "target_on"),  # dates out of order
        ({"target_on": datetime.date(2024, 1, 1)}, "target_on"),  # same date
        ({"baseline_on": None}, "baseline_on"),  # pairs
        ({"target_value": None}, "target_value"),
        ({"frequency": "dates", "measurement_dates": []}, "measurement_dates"),
        ({"frequency": "dates", "measurement_dates": "31.12.2024\nfoo"}, "measurement_dates"),
    ],
)
def test_indicator_validation_names_the_field(benefit, coordinator, changes, field):
    with scope(organisation=benefit.organisation_id), pytest.raises(ValidationError) as exc:
        services.indicator_create(actor=coordinator, benefit=benefit, **{**GOOD, **changes})
    assert field in exc.value.message_dict


def test_indicator_measurement_dates_are_parsed_and_sorted(benefit, coordinator):
    with scope(organisation=benefit.organisation_id):
        indicator = services.indicator_create(
            actor=coordinator,
            benefit=benefit,
            **{**GOOD, "frequency": "dates", "measurement_dates": "31.12.2024, 2024-06-30"},
        )
    assert indicator.measurement_dates == ["2024-06-30", "2024-12-31"]


def test_indicator_without_baseline_and_target_is_allowed(benefit, coordinator):
    with scope(organisation=benefit.organisation_id):
        indicator = services.indicator_create(
            actor=coordinator, benefit=benefit, name="Tilfredshet", unit="skår", direction="higher"
        )
    assert not indicator.has_baseline_and_target


def test_indicator_update_keeps_validation(indicator, coordinator):
    with scope(organisation=indicator.benefit.organisation_id):
        with pytest.raises(ValidationError):
            services.indicator_update(
                actor=coordinator, indicator=indicator, target_value=Decimal("8.5")
            )
        services.indicator_update(actor=coordinator, indicator=indicator, target_value=Decimal("7"))
        indicator.refresh_from_db()
        assert indicator.target_value == Decimal("7")


def test_measurement_record_with_comma_and_audit(indicator, employee):
    org = indicator.benefit.organisation
    with scope(organisation=org.pk):
        m = services.measurement_record(
            actor=employee, indicator=indicator, measured_on=datetime.date(2024, 3, 1), value="8,1"
        )
        assert m.value == Decimal("8.1") and m.recorded_by == employee
        services.measurement_delete(actor=employee, measurement=m)
        assert not Measurement.objects.filter(pk=m.pk).exists()
    assert actions(org)[-2:] == ["measurement.recorded", "measurement.deleted"]


TOMORROW = "tomorrow"  # read from the clock when the test runs, in Norwegian time


@pytest.mark.parametrize(
    ("date", "value", "field"),
    [
        (datetime.date(2024, 3, 1), "åtte", "value"),
        (TOMORROW, "8", "measured_on"),
        (datetime.date(2001, 1, 1), "8", "measured_on"),
        (None, "8", "measured_on"),
    ],
)
def test_measurement_bad_input_saves_nothing(indicator, employee, date, value, field):
    if date == TOMORROW:
        date = timezone.localdate() + datetime.timedelta(days=1)
    with scope(organisation=indicator.benefit.organisation_id):
        with pytest.raises(ValidationError) as exc:
            services.measurement_record(
                actor=employee, indicator=indicator, measured_on=date, value=value
            )
        assert field in exc.value.message_dict
        assert not Measurement.objects.filter(indicator=indicator).exists()


def test_benefit_settings_update(org, coordinator):
    with scope(organisation=org.pk):
        services.benefit_settings_update(
            actor=coordinator, organisation=org, pilot_gate="block", measurement_overdue_days=10
        )
        assert BenefitSettings.objects.get(organisation=org).pilot_gate == "block"
        with pytest.raises(ValidationError):
            services.benefit_settings_update(
                actor=coordinator, organisation=org, pilot_gate="maybe", measurement_overdue_days=1
            )
