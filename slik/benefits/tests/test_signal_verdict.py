"""The verdict is honest: no limits and no "noise" without a reasonable baseline, limits held
to what the quantity can take, a too short run after the baseline is not called noise, and the
chart draws the reference lines its label promises (rendered, not only specified)."""

import datetime
import re
from decimal import Decimal

import pytest
import vl_convert as vlc
from django.utils import translation

from slik.benefits.charts import indicator_chart_spec, time_axis, xmr_chart_spec
from slik.benefits.statistics import MIN_BASELINE_POINTS
from slik.benefits.truth import series_truth
from slik.core.charts import paper_spec

pytestmark = pytest.mark.django_db

START = datetime.date(2024, 1, 1)


def months(count, start=START):
    return [
        datetime.date(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1, 1)
        for i in range(count)
    ]


def truth(indicator, values, starts=()):
    with translation.override("en"):
        return series_truth(indicator, months(len(values)), values, starts)


def test_two_baseline_points_and_one_measurement_are_too_little_data(make_indicator, benefit):
    # Baseline date after the second point: two baseline points and one new measurement.
    indicator = make_indicator(benefit, baseline_on=datetime.date(2024, 2, 1))
    result = truth(indicator, [9.0, 8.0, 8.5])
    assert result.limits is None and result.state == "too_little"
    assert result.verdict.startswith("Too little data to say anything yet")
    assert "noise limits need at least 8" in result.verdict
    assert "most likely noise" not in result.verdict
    assert xmr_chart_spec(indicator, result) is None


def test_limits_need_the_minimum_baseline(make_indicator, benefit):
    indicator = make_indicator(benefit, baseline_on=datetime.date(2024, 12, 1))
    assert MIN_BASELINE_POINTS == 8
    seven = truth(indicator, [8.5, 8.4, 8.6, 8.5, 8.4, 8.6, 8.5])
    assert seven.limits is None
    eight = truth(indicator, [8.5, 8.4, 8.6, 8.5, 8.4, 8.6, 8.5, 8.4])
    assert eight.limits is not None and eight.baseline_count == 8


def test_few_points_after_the_baseline_are_not_called_noise(make_indicator, benefit):
    indicator = make_indicator(benefit, baseline_on=datetime.date(2024, 8, 1))
    baseline = [8.5, 8.4, 8.6, 8.5, 8.4, 8.6, 8.5, 8.4]
    early = truth(indicator, [*baseline, 8.5, 8.4, 8.6])
    assert early.fired == []
    assert early.verdict.startswith("No signal yet, but too early to call it noise")
    later = truth(indicator, [*baseline, 8.5, 8.4, 8.6, 8.5, 8.4, 8.6, 8.5, 8.6])
    assert "most likely noise" in later.verdict


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("nb", "1 måling etter grunnlaget ligger", "2 målinger etter grunnlaget ligger"),
        ("nn", "1 måling etter grunnlaget ligg", "2 målingar etter grunnlaget ligg"),
        ("en", "1 measurement after the baseline lies", "2 measurements after the baseline lie"),
    ],
)
def test_one_measurement_after_the_baseline_is_singular(
    make_indicator, benefit, language, one, two
):
    indicator = make_indicator(benefit, baseline_on=datetime.date(2024, 8, 1))
    baseline = [8.5, 8.4, 8.6, 8.5, 8.4, 8.6, 8.5, 8.4]
    with translation.override(language):
        single = series_truth(indicator, months(9), [*baseline, 8.5], ())
        double = series_truth(indicator, months(10), [*baseline, 8.5, 8.4], ())
    assert one in single.verdict
    assert two in double.verdict


def test_a_percentage_lower_limit_is_not_below_zero(make_indicator, benefit):
    # The demo's "told their story once" share: values jumping 20 → 45 → … give a lower
    # limit of about −34 % before clipping.
    indicator = make_indicator(
        benefit,
        unit="%",
        direction="higher",
        baseline_value=Decimal("20"),
        target_value=Decimal("70"),
        baseline_on=datetime.date(2024, 8, 1),
    )
    values = [20.0, 45.0, 15.0, 50.0, 10.0, 55.0, 20.0, 45.0, 30.0]
    result = truth(indicator, values)
    assert result.limits.lower == 0 and result.limits.lower_unclipped < -20
    assert result.limits.upper == 100 and result.limits.upper_unclipped > 100
    assert result.limits.clipped
    assert all(p["lower"] == 0 for p in result.points)


