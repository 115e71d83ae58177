"""One measurement per indicator and date: the form and the import say when a date already has
a value and let the person replace it or keep it; parallel confirmations store every row once;
the migration resolves the duplicates stored before."""

import datetime
from decimal import Decimal
from functools import partial

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from slik.benefits import services
from slik.benefits.models import Measurement, MeasurementTask
from slik.core.models import AuditEvent
from slik.core.tests.threads import run_together

FEB = datetime.date(2024, 2, 1)


def values(indicator):
    with scope(organisation=indicator.benefit.organisation_id):
        return list(
            Measurement.objects.filter(indicator=indicator).values_list("measured_on", "value")
        )


def events(indicator, action):
    with scope(organisation=indicator.benefit.organisation_id):
        return list(AuditEvent.objects.filter(action=action))


def record(indicator, actor, value, on=FEB, **kwargs):
    with scope(organisation=indicator.benefit.organisation_id):
        return services.measurement_record(
            actor=actor, indicator=indicator, measured_on=on, value=value, **kwargs
        )


def form_url(indicator):
    return reverse(
        "benefits:measurement_create", kwargs={"org_slug": "hvaler", "indicator_id": indicator.pk}
    )


# --- the service ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_second_value_for_a_date_is_refused(indicator, employee):
    record(indicator, employee, "7,5")
    with pytest.raises(ValidationError) as refused:
        record(indicator, employee, "8")
    assert refused.value.error_dict["measured_on"][0].code == "exists"
    assert values(indicator) == [(FEB, Decimal("7.5"))]


@pytest.mark.django_db
def test_replacing_a_value_is_audited_before_and_after(indicator, employee, coordinator):
    record(indicator, employee, "7,5")
    record(indicator, coordinator, "8", replace=True, comment="Rettet tall")
    assert values(indicator) == [(FEB, Decimal("8"))]
    [event] = events(indicator, "measurement.replaced")
    assert event.changes["value"] == ["7.5000", "8.0000"]
    assert event.changes["comment"] == ["", "Rettet tall"]
    assert event.actor == coordinator


