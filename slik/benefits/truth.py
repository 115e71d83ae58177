"""“Måler vi målet?” – what an indicator's measurements honestly say.

Achievement against the target, the trend per month, and an XmR (individuals) chart whose
limits come from a baseline: the measurements dated on or before the baseline date, or, with
fewer than `statistics.MIN_BASELINE_POINTS` of those, the first that many points (the page says
so). Below that threshold there are no limits and the verdict says plainly that there is too
little data – never "noise". The run rules are applied to the measurements after the baseline.

A new period (`LimitPeriod`, after a sustained shift) starts the analysis afresh from its date:
its first points are its baseline and its limits are its own. The verdict speaks of the
current (last) period; the chart shows every period with its limits. Limits are held within
the indicator's natural bounds (`Indicator.natural_bounds`). See docs/decisions/0014.
"""

from __future__ import annotations

import datetime
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from slik.core.formats import format_date, format_number

from . import statistics
from .models import Direction, Indicator

DAYS_PER_MONTH = 30.4375
# A slope smaller than this share of the planned change per month reads as "flat".
FLAT_SHARE_PER_MONTH = 0.01
RULES = ("outside", "run", "trend")


def rule_labels() -> dict[str, str]:
    """The run rules in words, translated once (a long series labels hundreds of points)."""
    return {
        "outside": _("a point outside the noise limits"),
        "run": _("8 or more points in a row on one side of the centre line"),
        "trend": _("6 or more points in a row steadily rising or falling"),
    }


def rule_label(code: str) -> str:
    return rule_labels()[code]


@dataclass
class Segment:
    """One period of the control chart: points [start, end) of the series, the first
    `baseline_count` of them its baseline."""

    start: int
    end: int
    starts_on: datetime.date | None = None  # None for the first period
    baseline_count: int = 0
    from_first_points: bool = False
    limits: statistics.XmrLimits | None = None

    @property
    def size(self) -> int:
        return self.end - self.start


@dataclass
class Truth:
    # The points in date order, as columns: a dict per point was a third of the analysis of
    # 500 measurements, and the page and the charts read a column at a time. `point_periods`
    # indexes `segments`; `points` gives the dicts.
    point_dates: list[str] = field(default_factory=list)  # ISO
    point_values: list[float] = field(default_factory=list)
    point_in_baseline: list[bool] = field(default_factory=list)
    point_rules: list[list[str]] = field(default_factory=list)  # the rules a point is part of
    point_periods: list[int] = field(default_factory=list)
    latest: float | None = None
    achievement: float | None = None
    slope_per_month: float | None = None
    trend_word: str = ""
    trend_toward_target: bool | None = None
    limits: statistics.XmrLimits | None = None
    baseline_count: int = 0
    baseline_from_first_points: bool = False
    segments: list[Segment] = field(default_factory=list)
    fired: list[str] = field(default_factory=list)
    verdict: str = ""
    improvement: bool | None = None
    # "too_little" when there are too few points for limits: no noise verdict then.
    state: str = ""

    @property
    def points(self) -> list[dict]:
        """A dict per point: its date, value, rules and whether it is in the baseline, with its
        period's number, centre line and limits (None without limits)."""
        limits = [segment.limits for segment in self.segments]
        return [
            {
                "date": day,
                "value": value,
                "rules": rules,
                "baseline": in_baseline,
                "centre": limit.centre if limit else None,
                "lower": limit.lower if limit else None,
                "upper": limit.upper if limit else None,
                "period": period,
            }
            for day, value, rules, in_baseline, period in zip(
                self.point_dates,
                self.point_values,
                self.point_rules,
                self.point_in_baseline,
                self.point_periods,
                strict=True,
            )
            for limit in (limits[period],)
        ]

    @property
    def achievement_percent(self) -> float | None:
        return None if self.achievement is None else self.achievement * 100

    @property
    def current(self) -> Segment | None:
        return self.segments[-1] if self.segments else None

    @property
    def new_period(self) -> Segment | None:
        """The current period when the user started it (not the first)."""
        current = self.current
        return current if current is not None and current.starts_on is not None else None

    @property
    def provisional(self) -> bool:
        return self.limits is not None and self.baseline_count < (statistics.FIRM_BASELINE_POINTS)

    @property
    def has_limits(self) -> bool:
        return any(segment.limits is not None for segment in self.segments)


