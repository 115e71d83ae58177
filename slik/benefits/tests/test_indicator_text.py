"""The indicator page's facts and verdict, written in Python (views/indicator_text.py), are
the markup the template wrote, in every state of the verdict and in every language."""

import datetime
from decimal import Decimal

import pytest
from django.template import engines
from django.utils import translation

from .. import statistics
from ..models import Direction, Indicator
from ..truth import outside_count_sentence, series_truth, trend_sentence
from ..views import indicator_text

# The facts and the verdict as indicator_detail.html wrote them before they were written in
# Python.
FACTS_TEMPLATE = """<dl class="slik-dl" id="indicator-facts">
  <dt>{% translate "Direction" %}</dt><dd>{{ indicator.get_direction_display }}</dd>
  <dt>{% translate "Baseline" %}</dt><dd>{% if indicator.baseline_value is not None %}{{ indicator.baseline_value|number }} {{ indicator.unit }} ({{ indicator.baseline_on|short_date }}){% else %}{% translate "Not set" %}{% endif %}</dd>
  <dt>{% translate "Target" %}</dt><dd>{% if indicator.target_value is not None %}{{ indicator.target_value|number }} {{ indicator.unit }} ({{ indicator.target_on|short_date }}){% else %}{% translate "Not set" %}{% endif %}</dd>
  <dt>{% translate "Latest value" %}</dt><dd id="latest-value">{% if truth.latest is not None %}{{ truth.latest|number }} {{ indicator.unit }}{% else %}–{% endif %}</dd>
  <dt>{% translate "Achieved" %}</dt><dd id="achievement">{% if truth.achievement_percent is not None %}{{ truth.achievement_percent|percent:0 }} {% translate "of the planned change" %}{% else %}–{% endif %}</dd>
  <dt>{% translate "Trend" %}</dt><dd id="trend" data-trend="{{ truth.trend_word }}">{{ trend_text }}</dd>
  <dt>{% translate "Data source" %}</dt><dd>{{ indicator.data_source|default:"–" }}</dd>
  <dt>{% translate "Measurement frequency" %}</dt><dd>{{ indicator.get_frequency_display }}</dd>
</dl>"""  # noqa: E501
VERDICT_TEMPLATE = """<h2 class="ds-heading" data-size="md" id="verdict-heading">{% translate "Is this a real change, or noise?" %}</h2>
  <div class="ds-alert" data-color="{% if truth.fired %}{% if truth.improvement %}success{% else %}danger{% endif %}{% else %}info{% endif %}" id="signal-verdict" data-signal="{{ truth.fired|yesno:'yes,no' }}" data-rules="{{ truth.fired|join:',' }}" data-state="{{ truth.state }}">
    <p class="ds-paragraph">{{ truth.verdict }}</p>
  </div>
  {% if truth.limits %}
  <p class="ds-paragraph" id="baseline-note">{% if truth.new_period %}{% blocktranslate with date=truth.new_period.starts_on|short_date count n=truth.baseline_count %}A new period started on {{ date }}: its noise limits are computed from its first measurement.{% plural %}A new period started on {{ date }}: its noise limits are computed from its first {{ n }} measurements.{% endblocktranslate %}{% elif truth.baseline_from_first_points %}{% blocktranslate count n=truth.baseline_count %}There are too few measurements on or before the baseline date, so the noise limits are computed from the first measurement.{% plural %}There are too few measurements on or before the baseline date, so the noise limits are computed from the first {{ n }} measurements.{% endblocktranslate %}{% else %}{% blocktranslate count n=truth.baseline_count %}The noise limits are computed from {{ n }} measurement in the baseline period (on or before the baseline date).{% plural %}The noise limits are computed from {{ n }} measurements in the baseline period (on or before the baseline date).{% endblocktranslate %}{% endif %}
  {% blocktranslate with centre=truth.limits.centre|number lower=truth.limits.lower|number upper=truth.limits.upper|number %}Centre line {{ centre }}, lower limit {{ lower }}, upper limit {{ upper }}.{% endblocktranslate %}{% if truth.limits.clipped %} <span id="limits-clipped">{% translate "A limit that would lie beyond what the quantity can take is drawn at that bound." %}</span>{% endif %} {{ outside_text }}{% if truth.provisional %} <span id="limits-provisional">{% blocktranslate with firm=firm_points %}Limits from fewer than {{ firm }} measurements are provisional: they become firmer as measurements are added.{% endblocktranslate %}</span>{% endif %}</p>
  {% endif %}"""  # noqa: E501

