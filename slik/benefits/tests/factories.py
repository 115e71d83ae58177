"""factory-boy factories for benefits, indicators and measurements, built through the benefits
services as the app builds them (validated, audited). Cases come from the cases app's
CaseFactory; a benefit's actor is a coordinator of the case's organisation unless given."""

import datetime
from decimal import Decimal

import factory
from django_scopes import scope

from slik.cases.tests.factories import CaseFactory
from slik.organisations.models import Membership
from slik.organisations.tests.factories import member

from .. import services
from ..models import Benefit, Indicator, Measurement
from ..services.summaries import indicator_summaries_update

BASELINE_ON = datetime.date(2024, 1, 1)


def _coordinator(organisation):
    return member(organisation, Membership.Role.COORDINATOR)


class BenefitFactory(factory.Factory):
    class Meta:
        model = Benefit

    case = factory.SubFactory(CaseFactory)
    actor = factory.LazyAttribute(lambda o: _coordinator(o.case.organisation))
    title = factory.Sequence(lambda n: f"Gevinst {n}")

    @classmethod
    def _create(cls, model_class, *, case, actor, **fields):
        with scope(organisation=case.organisation_id):
            return services.benefit_create(actor=actor, case=case, **fields)

    @classmethod
    def _build(cls, model_class, *, case, actor, **fields):
        return model_class(organisation_id=case.organisation_id, case=case, **fields)


class IndicatorFactory(factory.Factory):
    """A main indicator, lower is better, monthly, with baseline (8,5 % on 1 January 2024) and
    target (6,5 % by the end of 2025)."""

    class Meta:
        model = Indicator

    benefit = factory.SubFactory(BenefitFactory)
    actor = factory.LazyAttribute(lambda o: _coordinator(o.benefit.case.organisation))
    name = "Sykefravær"
    unit = "%"
    direction = "lower"
    is_main = True
    baseline_value = Decimal("8.5")
    baseline_on = BASELINE_ON
    target_value = Decimal("6.5")
    target_on = datetime.date(2025, 12, 31)
    frequency = Indicator.Frequency.MONTHLY

    @classmethod
    def _create(cls, model_class, *, benefit, actor, **fields):
        with scope(organisation=benefit.organisation_id):
            return services.indicator_create(actor=actor, benefit=benefit, **fields)

    @classmethod
    def _build(cls, model_class, *, benefit, actor, **fields):
        return model_class(benefit=benefit, **fields)


class MeasurementFactory(factory.Factory):
    """A measurement recorded by a coordinator, a month after the baseline unless dated."""

    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    actor = factory.LazyAttribute(lambda o: _coordinator(o.indicator.benefit.case.organisation))
    measured_on = datetime.date(2024, 2, 1)
    value = Decimal("8.0")

    @classmethod
    def _create(cls, model_class, *, indicator, actor, **fields):
        with scope(organisation=indicator.benefit.organisation_id):
            return services.measurement_record(actor=actor, indicator=indicator, **fields)

    @classmethod
    def _build(cls, model_class, *, indicator, actor, **fields):
        return model_class(indicator=indicator, **fields)


def add_series(indicator, values, start=datetime.date(2023, 1, 15), step_days=30):
    """Measurements straight into the table (fast, not audited), one per `step_days` from
    `start`: for the statistics and the pages that read long series."""
    with scope(organisation=indicator.benefit.organisation_id):
        Measurement.objects.bulk_create(
            Measurement(
                indicator=indicator,
                measured_on=start + datetime.timedelta(days=step_days * i),
                value=Decimal(str(v)),
            )
            for i, v in enumerate(values)
        )
        indicator_summaries_update([indicator.pk])
