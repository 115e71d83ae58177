"""Dates outside the sane range: refused on every write path, survived on every read path.

The poison records are written straight into the database (as an old row or a bulk load
could), so the pages, the one-pager and the reminder job must cope with them.
"""

import datetime
from functools import partial

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django_scopes import scope

from slik.benefits import services
from slik.benefits.forms import IndicatorForm, MeasurementForm
from slik.benefits.models import Indicator, MeasurementTask
from slik.benefits.services import imports

from .test_import import csv_file

pytestmark = pytest.mark.django_db

FAR_FUTURE = {"baseline_on": datetime.date(9999, 12, 15), "target_on": datetime.date(9999, 12, 31)}
FAR_PAST = {"baseline_on": datetime.date(5, 1, 1), "target_on": datetime.date(6, 1, 1)}
TODAY = datetime.date(2024, 6, 10)


def poison(indicator, **dates):
    """Write dates the services refuse, the way a bulk load or an old row would."""
    with scope(organisation=indicator.benefit.organisation_id):
        Indicator.objects.filter(pk=indicator.pk).update(**dates)
        indicator.refresh_from_db()


def pages(org, case, benefit, indicator):
    def benefits_url(name, **kwargs):
        return reverse(f"benefits:{name}", kwargs={"org_slug": org.slug, **kwargs})

    return [
        reverse("cases:detail", kwargs={"org_slug": org.slug, "case_id": case.pk}),
        reverse("portfolio:dashboard", kwargs={"org_slug": org.slug}),
        benefits_url("rollup"),
        benefits_url("pitfalls"),
        benefits_url("case_benefits", case_id=case.pk),
        benefits_url("benefit", benefit_id=benefit.pk),
        benefits_url("indicator", indicator_id=indicator.pk),
        benefits_url("measurement_create", indicator_id=indicator.pk),
        benefits_url("import_indicator", indicator_id=indicator.pk),
        benefits_url("plan", case_id=case.pk),
        benefits_url("tasks"),
        reverse(
            "reports:render",
            kwargs={"org_slug": org.slug, "key": "case_onepager", "file_format": "pdf"},
        )
        + f"?case_id={case.pk}",
    ]


@pytest.mark.parametrize("dates", [FAR_FUTURE, FAR_PAST], ids=["year-9999", "year-5"])
def test_poison_dates_do_not_break_any_page(client_as, org, case, benefit, indicator, dates):
    from slik.benefits.tasks import send_measurement_reminders

    send_measurement_reminders.call(organisation_id=org.pk, today=TODAY.isoformat())
    poison(indicator, **dates)
    client = client_as(case.owner)
    failed = {}
    for address in pages(org, case, benefit, indicator):
        try:
            status = client.get(address).status_code
        except Exception as exc:  # noqa: BLE001 – every failing page is reported at once
            status = repr(exc)
        if status != 200:
            failed[address] = status
    assert failed == {}


@pytest.mark.parametrize(
    "day", [datetime.date(9999, 12, 31), datetime.date(1, 1, 1)], ids=["year-9999", "year-1"]
)
def test_poison_measurement_task_and_benefit_dates_do_not_break_any_page(
    client_as, org, case, benefit, indicator, employee, day
):
    from slik.benefits.models import Benefit, Measurement
    from slik.benefits.services.calendar import calendar_token_ensure

    with scope(organisation=org.pk):
        Benefit.objects.filter(pk=benefit.pk).update(planned_realisation_on=day)
        Measurement.objects.create(indicator=indicator, measured_on=day, value=7)
        MeasurementTask.objects.create(indicator=indicator, due_on=day, assignee=employee)
    token = calendar_token_ensure(user=employee).token
    addresses = [
        *pages(org, case, benefit, indicator),
        reverse("calendar:feed", kwargs={"token": token}),
    ]
    failed = {}
    for client, address in [(client_as(case.owner), a) for a in addresses] + [
        (client_as(employee), reverse("benefits:tasks", kwargs={"org_slug": org.slug}))
    ]:
        try:
            status = client.get(address).status_code
        except Exception as exc:  # noqa: BLE001 – every failing page is reported at once
            status = repr(exc)
        if status != 200:
            failed[address] = status
    assert failed == {}


@pytest.mark.parametrize("dates", [FAR_FUTURE, FAR_PAST], ids=["year-9999", "year-5"])
def test_poison_dates_do_not_break_the_measurement_form_or_import(
    client_as, coordinator, indicator, dates
):
    poison(indicator, **dates)
    client = client_as(coordinator)
    form_url = reverse(
        "benefits:measurement_create", kwargs={"org_slug": "hvaler", "indicator_id": indicator.pk}
    )
    response = client.post(form_url, {"measured_on": "2024-03-01", "value": "7"})
    assert response.status_code in (200, 302)
    import_url = reverse(
        "benefits:import_indicator", kwargs={"org_slug": "hvaler", "indicator_id": indicator.pk}
    )
    response = client.post(import_url, {"file": csv_file("dato;verdi\n2024-04-01;7\n")})
    assert response.status_code in (200, 422)


