"""The summary of its indicators kept on each benefit (how many, the gains the roll-up sums,
where their pitfalls may be) and each indicator's next due date are right after every way
indicators and measurements are written: an indicator added, changed and deleted, a measurement
recorded, replaced, deleted and imported, measurements inserted in bulk by the benchmark
generator, two measurements recorded at once on two indicators of one benefit, and the
migration that fills them."""

import datetime
import random
from decimal import Decimal
from functools import partial
from types import SimpleNamespace

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from bench.generate_benefits import add_measurements
from slik.benefits import services
from slik.benefits.models import Benefit, Indicator
from slik.benefits.pitfalls import next_measurement_due
from slik.benefits.services import imports
from slik.benefits.services.summaries import SUMMARY_COLUMNS, BenefitSummary, benefit_summary
from slik.core.tests.threads import run_together

from .test_import import csv_file

JAN, FEB, MAR = (datetime.date(2024, month, 1) for month in (1, 2, 3))


def stored(benefit) -> BenefitSummary:
    with scopes_disabled():
        values = Benefit.objects.values_list(*SUMMARY_COLUMNS).get(pk=benefit.pk)
    return BenefitSummary(*values)


def worked_out(benefit) -> BenefitSummary:
    """The summary worked out from the indicators as they are now."""
    with scopes_disabled():
        indicators = list(Indicator.objects.filter(benefit_id=benefit.pk))
    for indicator in indicators:
        indicator.next_due_on = next_measurement_due(indicator)
    return benefit_summary(indicators)


def due_dates(benefit) -> dict:
    with scopes_disabled():
        indicators = list(Indicator.objects.filter(benefit_id=benefit.pk))
    return {i.pk: i.next_due_on for i in indicators}, {
        i.pk: next_measurement_due(i) for i in indicators
    }


def assert_right(benefit) -> BenefitSummary:
    stored_dates, expected_dates = due_dates(benefit)
    assert stored_dates == expected_dates
    summary = stored(benefit)
    assert summary == worked_out(benefit)
    return summary


def in_scope(benefit, call, **kwargs):
    with scope(organisation=benefit.organisation_id):
        return call(**kwargs)


@pytest.mark.django_db
def test_a_new_benefit_has_an_empty_summary(benefit):
    assert assert_right(benefit) == BenefitSummary()


@pytest.mark.django_db
def test_adding_changing_and_deleting_indicators_keeps_the_summary(
    benefit, make_indicator, coordinator
):
    money = make_indicator(
        benefit,
        name="Kostnad",
        unit="Kroner",
        direction="lower",
        baseline_value=Decimal(1000),
        target_value=Decimal(800),
    )
    summary = assert_right(benefit)
    assert (summary.indicator_count, summary.gain_planned_kr) == (1, 200 * 10_000)
    assert summary.next_due_on == datetime.date(2024, 2, 1)  # the baseline + a month
    open_ended = make_indicator(
        benefit, name="Uten mål", is_main=True, target_value=None, target_on=None
    )
    unbased = make_indicator(benefit, name="Uten nullpunkt", baseline_value=None, baseline_on=None)
    summary = assert_right(benefit)
    assert (summary.targetless_indicators, summary.unbased_main_indicators) == (1, 1)
    in_scope(
        benefit,
        services.indicator_update,
        actor=coordinator,
        indicator=money,
        unit="årsverk",
        direction="higher",
        target_value=Decimal(1200),
        frequency="dates",
        measurement_dates=["2024-06-30", "2025-01-31"],
    )
    summary = assert_right(benefit)
    assert (summary.gain_planned_kr, summary.gain_planned_years) == (0, 200 * 10_000)
    with scopes_disabled():
        assert Indicator.objects.get(pk=money.pk).next_due_on == datetime.date(2024, 6, 30)
    for indicator in (open_ended, unbased):
        in_scope(benefit, services.indicator_delete, actor=coordinator, indicator=indicator)
        assert_right(benefit)
    in_scope(benefit, services.indicator_delete, actor=coordinator, indicator=money)
    assert assert_right(benefit) == BenefitSummary()


def record(indicator, actor, value, on, **kwargs):
    with scope(organisation=indicator.benefit.organisation_id):
        return services.measurement_record(
            actor=actor, indicator=indicator, measured_on=on, value=value, **kwargs
        )


@pytest.mark.django_db
def test_recording_replacing_and_deleting_measurements_keeps_the_summary(
    benefit, make_indicator, employee, coordinator
):
    indicator = make_indicator(
        benefit, unit="kr", direction="higher", baseline_value=Decimal(10), target_value=20
    )
    january = record(indicator, employee, "12", JAN)
    assert assert_right(benefit).gain_realised_kr == 2 * 10_000
    february = record(indicator, employee, "15,5", FEB)
    summary = assert_right(benefit)
    assert (summary.gain_realised_kr, summary.next_due_on) == (55_000, datetime.date(2024, 3, 3))
    record(indicator, employee, "9", FEB, replace=True)
    assert assert_right(benefit).gain_realised_kr == -10_000
    in_scope(benefit, services.measurement_delete, actor=coordinator, measurement=february)
    assert assert_right(benefit).gain_realised_kr == 2 * 10_000
    in_scope(benefit, services.measurement_delete, actor=coordinator, measurement=january)
    assert assert_right(benefit).next_due_on == datetime.date(2024, 2, 1)


