"""The XmR statistics against a published worked example, not only hand-made series.

NIST/SEMATECH e-Handbook of Statistical Methods, section 6.3.2.2 "Individuals Control
Charts" (https://www.itl.nist.gov/div898/handbook/pmc/section3/pmc322.htm): the flow rate of
the first 10 batches of a new process. The handbook gives x̄ = 50.81, MR̄ = 1.8778,
UCL = 55.8041 and LCL = 45.8159 (with 3 / 1.128 = 2.6596 for Wheeler's rounded 2.66), and
finds the process in control: no point outside the limits on either chart.

The factors are Wheeler's (Understanding Variation, appendix "XmR charts using the average
moving range"): natural process limits x̄ ± 2.66 × mR̄, upper range limit 3.268 × mR̄
(printed as 3.27; D4 = 3.267 in the handbook's tables).
"""

import pytest

from slik.benefits.statistics import (
    RANGE_FACTOR,
    XMR_FACTOR,
    detect_signals,
    moving_ranges,
    ranges_above_limit,
    xmr_limits,
)

NIST_FLOW_RATE = [49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1]
NIST_MOVING_RANGES = [2.0, 2.3, 1.4, 3.5, 3.4, 1.4, 0.2, 1.2, 1.5]


def test_the_factors_are_wheelers():
    assert XMR_FACTOR == 2.66 and RANGE_FACTOR == 3.268
    assert pytest.approx(3 / 1.128, abs=0.001) == XMR_FACTOR


def test_moving_ranges_as_published():
    assert moving_ranges(NIST_FLOW_RATE) == pytest.approx(NIST_MOVING_RANGES)


def test_centre_and_average_moving_range_as_published():
    limits = xmr_limits(NIST_FLOW_RATE)
    assert limits is not None  # ten points are enough for limits
    assert limits.centre == pytest.approx(50.81)
    assert limits.mean_moving_range == pytest.approx(1.8778, abs=1e-4)


def test_natural_process_limits_as_published():
    limits = xmr_limits(NIST_FLOW_RATE)
    # 2.66 against the handbook's 2.6596 moves the limits by less than 0.001.
    assert limits.upper == pytest.approx(55.8041, abs=0.001)
    assert limits.lower == pytest.approx(45.8159, abs=0.001)


def test_upper_range_limit():
    limits = xmr_limits(NIST_FLOW_RATE)
    assert limits.upper_range == pytest.approx(3.268 * 1.8778, abs=1e-3)
    assert limits.upper_range == pytest.approx(3.267 * 1.8778, abs=0.005)  # the handbook's D4


def test_no_rule_flags_a_point_of_the_in_control_example():
    limits = xmr_limits(NIST_FLOW_RATE)
    signals = detect_signals(NIST_FLOW_RATE, limits)
    assert signals.outside == [] and signals.run == [] and signals.trend == []
    assert ranges_above_limit(NIST_FLOW_RATE, limits) == []


def test_the_same_process_shifted_is_flagged_by_the_rules():
    # Against the published limits: a batch at 56 lies above the UCL 55.80; eight batches
    # around 52 lie above the centre line 50.81; six batches rising 47 → 52.5 are a trend; a
    # jump from 46 to 56 is a moving range above the upper range limit 6.14.
    limits = xmr_limits(NIST_FLOW_RATE)
    assert detect_signals([50.0, 56.0, 50.5], limits).outside == [1]
    assert detect_signals([51.5, 52.0, 51.2, 52.3, 51.9, 51.1, 52.4, 51.6], limits).run == list(
        range(8)
    )
    assert detect_signals([47.0, 48.0, 49.0, 50.0, 51.5, 52.5], limits).trend == list(range(6))
    assert ranges_above_limit([46.0, 56.0, 52.0], limits) == [1]
