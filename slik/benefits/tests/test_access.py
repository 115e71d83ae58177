"""The access helpers whose reads are compiled once (views/access.py) give what the querysets
gave: the same instances with their related objects, in the tenant only, one 404 for a
missing, foreign or unviewable id and 403 for a lacking permission. And the measurement series
read as columns gives the rows the page read before."""

import datetime
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from slik.cases.models import Case

from ..measurement_series import measurement_series
from ..models import BenefitCategory, Indicator, Measurement
from ..views.access import access_case, access_indicator
from .factories import add_series

pytestmark = pytest.mark.django_db


def _request(user, organisation):
    return SimpleNamespace(user=user, organisation=organisation)


def _values(obj) -> dict:
    return {field.attname: getattr(obj, field.attname) for field in obj._meta.concrete_fields}


def test_access_indicator_gives_the_querysets_indicator(org, coordinator, indicator):
    with scope(organisation=org.pk):
        benefit = indicator.benefit
        benefit.category = BenefitCategory.objects.filter(organisation=org).first()
        assert benefit.category is not None
        benefit.save(update_fields=["category"])
        expected = Indicator.objects.select_related("benefit__case", "benefit__category").get(
            pk=indicator.pk
        )
    found = access_indicator(_request(coordinator, org), indicator.pk)
    with CaptureQueriesContext(connection) as ctx:
        related = (found.benefit, found.benefit.case, found.benefit.category)
    assert not ctx.captured_queries
    assert _values(found) == _values(expected)
    for obj, want in zip(
        related, (expected.benefit, expected.benefit.case, expected.benefit.category), strict=True
    ):
        assert _values(obj) == _values(want)
    assert found._state.adding is False and found._state.db == "default"


def test_access_case_gives_the_querysets_case(org, coordinator, case):
    found = access_case(_request(coordinator, org), case.pk)
    with scope(organisation=org.pk):
        assert _values(found) == _values(Case.objects.get(pk=case.pk))
    assert found.organisation is org


def test_foreign_missing_and_unviewable_ids_are_the_same_404(
    org, other_org, coordinator, politician, outsider, case, indicator
):
    for request, ids in (
        (_request(outsider, other_org), (case.pk, indicator.pk)),  # Hvaler's, asked in Råde
        (_request(coordinator, org), (0, 0)),  # missing
        (_request(coordinator, org), (2**63, 10**20)),  # beyond the id column's range
        (_request(coordinator, org), ("x", None)),  # not an id at all
        (_request(politician, org), (case.pk, indicator.pk)),  # the case is not published
    ):
        with pytest.raises(Http404):
            access_case(request, ids[0])
        with pytest.raises(Http404):
            access_indicator(request, ids[1])


def test_a_lacking_permission_is_403(org, observer, case, indicator):
    request = _request(observer, org)
    assert access_indicator(request, indicator.pk).pk == indicator.pk
    with pytest.raises(PermissionDenied):
        access_indicator(request, indicator.pk, "benefits.change_benefit")
    with pytest.raises(PermissionDenied):
        access_case(request, case.pk, "benefits.change_map")


def test_the_series_columns_are_the_measurement_rows(org, employee, indicator):
    assert len(measurement_series(indicator=indicator)) == 0
    assert not measurement_series(indicator=indicator)
    add_series(indicator, [8.5, 7, 1234567.891, -0.25], start=datetime.date(2024, 2, 29))
    with scope(organisation=org.pk):
        Measurement.objects.filter(indicator=indicator, value=7).update(
            comment="«målt» & <b>", recorded_by=employee
        )
        rows = list(
            Measurement.objects.filter(indicator=indicator)
            .order_by("measured_on", "id")
            .values_list("id", "measured_on", "value", "comment", "recorded_by__full_name")
        )
    series = measurement_series(indicator=indicator)
    assert len(series) == len(rows) == 4
    assert series.dates == [row[1] for row in rows]
    assert all(type(day) is datetime.date for day in series.dates)
    assert series.values == [float(row[2]) for row in rows]
    assert all(type(value) is float for value in series.values)
    for index, (pk, day, value, comment, name) in enumerate(rows):
        row = series[index]
        assert (row.pk, row.measured_on, row.value, row.comment, row.recorded_by_name) == (
            pk,
            day,
            float(value),
            comment,
            name,
        )
    assert series[1].recorded_by_name == employee.full_name
