import datetime

import pytest
from django_scopes import scope

from slik.benefits.charts import indicator_chart_spec, xmr_chart_spec
from slik.benefits.selectors import indicator_measurements
from slik.benefits.truth import indicator_truth, trend_sentence

from .factories import add_series

pytestmark = pytest.mark.django_db

BASELINE = [8.4, 8.6, 8.5, 8.7, 8.3, 8.5, 8.6, 8.4, 8.5, 8.6, 8.4, 8.5]  # 12 points ≤ baseline


def truth_of(indicator):
    with scope(organisation=indicator.benefit.organisation_id):
        return indicator_truth(indicator, indicator_measurements(indicator=indicator))


def test_real_shift_is_a_signal_and_an_improvement(indicator):
    add_series(indicator, BASELINE + [7.2, 7.1, 7.3, 7.0, 7.2, 7.1, 7.0, 7.2])
    truth = truth_of(indicator)
    assert truth.baseline_count == 12 and not truth.baseline_from_first_points
    assert truth.limits.centre == pytest.approx(sum(BASELINE) / 12)
    assert "outside" in truth.fired and "run" in truth.fired
    assert truth.improvement is True
    # Flagged points are the ones after the baseline period only.
    assert all(not p["rules"] for p in truth.points[:12])
    assert all("outside" in p["rules"] for p in truth.points[12:])
    # achievement: (7.2 − 8.5) / (6.5 − 8.5) = 0.65
    assert truth.achievement == pytest.approx(0.65)
    assert truth.trend_word == "falling" and truth.trend_toward_target is True


def test_noise_is_not_a_signal(indicator):
    add_series(indicator, BASELINE + [8.4, 8.6, 8.5, 8.4, 8.6, 8.5, 8.7, 8.4])
    truth = truth_of(indicator)
    assert truth.fired == []
    assert truth.improvement is None
    assert truth.verdict


def test_shift_for_the_worse_is_reported(indicator):
    add_series(indicator, BASELINE + [9.6, 9.8, 9.7])
    truth = truth_of(indicator)
    assert truth.fired == ["outside"]
    assert truth.improvement is False


def test_trend_rule_fires_on_six_rising(make_indicator, benefit):
    indicator = make_indicator(
        benefit,
        name="Brukertilfredshet",
        unit="skår",
        direction="higher",
        baseline_value=4,
        target_value=5,
    )
    add_series(indicator, BASELINE + [8.45, 8.5, 8.55, 8.6, 8.65, 8.7])
    truth = truth_of(indicator)
    assert "trend" in truth.fired
    assert "outside" not in truth.fired


def test_fallback_to_first_points_when_baseline_period_is_empty(indicator):
    # No measurement on or before the baseline date: the first 8 (the minimum baseline) are
    # the baseline, the rest are judged against their limits.
    add_series(
        indicator, [8.5, 8.4, 8.6, 8.5, 8.4, 8.6, 8.5, 8.4] * 2, start=datetime.date(2024, 2, 1)
    )
    truth = truth_of(indicator)
    assert truth.baseline_from_first_points
    assert truth.baseline_count == 8
    assert all(p["baseline"] for p in truth.points[:8])
    assert not any(p["baseline"] for p in truth.points[8:])


def test_too_few_points_gives_no_limits(indicator):
    add_series(indicator, [8.5])
    truth = truth_of(indicator)
    assert truth.limits is None and truth.fired == []
    assert truth.slope_per_month is None
    assert trend_sentence(truth, "%")
    assert xmr_chart_spec(indicator, truth) is None


def test_empty_indicator(indicator):
    truth = truth_of(indicator)
    assert truth.latest is None and truth.achievement is None and truth.verdict


def test_flat_trend(indicator):
    add_series(indicator, [8.5] * 10)
    truth = truth_of(indicator)
    assert truth.trend_word == "flat"


def test_chart_specs_have_inline_values_and_reference_lines(indicator):
    add_series(indicator, BASELINE + [7.0, 7.1])
    truth = truth_of(indicator)
    spec = indicator_chart_spec(indicator, truth)
    # The points as parallel columns, unnested by the chart (`flatten`).
    (columns,) = spec["layer"][0]["data"]["values"]
    assert spec["layer"][0]["transform"][0] == {"flatten": ["date", "value"]}
    assert columns["value"] == [p["value"] for p in truth.points]
    assert columns["date"] == [p["date"] for p in truth.points]
    datums = [layer["encoding"]["y"].get("datum") for layer in spec["layer"][1:]]
    assert 8.5 in datums and 6.5 in datums
    xmr = xmr_chart_spec(indicator, truth)
    (columns,) = xmr["layer"][0]["data"]["values"]
    assert xmr["layer"][0]["transform"][0] == {"flatten": ["date", "value", "kind", "rules"]}
    assert len(columns["date"]) == len(columns["rules"]) == 14
    assert len(set(columns["kind"])) == 2  # signal and noise points are distinguished
    # The centre line and limits: the first and the last date of the period.
    (limits,) = [layer for layer in xmr["layer"] if "layer" in layer][1:]
    rows = limits["data"]["values"]
    assert [row["date"] for row in rows] == [truth.points[0]["date"], truth.points[-1]["date"]]
    assert {row["centre"] for row in rows} == {truth.limits.centre}
    assert [row["label_here"] for row in rows] == [True, False]


def test_falling_trend_is_an_improvement_when_lower_is_better(indicator):
    add_series(indicator, BASELINE + [8.55, 8.5, 8.45, 8.4, 8.35, 8.3])
    truth = truth_of(indicator)
    assert truth.fired == ["trend"]
    assert truth.improvement is True