def test_a_count_is_held_at_zero_and_an_unbounded_quantity_is_not(make_indicator, benefit):
    values = [3.0, 9.0, 1.0, 10.0, 2.0, 8.0, 1.0, 9.0]
    hours = make_indicator(
        benefit,
        unit="timer",
        baseline_on=datetime.date(2024, 8, 1),
        baseline_value=Decimal("5"),
        target_value=Decimal("2"),
    )
    assert hours.lower_bound == 0  # the default for anything not a share
    assert truth(hours, values).limits.lower == 0
    hours.lower_bound = None
    assert truth(hours, values).limits.lower < 0


def _render(spec):
    return vlc.vegalite_to_svg(paper_spec(spec, language="en"))


def test_baseline_and_target_lines_are_drawn(make_indicator, benefit):
    # Baseline 8.5 and target 6.5 both lie outside the measurements' range (7.0–8.0).
    indicator = make_indicator(benefit)
    result = truth(indicator, [8.0, 7.8, 7.5, 7.2, 7.0])
    with translation.override("en"):
        svg = _render(indicator_chart_spec(indicator, result))
    assert ">Baseline<" in svg and ">Target<" in svg
    assert svg.count('class="mark-rule') >= 2


def test_monthly_axis_has_month_ticks_not_weekly(make_indicator, benefit):
    indicator = make_indicator(benefit, baseline_on=datetime.date(2024, 12, 1))
    values = [8.5, 8.4, 8.6, 8.5, 8.4, 8.6, 8.5, 8.4, 8.5, 8.6, 8.4, 8.5, 7.2, 7.1] * 2
    result = truth(indicator, values[:22])
    axis = time_axis([p["date"] for p in result.points], indicator.frequency)
    assert axis["tickCount"] == {"interval": "month", "step": 3}
    with translation.override("nb"):
        spec = paper_spec(indicator_chart_spec(indicator, result), language="nb")
        svg = vlc.vegalite_to_svg(spec)
    x_labels = re.findall(
        r"<text[^>]*>((?:jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des) \d{4})</text>", svg
    )
    assert 3 <= len(x_labels) <= 8, x_labels
    assert len(set(x_labels)) == len(x_labels)  # one tick per label, no repeated weeks


def test_time_axis_choices():
    days = [d.isoformat() for d in months(60)]
    assert time_axis(days, "monthly")["tickCount"] == {"interval": "year", "step": 1}
    weeks = [(START + datetime.timedelta(weeks=i)).isoformat() for i in range(10)]
    assert time_axis(weeks, "weekly")["tickCount"]["interval"] == "week"
    assert time_axis([START.isoformat()], "monthly")["tickCount"]["interval"] == "month"


def test_bounds_are_checked(benefit, coordinator):
    from django.core.exceptions import ValidationError
    from django_scopes import scope

    from slik.benefits import services

    values = {"name": "Skår", "unit": "poeng", "direction": "higher", "frequency": "monthly"}
    with scope(organisation=benefit.organisation_id):
        with pytest.raises(ValidationError) as refused:
            services.indicator_create(
                actor=coordinator, benefit=benefit, lower_bound=6, upper_bound=1, **values
            )
        assert "upper_bound" in refused.value.message_dict
        with pytest.raises(ValidationError) as refused:
            services.indicator_create(
                actor=coordinator,
                benefit=benefit,
                lower_bound=1,
                upper_bound=6,
                baseline_value=Decimal("7"),
                baseline_on=datetime.date(2024, 1, 1),
                **values,
            )
        assert "baseline_value" in refused.value.message_dict
        share = services.indicator_create(
            actor=coordinator, benefit=benefit, **{**values, "unit": "%"}
        )
        assert share.natural_bounds() == (0.0, 100.0)
