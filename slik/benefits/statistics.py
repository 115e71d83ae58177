"""Honest evidence of effect: achievement against target, trend, and an XmR control chart.

Pure functions on plain numbers so they can be tested against hand-computed cases. Values are
floats here; the database keeps Decimals.

XmR (individuals and moving range) chart, as Wheeler (Understanding Variation, 2nd ed., 2000)
and the NIST/SEMATECH e-Handbook (section 6.3.2.2) compute it: the centre line is the mean of
the baseline period, the natural process limits are mean ± 2.66 × average moving range
(2.66 = 3 / d2, d2 = 1.128 for ranges of two), and the upper range limit of the moving range
chart is 3.268 × average moving range (D4 for ranges of two). Run rules
(docs/decisions/0014-xmr-rules.md):
  1. a point outside the limits;
  2. a run of 8 or more consecutive points on the same side of the centre line;
  3. 6 or more consecutive points steadily rising or falling.

Limits need a baseline of MIN_BASELINE_POINTS: Wheeler finds limits useful from five or six
values, and firmer the more there are; below the threshold there are no limits and no verdict.
Limits never reach beyond what the quantity can take (a share is not below 0 %): `clip`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

XMR_FACTOR = 2.66
RANGE_FACTOR = 3.268
RUN_LENGTH = 8
TREND_LENGTH = 6
MIN_BASELINE_POINTS = 8
# Limits from fewer points than this are provisional: they move as the baseline grows.
FIRM_BASELINE_POINTS = 20


def achievement(value: float, baseline: float, target: float) -> float | None:
    """Share of the planned change achieved: (value − baseline) / (target − baseline).

    Direction is built in: when lower is better the target is below the baseline and both the
    numerator and denominator are negative for an improvement. None when target == baseline
    (the plan has no change to measure against).
    """
    span = target - baseline
    if span == 0:
        return None
    return (value - baseline) / span


def trend_slope(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Least-squares slope of ys over xs (e.g. days); None with fewer than two distinct xs."""
    n = len(xs)
    if n < 2 or n != len(ys):
        return None
    mean_x = sum(xs) / n
    mean_y = sum(ys) / n
    sxx = sum([(x - mean_x) ** 2 for x in xs])
    if sxx == 0:
        return None
    sxy = sum([(x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)])
    return sxy / sxx


@dataclass(frozen=True)
class XmrLimits:
    centre: float
    mean_moving_range: float
    lower: float
    upper: float
    upper_range: float = 0.0
    # The limit as computed, before it was held to the quantity's natural bound (or None).
    lower_unclipped: float | None = None
    upper_unclipped: float | None = None

    @property
    def clipped(self) -> bool:
        return self.lower_unclipped is not None or self.upper_unclipped is not None


def moving_ranges(values: Sequence[float]) -> list[float]:
    return [abs(b - a) for a, b in zip(values, values[1:], strict=False)]


def xmr_limits(baseline: Sequence[float], minimum: int = MIN_BASELINE_POINTS) -> XmrLimits | None:
    """Limits from the baseline period; None with fewer than `minimum` points (at least two:
    one point has no moving range)."""
    if len(baseline) < max(2, minimum):
        return None
    centre = sum(baseline) / len(baseline)
    ranges = moving_ranges(baseline)
    mean_mr = sum(ranges) / len(ranges)
    return XmrLimits(
        centre=centre,
        mean_moving_range=mean_mr,
        lower=centre - XMR_FACTOR * mean_mr,
        upper=centre + XMR_FACTOR * mean_mr,
        upper_range=RANGE_FACTOR * mean_mr,
    )


def clip(limits: XmrLimits, lower: float | None, upper: float | None) -> XmrLimits:
    """The limits held within the natural bounds of the quantity: a limit beyond a bound says
    nothing (no value can cross it), so it is drawn and judged at the bound."""
    new_lower, new_upper = limits.lower, limits.upper
    lower_unclipped = upper_unclipped = None
    if lower is not None and limits.lower < lower:
        new_lower, lower_unclipped = lower, limits.lower
    if upper is not None and limits.upper > upper:
        new_upper, upper_unclipped = upper, limits.upper
    return replace(
        limits,
        lower=new_lower,
        upper=new_upper,
        lower_unclipped=lower_unclipped,
        upper_unclipped=upper_unclipped,
    )


def ranges_above_limit(values: Sequence[float], limits: XmrLimits) -> list[int]:
    """Indices of points whose moving range (from the point before) exceeds the upper range
    limit: Wheeler's rule 1 on the moving range chart."""
    return [i + 1 for i, r in enumerate(moving_ranges(values)) if r > limits.upper_range]


@dataclass
class Signals:
    """Indices (into the analysed series) of points that are part of a signal, per rule."""

    outside: list[int] = field(default_factory=list)
    run: list[int] = field(default_factory=list)
    trend: list[int] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.outside or self.run or self.trend)

    def flagged(self) -> set[int]:
        return set(self.outside) | set(self.run) | set(self.trend)


def points_outside(values: Sequence[float], limits: XmrLimits) -> list[int]:
    """Points beyond a limit (a value on a limit held at a natural bound is not beyond it)."""
    return [i for i, v in enumerate(values) if v > limits.upper or v < limits.lower]


def long_runs(values: Sequence[float], centre: float, length: int = RUN_LENGTH) -> list[int]:
    """Points in runs of `length`+ on one side of the centre; a point on the line breaks a run."""
    flagged: list[int] = []
    start, side = 0, 0
    for i, value in enumerate([*values, centre]):  # sentinel closes the last run
        current = (value > centre) - (value < centre)
        if current != side or current == 0:
            if side != 0 and i - start >= length:
                flagged.extend(range(start, i))
            start, side = i, current
    return flagged


def monotone_trends(values: Sequence[float], length: int = TREND_LENGTH) -> list[int]:
    """Points in `length`+ consecutive points each strictly above (or below) the previous."""
    flagged: set[int] = set()
    # The sign of each step (+1 up, -1 down, 0 level); a trend is `length` - 1 steps of one sign.
    steps = [(b > a) - (b < a) for a, b in zip(values, values[1:], strict=False)]
    start = 0  # the first step of the current run of equal signs
    for i in range(1, len(steps) + 1):
        if i < len(steps) and steps[i] == steps[start]:
            continue
        if steps[start] != 0 and i - start + 1 >= length:
            flagged.update(range(start, i + 1))
        start = i
    return sorted(flagged)


def detect_signals(values: Sequence[float], limits: XmrLimits) -> Signals:
    return Signals(
        outside=points_outside(values, limits),
        run=long_runs(values, limits.centre),
        trend=monotone_trends(values),
    )
