"""The statistics against hand-computed cases, and their invariants as property tests."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from slik.benefits.statistics import (
    XmrLimits,
    achievement,
    detect_signals,
    long_runs,
    monotone_trends,
    points_outside,
    trend_slope,
    xmr_limits,
)

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


def test_achievement_higher_is_better():
    # Satisfaction from 60 to a target of 80; at 70 half the change is achieved.
    assert achievement(70, 60, 80) == pytest.approx(0.5)
    assert achievement(80, 60, 80) == pytest.approx(1.0)
    assert achievement(90, 60, 80) == pytest.approx(1.5)
    assert achievement(55, 60, 80) == pytest.approx(-0.25)


def test_achievement_lower_is_better():
    # Sickness absence from 9.0 % to a target of 7.0 %; at 8.5 a quarter is achieved.
    assert achievement(8.5, 9.0, 7.0) == pytest.approx(0.25)
    assert achievement(9.5, 9.0, 7.0) == pytest.approx(-0.25)


def test_achievement_without_planned_change_is_none():
    assert achievement(5, 5, 5) is None


def test_trend_slope_per_day():
    assert trend_slope([0, 1, 2, 3], [1, 3, 5, 7]) == pytest.approx(2.0)
    assert trend_slope([0], [1]) is None
    assert trend_slope([1, 1], [1, 2]) is None


def test_xmr_limits_hand_computed():
    # Baseline 10, 12, 11, 13: mean 11.5; moving ranges 2, 1, 2 → mean 5/3.
    limits = xmr_limits([10, 12, 11, 13], minimum=2)
    assert limits.centre == pytest.approx(11.5)
    assert limits.mean_moving_range == pytest.approx(5 / 3)
    assert limits.upper == pytest.approx(11.5 + 2.66 * 5 / 3)
    assert limits.lower == pytest.approx(11.5 - 2.66 * 5 / 3)


def test_xmr_needs_two_baseline_points():
    assert xmr_limits([10]) is None
    assert xmr_limits([10], minimum=1) is None  # one point has no moving range


def test_point_outside_limits():
    limits = XmrLimits(centre=10, mean_moving_range=1, lower=7.34, upper=12.66)
    assert points_outside([10, 12, 13, 7, 7.34], limits) == [2, 3]


def test_run_of_eight_on_one_side():
    above = [11] * 8
    assert long_runs([9, *above, 9], 10) == list(range(1, 9))
    assert long_runs([9, *[11] * 7, 9], 10) == []


def test_point_on_centre_line_breaks_a_run():
    assert long_runs([11] * 4 + [10] + [11] * 4, 10) == []


def test_six_rising_or_falling():
    assert monotone_trends([1, 2, 3, 4, 5, 6]) == [0, 1, 2, 3, 4, 5]
    assert monotone_trends([6, 5, 4, 3, 2, 1, 1]) == [0, 1, 2, 3, 4, 5]
    assert monotone_trends([1, 2, 3, 4, 5, 5, 6]) == []


def test_detect_signals_noise_has_none():
    limits = xmr_limits([10, 11, 9, 10, 11, 9, 10], minimum=2)
    noise = [10, 9, 11, 10, 9, 11, 10, 10.5, 9.5]
    assert not detect_signals(noise, limits).any


def test_detect_signals_real_shift():
    limits = xmr_limits([10, 11, 9, 10, 11, 9, 10], minimum=2)
    shifted = [12, 12.5, 11.5, 12, 12.2, 11.8, 12.1, 12.3]
    signals = detect_signals(shifted, limits)
    assert signals.run == list(range(8))
    assert signals.any


@given(value=finite, baseline=finite, target=finite)
def test_achievement_is_one_at_target_and_zero_at_baseline(value, baseline, target):
    if math.isclose(target, baseline):
        return
    assert achievement(target, baseline, target) == pytest.approx(1.0)
    assert achievement(baseline, baseline, target) == pytest.approx(0.0)


@given(values=st.lists(finite, min_size=2, max_size=50))
def test_xmr_limits_are_symmetric_around_the_mean(values):
    limits = xmr_limits(values, minimum=2)
    assert limits.lower <= limits.centre <= limits.upper
    assert limits.upper - limits.centre == pytest.approx(limits.centre - limits.lower, abs=1e-6)


@given(values=st.lists(finite, min_size=2, max_size=50), shift=finite)
def test_signals_do_not_change_when_everything_shifts(values, shift):
    limits = xmr_limits(values, minimum=2)
    moved = xmr_limits([v + shift for v in values], minimum=2)
    assert moved.mean_moving_range == pytest.approx(limits.mean_moving_range, rel=1e-6, abs=1e-3)


@given(values=st.lists(st.integers(-100, 100), min_size=0, max_size=40))
def test_runs_are_at_least_eight_long(values):
    flagged = long_runs(values, 0)
    # Every flagged point lies off the centre line, and flagged points come in blocks ≥ 8.
    assert all(values[i] != 0 for i in flagged)
    blocks, previous = [], None
    for i in flagged:
        if previous is None or i != previous + 1 or (values[i] > 0) != (values[previous] > 0):
            blocks.append(0)
        blocks[-1] += 1
        previous = i
    assert all(size >= 8 for size in blocks)


@given(values=st.lists(st.integers(-100, 100), min_size=0, max_size=40))
def test_a_strictly_monotone_series_of_six_is_always_flagged(values):
    series = [*values, 1000, 1001, 1002, 1003, 1004, 1005]
    flagged = monotone_trends(series)
    assert set(range(len(series) - 6, len(series))) <= set(flagged)
