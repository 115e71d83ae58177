import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from slik.benefits import services
from slik.benefits.models import (
    Benefit,
    BenefitCategory,
    BenefitSettings,
    Indicator,
    Measurement,
)
from slik.cases.models import Case
from slik.core.models import AuditEvent
from slik.core.tests.edit_conflict import loaded

from .factories import add_series

pytestmark = pytest.mark.django_db


def url(name, org, **kwargs):
    return reverse(f"benefits:{name}", kwargs={"org_slug": org.slug, **kwargs})


@pytest.fixture
def measurement(indicator, employee):
    with scope(organisation=indicator.benefit.organisation_id):
        return services.measurement_record(
            actor=employee, indicator=indicator, measured_on=datetime.date(2024, 2, 1), value="8"
        )


@pytest.fixture
def objects(case, benefit, indicator, measurement, org):
    with scope(organisation=org.pk):
        category = BenefitCategory.objects.filter(organisation=org).first()
    return {
        "case_id": case.pk,
        "benefit_id": benefit.pk,
        "indicator_id": indicator.pk,
        "measurement_id": measurement.pk,
        "category_id": category.pk,
    }


READ_PAGES = [
    ("rollup", []),
    ("pitfalls", []),
    ("case_benefits", ["case_id"]),
    ("benefit", ["benefit_id"]),
    ("indicator", ["indicator_id"]),
]
CHANGE_PAGES = [
    ("benefit_create", ["case_id"]),
    ("benefit_edit", ["benefit_id"]),
    ("benefit_delete", ["benefit_id"]),
    ("indicator_create", ["benefit_id"]),
    ("indicator_edit", ["indicator_id"]),
    ("indicator_delete", ["indicator_id"]),
]
RECORD_PAGES = [
    ("measurement_create", ["indicator_id"]),
    ("measurement_delete", ["measurement_id"]),
]
ALL = READ_PAGES + CHANGE_PAGES + RECORD_PAGES + [("categories", [])]


def kwargs_for(names, objects):
    return {name: objects[name] for name in names}