@pytest.mark.django_db
def test_an_import_keeps_the_summaries_of_every_benefit_it_writes_to(
    case, make_benefit, make_indicator, coordinator
):
    first = make_benefit(case, title="Første")
    second = make_benefit(case, title="Andre")
    cost = make_indicator(first, name="Kostnad", unit="kr", baseline_value=100, target_value=50)
    time = make_indicator(second, name="Tid", unit="årsverk", baseline_value=2, target_value=1)
    rows = ["indikator;dato;verdi", "Kostnad;2024-01-01;90", "Kostnad;2024-02-01;80"]
    text = "\n".join([*rows, "Tid;2024-03-01;1,5", ""])
    with scope(organisation=case.organisation_id):
        imports.measurements_import(
            actor=coordinator,
            case=case,
            raw_rows=imports.read_upload(csv_file(text)),
            indicators=[cost, time],
        )
    assert assert_right(first).gain_realised_kr == 20 * 10_000  # lower is better: 100 → 80
    assert assert_right(second).gain_realised_years == 5_000


@pytest.mark.django_db
def test_the_benchmark_generator_fills_the_benefit_summaries(case, make_benefit, make_indicator):
    benefits = [make_benefit(case, title=f"Gevinst {n}") for n in range(2)]
    indicators = [
        make_indicator(benefit, name=f"Indikator {n}", unit="kr", baseline_value=10, target_value=5)
        for benefit in benefits
        for n in range(2)
    ]
    dates = [datetime.date(2024, month, 1) for month in range(1, 13)]
    gen = SimpleNamespace(rng=random.Random(8), today=datetime.date(2025, 1, 1))
    with scopes_disabled():
        add_measurements(gen, indicators, dates)
    for benefit in benefits:
        summary = assert_right(benefit)
        assert summary.next_due_on == datetime.date(2025, 1, 1)  # 1 December + 31 days


@pytest.mark.django_db(transaction=True)
def test_two_indicators_of_a_benefit_measured_at_once_are_both_summed(
    benefit, make_indicator, employee, coordinator
):
    first, second = (
        make_indicator(benefit, name=name, unit="kr", direction="higher", baseline_value=0)
        for name in ("Første", "Andre")
    )

    def post(user, indicator, value):
        client = Client()
        client.force_login(user)
        url = reverse(
            "benefits:measurement_create",
            kwargs={"org_slug": "hvaler", "indicator_id": indicator.pk},
        )
        return client.post(url, {"measured_on": "2024-02-01", "value": value})

    responses = run_together(
        partial(post, employee, first, "3"), partial(post, coordinator, second, "4")
    )
    assert [getattr(r, "status_code", r) for r in responses] == [302] * 2
    assert assert_right(benefit).gain_realised_kr == 7 * 10_000


@pytest.mark.django_db(transaction=True)
def test_migration_fills_the_summaries_from_the_indicators(case, make_benefit, make_indicator):
    benefit = make_benefit(case, title="Med indikatorer")
    empty = make_benefit(case, title="Uten indikatorer")
    make_indicator(
        benefit, name="Kostnad", unit=" NOK ", direction="higher", baseline_value=5, target_value=8
    )
    make_indicator(
        benefit,
        name="Datoer",
        frequency="dates",
        measurement_dates=["2024-06-30"],
        target_value=None,
        target_on=None,
    )
    before = ("benefits", "0010_indicator_bounds_and_limit_periods")
    executor = MigrationExecutor(connection)
    executor.migrate([before])
    try:
        state = executor.loader.project_state([before]).apps
        indicator_id = state.get_model("benefits", "Indicator").objects.get(name="Kostnad").pk
        state.get_model("benefits", "Measurement").objects.create(
            indicator_id=indicator_id, measured_on=FEB, value=7
        )
        with connection.cursor() as cursor:  # the summary of 0009, as the services kept it
            cursor.execute(
                "UPDATE benefits_indicator SET latest_on = %s, latest_value = 7 WHERE id = %s",
                [FEB, indicator_id],
            )
    finally:
        # Forward to the latest migrations, not one named here: later tests need them all.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    summary = assert_right(benefit)
    assert (summary.indicator_count, summary.gain_planned_kr, summary.gain_realised_kr) == (
        2,
        3 * 10_000,
        2 * 10_000,
    )
    assert (summary.targetless_indicators, summary.next_due_on) == (1, datetime.date(2024, 3, 3))
    assert assert_right(empty) == BenefitSummary()