@pytest.mark.parametrize("dates", [FAR_FUTURE, FAR_PAST], ids=["year-9999", "year-5"])
def test_poison_dates_in_one_municipality_do_not_stop_reminders_in_another(
    org, other_case, make_benefit, make_indicator, indicator, outsider, dates
):
    theirs = make_indicator(make_benefit(other_case, title="Råde-gevinst", responsible=outsider))
    poison(indicator, **dates)
    # The poisoned organisation (Hvaler) is handled first: ids ascend.
    assert org.pk < theirs.benefit.organisation_id
    call_command("benefits_remind", "--now")
    with scope(organisation=theirs.benefit.organisation_id):
        assert MeasurementTask.objects.filter(indicator=theirs).exists()
    with scope(organisation=org.pk):
        assert not MeasurementTask.objects.filter(indicator=indicator).exists()
    assert [message.to for message in mail.outbox] == [[outsider.email]]


# --- refused on every write path, accepted at the bounds --------------------------------------

TOO_EARLY, FIRST = datetime.date(1899, 12, 31), datetime.date(1900, 1, 1)
LAST, TOO_LATE = datetime.date(2100, 12, 31), datetime.date(2101, 1, 1)


def codes(error: ValidationError, field: str) -> list[str]:
    return [e.code for e in error.error_dict[field]]


def indicator_values(**dates):
    return {
        "name": "Ventetid",
        "unit": "dager",
        "direction": "lower",
        "baseline_value": "30",
        "target_value": "10",
        "frequency": "monthly",
        **dates,
    }


@pytest.mark.parametrize(
    "dates,field",
    [
        ({"baseline_on": TOO_EARLY, "target_on": LAST}, "baseline_on"),
        ({"baseline_on": FIRST, "target_on": TOO_LATE}, "target_on"),
    ],
)
def test_indicator_service_refuses_dates_outside_the_range(benefit, coordinator, dates, field):
    with scope(organisation=benefit.organisation_id), pytest.raises(ValidationError) as refused:
        services.indicator_create(actor=coordinator, benefit=benefit, **indicator_values(**dates))
    assert codes(refused.value, field) == ["date_out_of_range"]


def test_indicator_service_accepts_the_bounds(benefit, coordinator):
    with scope(organisation=benefit.organisation_id):
        indicator = services.indicator_create(
            actor=coordinator,
            benefit=benefit,
            **indicator_values(baseline_on=FIRST, target_on=LAST),
            measurement_dates=[FIRST, LAST],
        )
    assert (indicator.baseline_on, indicator.target_on) == (FIRST, LAST)


def test_indicator_service_refuses_a_planned_date_outside_the_range(benefit, coordinator):
    with scope(organisation=benefit.organisation_id), pytest.raises(ValidationError) as refused:
        services.indicator_create(
            actor=coordinator,
            benefit=benefit,
            **indicator_values(frequency="dates", measurement_dates="31.12.2100\n01.01.2101"),
        )
    assert "measurement_dates" in refused.value.error_dict


@pytest.mark.parametrize(
    "data,valid",
    [
        ({"baseline_on": "1899-12-31", "target_on": "2000-01-01"}, False),
        ({"baseline_on": "2000-01-01", "target_on": "2101-01-01"}, False),
        ({"baseline_on": "0005-01-01", "target_on": "0006-01-01"}, False),
        ({"baseline_on": "1900-01-01", "target_on": "2100-12-31"}, True),
    ],
)
def test_indicator_form_holds_dates_to_the_range(data, valid):
    form = IndicatorForm({**indicator_values(), **data})
    assert form.is_valid() is valid, form.errors
    if not valid:
        bad = [f for f, errors in form.errors.as_data().items() if errors]
        assert all(e.code == "date_out_of_range" for f in bad for e in form.errors.as_data()[f])


def test_measurement_form_and_service_refuse_a_date_before_the_range(indicator, employee):
    with scope(organisation=indicator.benefit.organisation_id):
        Indicator.objects.filter(pk=indicator.pk).update(baseline_on=None)
        indicator.refresh_from_db()
        form = MeasurementForm({"measured_on": "1899-12-31", "value": "7"}, indicator=indicator)
        assert not form.is_valid() and "measured_on" in form.errors
        with pytest.raises(ValidationError) as refused:
            services.measurement_record(
                actor=employee, indicator=indicator, measured_on=TOO_EARLY, value="7"
            )
        assert codes(refused.value, "measured_on") == ["date_out_of_range"]
        assert (
            services.measurement_record(
                actor=employee, indicator=indicator, measured_on=FIRST, value="7"
            ).measured_on
            == FIRST
        )


@pytest.mark.parametrize("day,refused", [(TOO_LATE, True), (LAST, False)])
def test_benefit_service_holds_the_realisation_date_to_the_range(case, coordinator, day, refused):
    with scope(organisation=case.organisation_id):
        create = partial(
            services.benefit_create,
            actor=coordinator,
            case=case,
            title="Spart tid",
            planned_realisation_on=day,
        )
        if refused:
            with pytest.raises(ValidationError) as error:
                create()
            assert codes(error.value, "planned_realisation_on") == ["date_out_of_range"]
        else:
            assert create().planned_realisation_on == day


def test_import_row_outside_the_range_is_an_error(indicator):
    with scope(organisation=indicator.benefit.organisation_id):
        Indicator.objects.filter(pk=indicator.pk).update(baseline_on=None)
        indicator.refresh_from_db()
        rows = imports.validate_rows(
            imports.read_upload(csv_file("dato;verdi\n31.12.1899;7\n01.01.1900;7\n")),
            indicators=[indicator],
            fixed=indicator,
        )
    assert rows[0].errors and rows[1].errors == []