def _first_baseline(indicator: Indicator, dates) -> tuple[int, bool]:
    """The first period's baseline: the points on or before the baseline date when there are
    enough of them, else the first MIN_BASELINE_POINTS (when there are that many). `dates` in
    order."""
    minimum = statistics.MIN_BASELINE_POINTS
    if indicator.baseline_on is not None:
        count = bisect_right(dates, indicator.baseline_on)
        if count >= minimum:
            return count, False
    if len(dates) < minimum:
        return 0, False
    return minimum, True


def _segments(indicator: Indicator, dates, period_starts) -> list[Segment]:
    starts = sorted({d for d in period_starts if dates and d > dates[0]})
    bounds, segments = [0], []
    for day in starts:
        index = bisect_left(dates, day)  # the first point on or after the day
        if index > bounds[-1]:
            bounds.append(index)
            segments.append(day)
    ends = [*bounds[1:], len(dates)]
    result = []
    for number, (start, end) in enumerate(zip(bounds, ends, strict=True)):
        if number == 0:
            count, from_first = _first_baseline(indicator, dates[start:end])
            result.append(Segment(start, end, None, count, from_first))
        else:
            size = end - start
            count = statistics.MIN_BASELINE_POINTS if size >= statistics.MIN_BASELINE_POINTS else 0
            result.append(Segment(start, end, segments[number - 1], count, True))
    return result


def _trend(truth: Truth, indicator: Indicator, dates, values) -> None:
    first = dates[0].toordinal()
    slope = statistics.trend_slope([d.toordinal() - first for d in dates], values)
    if slope is None:
        return
    truth.slope_per_month = slope * DAYS_PER_MONTH
    if indicator.baseline_value is not None and indicator.target_value is not None:
        scale = abs(float(indicator.target_value) - float(indicator.baseline_value))
    else:
        scale = abs(sum(values) / len(values))
    if abs(truth.slope_per_month) <= FLAT_SHARE_PER_MONTH * (scale or 1):
        truth.trend_word = "flat"
        return
    rising = truth.slope_per_month > 0
    truth.trend_word = "rising" if rising else "falling"
    truth.trend_toward_target = rising == (indicator.direction == Direction.HIGHER)


def _shift_is_up(after: list[float], signals, centre: float) -> bool:
    """Which way the signal goes: by the level of the points outside the limits or in a run,
    or, when only the trend rule fired, by the steps within the flagged trends."""
    level = sorted(set(signals.outside) | set(signals.run))
    if level:
        return sum(after[i] for i in level) / len(level) > centre
    trend = set(signals.trend)
    steps = sum(after[i + 1] - after[i] for i in trend if i + 1 in trend)
    return steps > 0


def _too_little(truth: Truth) -> str:
    current = truth.current
    have = {"minimum": statistics.MIN_BASELINE_POINTS, "count": current.size if current else 0}
    if truth.new_period is not None:
        return _(
            "Too little data to say anything yet about the new period from %(date)s: its noise "
            "limits need at least %(minimum)s measurements, and it has %(count)s so far."
        ) % {**have, "date": format_date(current.starts_on)}
    return (
        _(
            "Too little data to say anything yet: the noise limits need at least %(minimum)s "
            "measurements in the baseline, and there are %(count)s so far. Until then the "
            "measurements cannot show whether a change is real or noise."
        )
        % have
    )


def _no_signal(truth: Truth, after: list[float]) -> str:
    limits = {
        "count": len(after),
        "lower": format_number(truth.limits.lower),
        "upper": format_number(truth.limits.upper),
    }
    if len(after) < statistics.RUN_LENGTH:
        # A lasting but moderate change shows only through the run rule, which needs 8 points:
        # calling fewer points "noise" would read as "no effect".
        early = ngettext(
            "No signal yet, but too early to call it noise: %(count)s measurement after the "
            "baseline lies within the noise limits (%(lower)s to %(upper)s). A smaller lasting "
            "change shows only after 8 measurements in a row on one side of the centre line.",
            "No signal yet, but too early to call it noise: %(count)s measurements after the "
            "baseline lie within the noise limits (%(lower)s to %(upper)s). A smaller lasting "
            "change shows only after 8 measurements in a row on one side of the centre line.",
            len(after),
        )
        return early % limits
    noise = _(
        "Not yet: the %(count)s measurements after the baseline period stay within the noise "
        "limits (%(lower)s to %(upper)s) and no run rule has fired, so the differences so far "
        "are most likely noise."
    )
    return noise % limits


