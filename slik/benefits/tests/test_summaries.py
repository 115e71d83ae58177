"""The summary of the measurements kept on each indicator (latest date and value, count) is
right after every way measurements are written: recorded, replaced, deleted, imported, inserted
in bulk by the benchmark generator, recorded by two people at once, and filled by the migration."""

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
from slik.benefits.models import Indicator, Measurement
from slik.benefits.services import imports
from slik.benefits.services.summaries import indicator_summaries_update
from slik.core.tests.threads import run_together

from .test_import import csv_file

JAN, FEB, MAR = (datetime.date(2024, month, 1) for month in (1, 2, 3))


def summary(indicator):
    with scopes_disabled():
        return Indicator.objects.values_list("latest_on", "latest_value", "measurement_count").get(
            pk=indicator.pk
        )


def from_measurements(indicator):
    """The summary worked out from the measurements themselves."""
    with scopes_disabled():
        rows = list(
            Measurement.objects.filter(indicator=indicator)
            .order_by("measured_on")
            .values_list("measured_on", "value")
        )
    latest_on, latest_value = rows[-1] if rows else (None, None)
    return latest_on, latest_value, len(rows)


def record(indicator, actor, value, on, **kwargs):
    with scope(organisation=indicator.benefit.organisation_id):
        return services.measurement_record(
            actor=actor, indicator=indicator, measured_on=on, value=value, **kwargs
        )


@pytest.mark.django_db
def test_a_new_indicator_has_no_measurements(indicator):
    assert summary(indicator) == (None, None, 0)


@pytest.mark.django_db
def test_recording_keeps_the_latest_date_and_the_count(indicator, employee):
    record(indicator, employee, "8", FEB)
    assert summary(indicator) == (FEB, Decimal("8"), 1)
    record(indicator, employee, "5,5", JAN)
    assert summary(indicator) == (FEB, Decimal("8"), 2)
    record(indicator, employee, "9", MAR)
    assert summary(indicator) == (MAR, Decimal("9"), 3) == from_measurements(indicator)


@pytest.mark.django_db
def test_a_refused_second_value_changes_nothing(indicator, employee):
    record(indicator, employee, "8", FEB)
    with pytest.raises(Exception):  # noqa: B017 – the ValidationError of the duplicate date
        record(indicator, employee, "9", FEB)
    assert summary(indicator) == (FEB, Decimal("8"), 1)


@pytest.mark.django_db
def test_replacing_the_latest_value_changes_it_and_not_the_count(indicator, employee):
    record(indicator, employee, "5", JAN)
    record(indicator, employee, "8", FEB)
    record(indicator, employee, "7", FEB, replace=True)
    assert summary(indicator) == (FEB, Decimal("7"), 2)
    record(indicator, employee, "4", JAN, replace=True)
    assert summary(indicator) == (FEB, Decimal("7"), 2) == from_measurements(indicator)


@pytest.mark.django_db
def test_deleting_the_latest_falls_back_to_the_one_before_and_then_to_none(
    indicator, employee, coordinator
):
    january = record(indicator, employee, "5", JAN)
    february = record(indicator, employee, "8", FEB)
    with scope(organisation=indicator.benefit.organisation_id):
        services.measurement_delete(actor=coordinator, measurement=february)
    assert summary(indicator) == (JAN, Decimal("5"), 1)
    with scope(organisation=indicator.benefit.organisation_id):
        services.measurement_delete(actor=coordinator, measurement=january)
    assert summary(indicator) == (None, None, 0)


@pytest.mark.django_db
def test_deleting_through_the_page_updates_the_summary(client_as, coordinator, indicator):
    record(indicator, coordinator, "5", JAN)
    february = record(indicator, coordinator, "8", FEB)
    url = reverse(
        "benefits:measurement_delete",
        kwargs={"org_slug": "hvaler", "measurement_id": february.pk},
    )
    client_as(coordinator).post(url)
    assert summary(indicator) == (JAN, Decimal("5"), 1)


def _import(case, indicators, text, actor, *, fixed=None, replace=False):
    with scope(organisation=case.organisation_id):
        raw = imports.read_upload(csv_file(text))
        return imports.measurements_import(
            actor=actor,
            case=case,
            raw_rows=raw,
            indicators=indicators,
            fixed=fixed,
            replace_existing=replace,
        )