EXPECTED = {
    # role: (read, change, record, categories)
    "coordinator": (200, 200, 200, 200),
    "leader": (200, 200, 200, 403),
    "project_leader": (200, 200, 200, 403),
    "employee": (200, 403, 200, 403),  # the benefit's responsible
    "observer": (200, 403, 403, 403),
    "politician": (404, 404, 404, 403),  # the case is not published
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_get_matrix(role, personas, objects, org, client_as):
    client = client_as(personas[role])
    read, change, record, categories = EXPECTED[role]
    groups = [(READ_PAGES, read), (CHANGE_PAGES, change), (RECORD_PAGES, record)]
    for pages, expected in groups:
        for name, names in pages:
            if role == "politician" and name in ("rollup", "pitfalls"):
                expected_here = 403
            else:
                expected_here = expected
            response = client.get(url(name, org, **kwargs_for(names, objects)))
            assert response.status_code == expected_here, (role, name)
    assert client.get(url("categories", org)).status_code == categories


def test_outsider_gets_404_everywhere(outsider, objects, org, client_as):
    client = client_as(outsider)
    for name, names in ALL:
        assert client.get(url(name, org, **kwargs_for(names, objects))).status_code == 404


def test_foreign_ids_are_404(coordinator, objects, other_org, other_case, outsider, client_as):
    """Råde's objects requested under Hvaler's address."""
    with scope(organisation=other_org.pk):
        benefit = services.benefit_create(actor=outsider, case=other_case, title="Deres")
        indicator = services.indicator_create(
            actor=outsider, benefit=benefit, name="X", unit="kr", direction="higher"
        )
        measurement = services.measurement_record(
            actor=outsider, indicator=indicator, measured_on=datetime.date(2024, 1, 1), value=1
        )
        category = BenefitCategory.objects.filter(organisation=other_org).first()
    foreign = {
        "case_id": other_case.pk,
        "benefit_id": benefit.pk,
        "indicator_id": indicator.pk,
        "measurement_id": measurement.pk,
        "category_id": category.pk,
    }
    client = client_as(coordinator)
    org = coordinator.memberships.get().organisation
    for name, names in ALL + [
        ("category_toggle", ["category_id"]),
        ("benefit_status", ["benefit_id"]),
    ]:
        if not names:
            continue
        response = client.post(url(name, org, **kwargs_for(names, foreign)))
        assert response.status_code == 404, name


def test_politician_sees_published_case_benefits(politician, objects, org, case, client_as):
    with scope(organisation=org.pk):
        Case.objects.filter(pk=case.pk).update(is_published=True)
    client = client_as(politician)
    assert client.get(url("benefit", org, benefit_id=objects["benefit_id"])).status_code == 200
    assert (
        client.get(url("indicator", org, indicator_id=objects["indicator_id"])).status_code == 200
    )
    assert client.get(url("benefit_edit", org, benefit_id=objects["benefit_id"])).status_code == 403


def test_create_benefit_and_warn_about_reallocation(coordinator, case, org, employee, client_as):
    client = client_as(coordinator)
    with scope(organisation=org.pk):
        category = BenefitCategory.objects.filter(organisation=org).first()
    data = {
        "title": "Frigjort tid i hjemmetjenesten",
        "category": category.pk,
        "realisation": "reallocation",
        "uncertainty": "medium",
        "priority": "high",
        "responsible": employee.pk,
        "status": "expected",
        "progress": "not_started",
    }
    response = client.post(url("benefit_create", org, case_id=case.pk), data, follow=True)
    assert response.status_code == 200
    with scope(organisation=org.pk):
        benefit = Benefit.objects.get(case=case)
    assert benefit.responsible == employee and benefit.category == category
    levels = [m.level_tag for m in response.context["messages"]]
    assert "warning" in levels


def test_bad_benefit_input_keeps_typed_data(coordinator, case, org, client_as, outsider):
    client = client_as(coordinator)
    data = {"title": "", "description": "Min tekst", "responsible": outsider.pk}
    response = client.post(url("benefit_create", org, case_id=case.pk), data)
    assert response.status_code == 200
    assert "Min tekst" in response.content.decode()
    assert set(response.context["form"].errors) >= {"title", "responsible"}


def test_indicator_form_bad_input(coordinator, benefit, org, client_as):
    client = client_as(coordinator)
    data = {
        "name": "Ventetid",
        "unit": "dager",
        "direction": "lower",
        "is_main": "on",
        "baseline_value": "12,5",
        "baseline_on": "2024-01-01",
        "target_value": "tolv",
        "target_on": "2023-01-01",
        "frequency": "monthly",
    }
    response = client.post(url("indicator_create", org, benefit_id=benefit.pk), data)
    assert response.status_code == 200
    assert "tolv" in response.content.decode()
    assert "target_value" in response.context["form"].errors
    data["target_value"] = "12,5"  # equal to the baseline
    response = client.post(url("indicator_create", org, benefit_id=benefit.pk), data)
    assert set(response.context["form"].errors) == {"target_value", "target_on"}
    data["target_value"], data["target_on"] = "14", "2025-01-01"  # wrong direction
    response = client.post(url("indicator_create", org, benefit_id=benefit.pk), data)
    assert set(response.context["form"].errors) == {"target_value"}
    with scope(organisation=org.pk):
        assert not Indicator.objects.filter(benefit=benefit).exists()
    data["target_value"] = "8,5"
    response = client.post(url("indicator_create", org, benefit_id=benefit.pk), data)
    assert response.status_code == 302
    with scope(organisation=org.pk):
        indicator = Indicator.objects.get(benefit=benefit)
    assert str(indicator.target_value) == "8.5000"
    response = client.get(url("indicator_edit", org, indicator_id=indicator.pk))
    assert response.status_code == 200


def test_record_measurement_with_comma_and_bad_input(employee, indicator, org, client_as):
    client = client_as(employee)
    target = url("measurement_create", org, indicator_id=indicator.pk)
    response = client.post(target, {"measured_on": "2024-03-01", "value": "åtte"})
    assert response.status_code == 200 and "åtte" in response.content.decode()
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    response = client.post(target, {"measured_on": future, "value": "8"})
    assert "measured_on" in response.context["form"].errors
    response = client.post(target, {"measured_on": "ikke dato", "value": "8"})
    assert response.status_code == 200
    response = client.post(target, {"measured_on": "2024-03-01", "value": "8,2", "comment": "Mars"})
    assert response.status_code == 302
    with scope(organisation=org.pk):
        assert Measurement.objects.get(indicator=indicator).comment == "Mars"


def test_status_change_is_audited(coordinator, benefit, org, client_as):
    client = client_as(coordinator)
    target = url("benefit_status", org, benefit_id=benefit.pk)
    assert client.get(target).status_code == 405
    shown = {"expected_status": "expected", "expected_progress": "not_started"}
    response = client.post(target, {**shown, "status": "tracking", "progress": "ahead"})
    assert response.status_code == 302
    assert client.post(target, {"status": "bad"}).status_code == 400
    with scope(organisation=org.pk):
        benefit.refresh_from_db()
        assert (benefit.status, benefit.progress) == ("tracking", "ahead")
        assert AuditEvent.objects.filter(
            action="benefit.status.changed", object_id=benefit.pk
        ).exists()


def test_delete_flows_ask_first(coordinator, objects, org, client_as):
    client = client_as(coordinator)
    for name, key, model in [
        ("measurement_delete", "measurement_id", Measurement),
        ("indicator_delete", "indicator_id", Indicator),
        ("benefit_delete", "benefit_id", Benefit),
    ]:
        target = url(name, org, **{key: objects[key]})
        assert client.get(target).status_code == 200
        assert client.post(target).status_code == 302
        with scope(organisation=org.pk):
            assert not model.objects.filter(pk=objects[key]).exists()


def test_categories_page(coordinator, org, client_as):
    client = client_as(coordinator)
    target = url("categories", org)
    response = client.post(
        target, {"action": "category", "category_set": "Egen", "name": "Trygghet"}
    )
    assert response.status_code == 302
    response = client.post(
        target, {"action": "category", "category_set": "Egen", "name": "Trygghet"}
    )
    assert response.status_code == 200 and response.context["category_form"].errors
    response = client.post(
        target, {"action": "settings", "pilot_gate": "block", "measurement_overdue_days": "x"}
    )
    assert response.status_code == 200 and response.context["settings_form"].errors
    response = client.post(
        target,
        {
            **loaded(client, target, "settings_form"),
            "action": "settings",
            "pilot_gate": "block",
            "measurement_overdue_days": "14",
        },
    )
    assert response.status_code == 302
    with scope(organisation=org.pk):
        category = BenefitCategory.objects.get(organisation=org, name="Trygghet")
        assert BenefitSettings.objects.get(organisation=org).pilot_gate == "block"
    toggle = url("category_toggle", org, category_id=category.pk)
    assert client.get(toggle).status_code == 405
    assert client.post(toggle).status_code == 302  # no state asked for: nothing changes
    with scope(organisation=org.pk):
        category.refresh_from_db()
        assert category.is_active
    assert client.post(toggle, {"active": "0"}).status_code == 302
    with scope(organisation=org.pk):
        category.refresh_from_db()
        assert not category.is_active


def test_pitfall_list_filters_and_bad_params(coordinator, benefit, case, org, client_as):
    client = client_as(coordinator)
    response = client.get(url("pitfalls", org), {"case": case.pk, "code": "no_target"})
    assert response.status_code == 200
    assert {p.code for p in response.context["page"].object_list} == {"no_target"}
    assert (
        client.get(url("pitfalls", org), {"case": "x", "code": "nope", "side": "99"}).status_code
        == 200
    )


def test_indicator_page_shows_verdict_and_tables(coordinator, indicator, org, client_as):
    add_series(indicator, [8.4, 8.6, 8.5, 8.7, 8.3, 8.5, 8.6, 8.4, 8.5, 8.6, 8.4, 8.5, 7.0, 7.1])
    response = client_as(coordinator).get(url("indicator", org, indicator_id=indicator.pk))
    html = response.content.decode()
    assert 'id="signal-verdict"' in html and 'data-signal="yes"' in html
    assert 'id="measurement-table"' in html and 'data-vega-spec="xmr-spec"' in html
    assert 'id="xmr-spec"' in html and 'id="indicator-spec"' in html


def test_indicator_page_queries_do_not_depend_on_measurements(
    coordinator, make_indicator, benefit, org, client_as
):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as(coordinator)
    small, large = make_indicator(benefit, name="Liten"), make_indicator(benefit, name="Stor")
    add_series(small, [8 + (i % 3) / 10 for i in range(5)], step_days=1)
    add_series(
        large, [8 + (i % 7) / 10 for i in range(500)], start=datetime.date(2023, 1, 1), step_days=1
    )
    counts = []
    for indicator in (small, large, small):
        cache.clear()  # measure the page itself, not the page cache
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url("indicator", org, indicator_id=indicator.pk)).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[1] == counts[2]


def test_case_include_and_list_queries(
    coordinator, make_benefit, make_indicator, case, org, client_as
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_as(coordinator)
    counts = []
    for n in (1, 5):
        for i in range(n):
            make_indicator(make_benefit(case, title=f"G{n}-{i}"))
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url("case_benefits", org, case_id=case.pk)).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_rollup_page(coordinator, indicator, org, client_as):
    response = client_as(coordinator).get(url("rollup", org))
    assert response.status_code == 200
    assert 'id="rollup-table"' in response.content.decode()