BASELINE = [8.4, 8.6, 8.5, 8.7, 8.3, 8.5, 8.6, 8.4, 8.5, 8.6, 8.4, 8.5]
START = datetime.date(2023, 1, 15)


def _dates(count: int) -> list[datetime.date]:
    return [START + datetime.timedelta(days=30 * i) for i in range(count)]


def _indicator(**fields) -> Indicator:
    values = {
        "name": "Sykefravær",
        "unit": "dager",
        "direction": Direction.LOWER,
        "baseline_value": Decimal("8.5"),
        "baseline_on": START + datetime.timedelta(days=30 * 11),
        "target_value": Decimal("6"),
        "target_on": datetime.date(2026, 12, 31),
        "data_source": "HR-systemet",
        "frequency": "monthly",
    }
    return Indicator(**{**values, **fields})


# (indicator fields, values, period starts): every branch of the facts and the verdict.
CASES = {
    "no measurements": ({}, [], ()),
    "too little": ({"baseline_value": None, "data_source": ""}, [8.1, 8.2, 8.0], ()),
    "new period, too little": ({}, [*BASELINE, 5, 5.1], (START + datetime.timedelta(days=355),)),
    "noise": ({}, [*BASELINE, 8.5, 8.4, 8.6], ()),
    "baseline from first points": ({"baseline_on": None, "target_value": None}, BASELINE, ()),
    "improvement": ({}, [*BASELINE, *[6.1 + i / 100 for i in range(9)]], ()),
    "worse": ({}, [*BASELINE, *[10.1 + i / 100 for i in range(9)]], ()),
    "firm limits": (
        {"baseline_on": START + datetime.timedelta(days=30 * 25)},
        [8 + (i % 5) / 10 for i in range(30)],
        (),
    ),
    "new period": (
        {"unit": "<&> %", "data_source": 'a "b" <c> & d'},
        [*BASELINE, *[60 + (i % 3) for i in range(10)]],
        (START + datetime.timedelta(days=30 * 12 - 5),),
    ),
    "clipped": (
        {"unit": "%", "baseline_value": Decimal("1")},
        [0.5, 3, 0.2, 4, 0.1, 2, 0, 5, 1],
        (),
    ),
    "higher is better": (
        {"direction": Direction.HIGHER, "baseline_value": Decimal("-1234.5")},
        [*BASELINE, *[9.5 + i / 100 for i in range(9)]],
        (),
    ),
}


def _template(text: str, context: dict) -> str:
    return engines["django"].from_string(text).render(context)


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
@pytest.mark.parametrize("case", list(CASES))
def test_indicator_text_is_the_template_text(case, language):
    fields, values, starts = CASES[case]
    indicator = _indicator(**fields)
    with translation.override(language):
        truth = series_truth(indicator, _dates(len(values)), [float(v) for v in values], starts)
        trend_text = trend_sentence(truth, indicator.unit)
        outside_text = outside_count_sentence(truth)
        context = {
            "indicator": indicator,
            "truth": truth,
            "trend_text": trend_text,
            "outside_text": outside_text,
            "firm_points": statistics.FIRM_BASELINE_POINTS,
        }
        assert indicator_text.facts(indicator, truth, trend_text) == _template(
            FACTS_TEMPLATE, context
        )
        assert indicator_text.verdict(truth, outside_text) == _template(VERDICT_TEMPLATE, context)


def test_the_cases_reach_every_branch():
    truths = {}
    for case, (fields, values, starts) in CASES.items():
        indicator = _indicator(**fields)
        truths[case] = series_truth(
            indicator, _dates(len(values)), [float(v) for v in values], starts
        )
    assert truths["new period"].new_period is not None and truths["new period"].limits
    assert truths["baseline from first points"].baseline_from_first_points
    assert truths["clipped"].limits.clipped
    assert truths["improvement"].improvement is True and truths["worse"].improvement is False
    assert truths["noise"].provisional and not truths["firm limits"].provisional
    assert truths["too little"].state == "too_little" and truths["no measurements"].latest is None