@pytest.mark.django_db
def test_an_import_updates_every_indicator_it_writes_to(
    case, benefit, make_indicator, coordinator, employee
):
    first = make_indicator(benefit, name="Sykefravær")
    second = make_indicator(benefit, name="Ventetid")
    untouched = make_indicator(benefit, name="Kostnad")
    record(second, employee, "3", MAR)
    text = (
        "indikator;dato;verdi\n"
        "Sykefravær;2024-01-01;7\nSykefravær;2024-02-01;6,5\n"
        "Ventetid;2024-01-01;2\nVentetid;2024-02-01;2,5\n"
    )
    _import(case, [first, second, untouched], text, coordinator)
    assert summary(first) == (FEB, Decimal("6.5"), 2) == from_measurements(first)
    assert summary(second) == (MAR, Decimal("3"), 3) == from_measurements(second)
    assert summary(untouched) == (None, None, 0)


@pytest.mark.django_db
def test_an_import_that_replaces_the_latest_value_updates_it(indicator, employee, coordinator):
    record(indicator, employee, "8", FEB)
    text = "dato;verdi\n2024-01-01;5\n2024-02-01;9\n"
    case = indicator.benefit.case
    _import(case, [indicator], text, coordinator, fixed=indicator, replace=True)
    assert summary(indicator) == (FEB, Decimal("9"), 2) == from_measurements(indicator)


@pytest.mark.django_db
def test_the_benchmark_generator_fills_the_summaries(benefit, make_indicator):
    indicators = [
        make_indicator(benefit, name=f"Indikator {n}", baseline_value=10, target_value=5)
        for n in range(3)
    ]
    dates = [datetime.date(2024, month, 1) for month in range(1, 13)]
    gen = SimpleNamespace(rng=random.Random(8), today=datetime.date(2025, 1, 1))
    with scopes_disabled():
        add_measurements(gen, indicators, dates)
    for indicator in indicators:
        latest_on, _value, count = summary(indicator)
        assert (latest_on, count) == (dates[-1], 12)
        assert summary(indicator) == from_measurements(indicator)


@pytest.mark.django_db
def test_summaries_update_works_out_many_indicators_in_a_few_statements(
    benefit, make_indicator, django_assert_num_queries
):
    indicators = [make_indicator(benefit, name=f"Indikator {n}") for n in range(4)]
    with scopes_disabled():
        Measurement.objects.bulk_create(
            Measurement(indicator=indicator, measured_on=day, value=n)
            for n, indicator in enumerate(indicators[:3])
            for day in (JAN, FEB)[: n + 1]
        )
    # The measurements' summaries (one statement), the indicators of their benefits read, the
    # due dates that changed and the benefits' summaries written: four, however many.
    with django_assert_num_queries(4):
        assert indicator_summaries_update(i.pk for i in indicators) == 4
    assert [summary(i) for i in indicators] == [
        (JAN, Decimal(0), 1),
        (FEB, Decimal(1), 2),
        (FEB, Decimal(2), 2),
        (None, None, 0),
    ]


# --- two people at once, on a real database with real threads -------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_dates_recorded_at_once_are_both_counted(employee, coordinator, indicator):
    def post(user, data):
        client = Client()
        client.force_login(user)
        url = reverse(
            "benefits:measurement_create",
            kwargs={"org_slug": "hvaler", "indicator_id": indicator.pk},
        )
        return client.post(url, data)

    responses = run_together(
        partial(post, employee, {"measured_on": "2024-02-01", "value": "8"}),
        partial(post, coordinator, {"measured_on": "2024-03-01", "value": "9"}),
        partial(post, coordinator, {"measured_on": "2024-01-01", "value": "7"}),
    )
    assert [getattr(r, "status_code", r) for r in responses] == [302] * 3
    assert summary(indicator) == (MAR, Decimal("9"), 3) == from_measurements(indicator)


# --- the migration that fills the summaries ---------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_migration_fills_the_summaries_from_the_measurements(indicator, make_indicator):
    empty = make_indicator(indicator.benefit, name="Uten målinger")
    before = ("benefits", "0008_measurement_latest_index")
    executor = MigrationExecutor(connection)
    executor.migrate([before])
    try:
        old = executor.loader.project_state([before]).apps.get_model("benefits", "Measurement")
        for day, value in ((FEB, 8), (JAN, 5), (MAR, "9.25")):
            old.objects.create(indicator_id=indicator.pk, measured_on=day, value=value)
    finally:
        # Forward to the latest migrations, not one named here: later tests need them all.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    assert summary(indicator) == (MAR, Decimal("9.25"), 3)
    assert summary(empty) == (None, None, 0)