def _verdict(truth: Truth, after: list[float], signals, indicator: Indicator) -> str:
    if truth.limits is None:
        truth.state = "too_little"
        return _too_little(truth)
    if not after:
        return _(
            "All measurements so far belong to the baseline period. Record measurements after "
            "it to see whether anything has changed."
        )
    if not truth.fired:
        return _no_signal(truth, after)
    shift_up = _shift_is_up(after, signals, truth.limits.centre)
    truth.improvement = shift_up == (indicator.direction == Direction.HIGHER)
    rules = "; ".join(rule_label(code) for code in truth.fired)
    if truth.improvement:
        return _(
            "Yes: the data show a real change, an improvement. Rule that fired: %(rules)s."
        ) % {"rules": rules}
    return _("Yes: the data show a real change, but for the worse. Rule that fired: %(rules)s.") % {
        "rules": rules
    }


def indicator_truth(indicator: Indicator, measurements, period_starts=()) -> Truth:
    """The analysis of one indicator; `measurements` in date order (no further queries)."""
    return series_truth(
        indicator,
        [m.measured_on for m in measurements],
        [float(m.value) for m in measurements],
        period_starts,
    )


def _analyse_segment(truth: Truth, number: int, segment: Segment, series, bounds) -> tuple:
    """Limits and signals of one period, and its points (added to the columns of `truth`).
    Returns (after, signals). `series`: (dates, values)."""
    dates, values = series
    part = values[segment.start : segment.end]
    count = segment.baseline_count
    limits = statistics.xmr_limits(part[:count]) if count else None
    if limits is not None:
        limits = statistics.clip(limits, *bounds)
    segment.limits = limits
    size, in_baseline = len(part), min(count, len(part))
    rules: list[list[str]] = [[] for _ in range(size)]
    truth.point_dates += [day.isoformat() for day in dates[segment.start : segment.end]]
    truth.point_values += part
    truth.point_in_baseline += [True] * in_baseline + [False] * (size - in_baseline)
    truth.point_rules += rules
    truth.point_periods += [number] * size
    after = part[count:] if limits is not None else []
    signals = statistics.detect_signals(after, limits) if after else None
    if signals is not None:
        for code in RULES:
            for index in getattr(signals, code):
                rules[count + index].append(code)
    return after, signals


def series_truth(indicator: Indicator, dates: list, values: list[float], period_starts=()) -> Truth:
    """The analysis of one indicator from its measurement dates and values, in date order,
    and the start dates of the periods the user began (LimitPeriod.starts_on)."""
    if len(dates) != len(values):
        raise ValueError("series_truth: as many dates as values")
    truth = Truth()
    if not values:
        truth.verdict = _verdict(truth, [], None, indicator)
        return truth
    truth.latest = values[-1]
    if indicator.baseline_value is not None and indicator.target_value is not None:
        truth.achievement = statistics.achievement(
            values[-1], float(indicator.baseline_value), float(indicator.target_value)
        )
    _trend(truth, indicator, dates, values)
    truth.segments = _segments(indicator, dates, period_starts)
    bounds = indicator.natural_bounds()
    after, signals = [], None
    for number, segment in enumerate(truth.segments):
        after, signals = _analyse_segment(truth, number, segment, (dates, values), bounds)
    current = truth.current
    truth.limits = current.limits
    truth.baseline_count = current.baseline_count
    truth.baseline_from_first_points = current.from_first_points and current.starts_on is None
    if signals is not None:
        truth.fired = [code for code in RULES if getattr(signals, code)]
    truth.verdict = _verdict(truth, after, signals, indicator)
    return truth


def trend_sentence(truth: Truth, unit: str) -> str:
    if truth.slope_per_month is None:
        return _("Too few measurements for a trend.")
    amount = {"amount": format_number(abs(truth.slope_per_month)), "unit": unit}
    if truth.trend_word == "flat":
        return _("Flat: about %(amount)s %(unit)s per month.") % amount
    if truth.trend_word == "rising":
        sentence = _("Rising by about %(amount)s %(unit)s per month") % amount
    else:
        sentence = _("Falling by about %(amount)s %(unit)s per month") % amount
    if truth.trend_toward_target:
        return sentence + " – " + _("towards the target.")
    return sentence + " – " + _("away from the target.")


def outside_count_sentence(truth: Truth) -> str:
    count = sum(1 for rules in truth.point_rules if "outside" in rules)
    return ngettext(
        "%(count)s point lies outside the noise limits.",
        "%(count)s points lie outside the noise limits.",
        count,
    ) % {"count": count}
