"""A new period of the control chart after a sustained shift: its own limits, shown on the
chart and the page, logged in the history, and removable again."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from django_scopes import scope

from slik.benefits.charts import xmr_chart_spec
from slik.benefits.models.indicator import LimitPeriod
from slik.benefits.services.periods import limit_period_starts
from slik.benefits.truth import series_truth
from slik.core.models import AuditEvent

from .factories import add_series

pytestmark = pytest.mark.django_db

BEFORE = [14.2, 13.6, 14.5, 13.9, 14.1, 14.6, 13.7, 14.0, 14.4, 13.8, 14.3, 13.9]
AFTER = [11.6, 11.1, 11.8, 11.2, 11.5, 11.9, 11.3, 11.7, 11.1, 11.4]
START = datetime.date(2023, 1, 15)


def _shifted(make_indicator, benefit):
    indicator = make_indicator(
        benefit,
        unit="timer",
        baseline_on=datetime.date(2023, 12, 31),
        baseline_value=14,
        target_value=10,
    )
    add_series(indicator, BEFORE + AFTER, start=START)
    return indicator


def _dates(count):
    return [START + datetime.timedelta(days=30 * i) for i in range(count)]


def test_new_period_gets_its_own_limits(make_indicator, benefit):
    indicator = _shifted(make_indicator, benefit)
    values, dates = BEFORE + AFTER, _dates(len(BEFORE + AFTER))
    with translation.override("en"):
        old = series_truth(indicator, dates, values)
        new = series_truth(indicator, dates, values, [dates[12]])
    assert old.fired and old.limits.centre == pytest.approx(sum(BEFORE) / 12)
    assert new.new_period is not None and new.baseline_count == 8
    assert new.limits.centre == pytest.approx(sum(AFTER[:8]) / 8)
    # The first period keeps its limits and its flagged points; the new one is judged alone.
    assert all(p["centre"] == pytest.approx(sum(BEFORE) / 12) for p in new.points[:12])
    assert new.fired == []
    spec = xmr_chart_spec(indicator, new)
    limits = spec["layer"][1]["data"]["values"]  # two rows a period: its first and last date
    assert [row["period"] for row in limits] == [0, 0, 1, 1]
    assert [row["date"] for row in limits] == [
        dates[0].isoformat(),
        dates[11].isoformat(),
        dates[12].isoformat(),
        dates[-1].isoformat(),
    ]
    assert [row["label_here"] for row in limits] == [False, False, True, False]
    assert any(
        layer.get("data", {}).get("values", [{}])[0].get("date") == dates[12].isoformat()
        for layer in spec["layer"]
    )


def test_a_new_period_with_few_points_says_too_little(make_indicator, benefit):
    indicator = _shifted(make_indicator, benefit)
    values, dates = BEFORE + AFTER, _dates(22)
    with translation.override("en"):
        result = series_truth(indicator, dates, values, [dates[18]])
    assert result.limits is None and result.state == "too_little"
    assert "new period" in result.verdict
    assert xmr_chart_spec(indicator, result) is not None  # the first period is still shown


def test_start_and_undo_through_the_pages_are_logged(
    client_as, coordinator, make_indicator, benefit
):
    indicator = _shifted(make_indicator, benefit)
    client = client_as(coordinator)
    kwargs = {"org_slug": "hvaler", "indicator_id": indicator.pk}
    start_url = reverse("benefits:limit_period_start", kwargs=kwargs)
    assert client.get(start_url).status_code == 200
    response = client.post(
        start_url, {"starts_on": "2024-01-01", "reason": "Ny rutine i alle enheter"}
    )
    assert response.status_code == 302
    with scope(organisation=indicator.benefit.organisation_id):
        assert limit_period_starts(indicator=indicator) == [datetime.date(2024, 1, 1)]
        assert AuditEvent.objects.filter(action="indicator.period.started").count() == 1
    page = client.get(reverse("benefits:indicator", kwargs=kwargs)).content.decode()
    assert 'id="period-list"' in page and 'id="period-undo"' in page
    undo_url = reverse("benefits:limit_period_undo", kwargs=kwargs)
    assert client.get(undo_url).status_code == 200
    assert client.post(undo_url).status_code == 302
    with scope(organisation=indicator.benefit.organisation_id):
        assert not LimitPeriod.objects.filter(indicator=indicator).exists()
        assert AuditEvent.objects.filter(action="indicator.period.removed").count() == 1


def test_bad_period_input_gets_a_message_and_saves_nothing(
    client_as, coordinator, make_indicator, benefit
):
    indicator = _shifted(make_indicator, benefit)
    client = client_as(coordinator)
    url = reverse(
        "benefits:limit_period_start", kwargs={"org_slug": "hvaler", "indicator_id": indicator.pk}
    )
    for data in (
        {"starts_on": "2022-01-01", "reason": "før første måling"},
        {"starts_on": "2024-01-01", "reason": "  "},
        {"starts_on": "ikke en dato", "reason": "x"},
        {"starts_on": "2024-01-01", "reason": "x" * 400},
    ):
        response = client.post(url, data)
        assert response.status_code == 200
        assert 'id="period-form"' in response.content.decode()
    with scope(organisation=indicator.benefit.organisation_id):
        assert not LimitPeriod.objects.filter(indicator=indicator).exists()


def test_employee_cannot_start_a_period(client_as, employee, make_indicator, benefit):
    indicator = _shifted(make_indicator, benefit)
    url = reverse(
        "benefits:limit_period_start", kwargs={"org_slug": "hvaler", "indicator_id": indicator.pk}
    )
    response = client_as(employee).post(url, {"starts_on": "2024-01-01", "reason": "x"})
    assert response.status_code in (403, 404)
    with scope(organisation=indicator.benefit.organisation_id):
        assert not LimitPeriod.objects.filter(indicator=indicator).exists()


def test_the_indicator_page_shows_too_little_data(client_as, coordinator, make_indicator, benefit):
    indicator = make_indicator(benefit, baseline_on=datetime.date(2024, 2, 1))
    add_series(indicator, [9.0, 8.0, 8.5], start=datetime.date(2024, 1, 1))
    page = (
        client_as(coordinator)
        .get(
            reverse(
                "benefits:indicator", kwargs={"org_slug": "hvaler", "indicator_id": indicator.pk}
            )
        )
        .content.decode()
    )
    assert 'id="signal-verdict"' in page and 'data-state="too_little"' in page
    assert 'id="xmr-spec"' not in page


def test_the_points_are_the_columns_with_their_periods_limits(make_indicator, benefit):
    """The analysis keeps its points as columns (truth.py); `points` gives a dict per point
    with its period's limits, as the analysis wrote them before."""
    indicator = _shifted(make_indicator, benefit)
    values, dates = BEFORE + AFTER, _dates(len(BEFORE + AFTER))
    truth = series_truth(indicator, dates, values, [dates[12]])
    first, second = (segment.limits for segment in truth.segments)
    expected = [
        {
            "date": day.isoformat(),
            "value": value,
            "rules": truth.point_rules[index],
            "baseline": index < 20,  # the first period's 12 points, the new one's first 8
            "centre": (first if index < 12 else second).centre,
            "lower": (first if index < 12 else second).lower,
            "upper": (first if index < 12 else second).upper,
            "period": 0 if index < 12 else 1,
        }
        for index, (day, value) in enumerate(zip(dates, values, strict=True))
    ]
    assert truth.points == expected
    assert truth.point_dates == [day.isoformat() for day in dates]
    assert truth.point_values == values
    # Too few points for limits: no centre line, nothing in a baseline, no rules.
    short = series_truth(indicator, dates[:3], values[:3])
    assert [(p["centre"], p["baseline"], p["rules"]) for p in short.points] == [
        (None, False, [])
    ] * 3
