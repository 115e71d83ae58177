"""“Måler vi målet?” – what an indicator's measurements honestly say.

Achievement against the target, the trend per month, and an XmR (individuals) chart whose
limits come from the baseline period: the measurements dated on or before the baseline date,
or, with fewer than two of those, the first few points (the page says so). The run rules are
applied to the measurements after that period; the verdict says in words whether the data show
a real change yet and which rule fired.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from slik.core.formats import format_number

from . import statistics
from .models import Direction, Indicator

DAYS_PER_MONTH = 30.4375
FALLBACK_BASELINE_POINTS = 6
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
class Truth:
    points: list[dict]
    latest: float | None = None
    achievement: float | None = None
    slope_per_month: float | None = None
    trend_word: str = ""
    trend_toward_target: bool | None = None
    limits: statistics.XmrLimits | None = None
    baseline_count: int = 0
    baseline_from_first_points: bool = False
    fired: list[str] = field(default_factory=list)
    verdict: str = ""
    improvement: bool | None = None

    @property
    def achievement_percent(self) -> float | None:
        return None if self.achievement is None else self.achievement * 100


def _baseline_count(indicator: Indicator, dates) -> tuple[int, bool]:
    if indicator.baseline_on is not None:
        count = sum(1 for d in dates if d <= indicator.baseline_on)
        if count >= statistics.MIN_BASELINE_POINTS:
            return count, False
    if len(dates) < statistics.MIN_BASELINE_POINTS:
        return 0, False
    return max(statistics.MIN_BASELINE_POINTS, min(FALLBACK_BASELINE_POINTS, len(dates) // 2)), True


def _trend(truth: Truth, indicator: Indicator, dates, values) -> None:
    first = dates[0]
    slope = statistics.trend_slope([(d - first).days for d in dates], values)
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


def _verdict(truth: Truth, after: list[float], signals, indicator: Indicator) -> str:
    if truth.limits is None:
        return _(
            "Too few measurements to tell a real change from noise yet: at least two are needed "
            "for the noise limits, and more after them."
        )
    if not after:
        return _(
            "All measurements so far belong to the baseline period. Record measurements after "
            "it to see whether anything has changed."
        )
    if not truth.fired:
        return _(
            "Not yet: the %(count)s measurements after the baseline period stay within the noise "
            "limits (%(lower)s to %(upper)s) and no run rule has fired, so the differences so far "
            "are most likely noise."
        ) % {
            "count": len(after),
            "lower": format_number(truth.limits.lower),
            "upper": format_number(truth.limits.upper),
        }
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


def indicator_truth(indicator: Indicator, measurements) -> Truth:
    """The analysis of one indicator; `measurements` in date order (no further queries)."""
    return series_truth(
        indicator, [m.measured_on for m in measurements], [float(m.value) for m in measurements]
    )


def series_truth(indicator: Indicator, dates: list, values: list[float]) -> Truth:
    """The analysis of one indicator from its measurement dates and values, in date order."""
    points = [
        {"date": d.isoformat(), "value": v, "rules": [], "baseline": False}
        for d, v in zip(dates, values, strict=True)
    ]
    truth = Truth(points=points)
    if not values:
        truth.verdict = _verdict(truth, [], None, indicator)
        return truth
    truth.latest = values[-1]
    if indicator.baseline_value is not None and indicator.target_value is not None:
        truth.achievement = statistics.achievement(
            values[-1], float(indicator.baseline_value), float(indicator.target_value)
        )
    _trend(truth, indicator, dates, values)
    count, from_first = _baseline_count(indicator, dates)
    truth.baseline_count, truth.baseline_from_first_points = count, from_first
    truth.limits = statistics.xmr_limits(values[:count]) if count else None
    after = values[count:]
    signals = None
    for point in points[:count]:
        point["baseline"] = True
    if truth.limits is not None and after:
        signals = statistics.detect_signals(after, truth.limits)
        for code in RULES:
            for index in getattr(signals, code):
                points[count + index]["rules"].append(code)
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
    count = sum(1 for p in truth.points if "outside" in p["rules"])
    return ngettext(
        "%(count)s point lies outside the noise limits.",
        "%(count)s points lie outside the noise limits.",
        count,
    ) % {"count": count}