# --- the form ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_form_shows_the_value_on_record_and_asks_what_to_do(client_as, employee, indicator):
    record(indicator, employee, "7,5")
    response = client_as(employee).post(
        form_url(indicator), {"measured_on": "2024-02-01", "value": "8"}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert [e.code for e in form.errors.as_data()["on_existing"]] == ["exists"]
    assert form.existing.value == Decimal("7.5")
    html = response.content.decode()
    assert 'type="radio" name="on_existing" value="replace"' in html
    assert f'name="on_record" value="{form.existing.pk}"' in html
    assert form["value"].value() == "8"  # what was typed is kept
    assert values(indicator) == [(FEB, Decimal("7.5"))]


@pytest.mark.django_db
def test_form_replace_overwrites_the_value_on_record(client_as, employee, indicator):
    existing = record(indicator, employee, "7,5")
    response = client_as(employee).post(
        form_url(indicator),
        {
            "measured_on": "2024-02-01",
            "value": "8",
            "on_existing": "replace",
            "on_record": existing.pk,
        },
    )
    assert response.status_code == 302
    assert values(indicator) == [(FEB, Decimal("8"))]
    assert len(events(indicator, "measurement.replaced")) == 1


@pytest.mark.django_db
def test_form_keep_saves_nothing(client_as, employee, indicator):
    existing = record(indicator, employee, "7,5")
    response = client_as(employee).post(
        form_url(indicator),
        {
            "measured_on": "2024-02-01",
            "value": "8",
            "on_existing": "keep",
            "on_record": existing.pk,
        },
    )
    assert response.status_code == 302
    assert values(indicator) == [(FEB, Decimal("7.5"))]
    assert events(indicator, "measurement.replaced") == []


@pytest.mark.django_db
def test_replace_chosen_for_another_date_asks_again(client_as, employee, indicator):
    first = record(indicator, employee, "7,5")
    record(indicator, employee, "6", on=datetime.date(2024, 3, 1))
    response = client_as(employee).post(
        form_url(indicator),
        {
            "measured_on": "2024-03-01",
            "value": "8",
            "on_existing": "replace",
            "on_record": first.pk,
        },
    )
    assert response.status_code == 200 and response.context["form"].errors["on_existing"]
    assert sorted(v for _d, v in values(indicator)) == [Decimal("6"), Decimal("7.5")]


# --- the import -------------------------------------------------------------------------------


def import_url(indicator):
    return reverse(
        "benefits:import_indicator", kwargs={"org_slug": "hvaler", "indicator_id": indicator.pk}
    )


def confirm_url(indicator):
    return reverse(
        "benefits:import_confirm",
        kwargs={"org_slug": "hvaler", "case_id": indicator.benefit.case_id},
    )


def month_csv(months=range(1, 13), value="7"):
    lines = [f"2023-{m:02d}-01;{value}" for m in months]
    return SimpleUploadedFile("m.csv", ("dato;verdi\n" + "\n".join(lines) + "\n").encode())


@pytest.mark.django_db
def test_import_preview_shows_dates_on_record_and_skips_them_by_default(
    client_as, coordinator, employee, indicator
):
    record(indicator, employee, "5", on=datetime.date(2023, 3, 1))
    record(indicator, employee, "7", on=datetime.date(2023, 4, 1))  # the same value as the file
    client = client_as(coordinator)
    preview = client.post(import_url(indicator), {"file": month_csv()})
    assert preview.status_code == 200
    html = preview.content.decode()
    assert html.count('data-on-record="other"') == 1 and html.count('data-on-record="same"') == 1
    assert 'id="import-on-record"' in html
    assert 'value="skip" name="on_existing"' not in html  # the radio is the import's own
    assert 'name="existing" value="skip"' in html and "checked" in html
    done = client.post(confirm_url(indicator), {"token": preview.context["token"]})
    assert done.status_code == 302
    on_record = dict(values(indicator))
    assert len(on_record) == 12 and on_record[datetime.date(2023, 3, 1)] == Decimal("5")
    [event] = events(indicator, "measurement.imported")
    assert event.data["count"] == 10 and event.data["skipped"] == 1


@pytest.mark.django_db
def test_import_can_replace_dates_on_record(client_as, coordinator, employee, indicator):
    record(indicator, employee, "5", on=datetime.date(2023, 3, 1))
    client = client_as(coordinator)
    preview = client.post(import_url(indicator), {"file": month_csv()})
    client.post(confirm_url(indicator), {"token": preview.context["token"], "existing": "replace"})
    assert dict(values(indicator))[datetime.date(2023, 3, 1)] == Decimal("7")
    [event] = events(indicator, "measurement.replaced")
    assert event.changes["value"] == ["5.0000", "7.0000"]


# --- racing confirmations, on a real database with real threads -------------------------------


def _clients_sharing_one_session(user, count):
    first = Client()
    first.force_login(user)
    others = []
    for _ in range(count - 1):
        other = Client()
        other.cookies = first.cookies
        others.append(other)
    return [first, *others]


@pytest.mark.django_db(transaction=True)
def test_one_import_confirmed_four_times_at_once_stores_each_row_once(coordinator, indicator):
    clients = _clients_sharing_one_session(coordinator, 4)
    preview = clients[0].post(import_url(indicator), {"file": month_csv(range(1, 13))})
    token = preview.context["token"]
    responses = run_together(
        *(partial(c.post, confirm_url(indicator), {"token": token}) for c in clients)
    )
    assert [getattr(r, "status_code", r) for r in responses] == [302] * 4
    assert len(values(indicator)) == 12
    assert len(events(indicator, "measurement.imported")) == 1


@pytest.mark.django_db(transaction=True)
def test_same_date_recorded_twice_at_once_is_stored_once(employee, coordinator, indicator):
    clients = []
    for user in (employee, coordinator):
        client = Client()
        client.force_login(user)
        clients.append(client)
    posts = [{"measured_on": "2024-02-01", "value": v} for v in ("7", "8")]
    responses = run_together(
        *(partial(c.post, form_url(indicator), d) for c, d in zip(clients, posts, strict=True))
    )
    assert sorted(getattr(r, "status_code", r) for r in responses) == [200, 302]
    assert len(values(indicator)) == 1


# --- the migration that resolves old duplicates -----------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_migration_keeps_the_latest_recorded_duplicate_and_records_the_rest(
    indicator, employee, capsys
):
    before = ("benefits", "0003_edit_version")
    executor = MigrationExecutor(connection)
    executor.migrate([before])
    try:
        old_apps = executor.loader.project_state([before]).apps
        old = old_apps.get_model("benefits", "Measurement")
        old_apps.get_model("benefits", "MeasurementTask").objects.create(
            indicator_id=indicator.pk, due_on=datetime.date(2024, 6, 1)
        )
        late = old.objects.create(indicator_id=indicator.pk, measured_on=FEB, value=7)
        early = old.objects.create(indicator_id=indicator.pk, measured_on=FEB, value=8)
        lone = old.objects.create(
            indicator_id=indicator.pk, measured_on=datetime.date(2024, 3, 1), value=9
        )
        # The row with the lower id was recorded last: it is the one to keep.
        old.objects.filter(pk=early.pk).update(
            created_at=datetime.datetime(2024, 2, 2, tzinfo=datetime.UTC)
        )
        old.objects.filter(pk=late.pk).update(
            created_at=datetime.datetime(2024, 2, 3, tzinfo=datetime.UTC)
        )
    finally:
        # Forward to the latest migrations, not one named here: later tests need them all.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    with scope(organisation=indicator.benefit.organisation_id):
        kept = set(Measurement.objects.filter(indicator=indicator).values_list("pk", flat=True))
    assert kept == {late.pk, lone.pk}
    with scope(organisation=indicator.benefit.organisation_id):
        task = MeasurementTask.objects.get(indicator=indicator)
    assert task.covered_from == datetime.date(2024, 5, 25)  # monthly: seven days' lead
    [event] = events(indicator, "measurement.duplicate_removed")
    assert event.data["kept"]["id"] == late.pk
    assert [r["id"] for r in event.data["removed"]] == [early.pk]
    assert f"removed #{early.pk} (8" in capsys.readouterr().out
