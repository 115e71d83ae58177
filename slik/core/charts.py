"""Charts: one Vega-Lite spec built in Python, rendered in the browser (vega-embed, see
slik.js) and on paper (vl-convert), so screen and paper show the same chart.

Both render with `chart_config(language)`: the rules of `slik.core.formats` as a d3 locale
(decimal comma, no-break space between thousands, `kr`), with Norwegian date formats in the
tooltips. The browser gets it from `{% chart_config %}` (slik.core.templatetags.formats) on the
page, paper from `paper_spec`; a spec that formats its own numbers uses the d3 formats below,
each of which writes what the named function of `formats` writes."""

from __future__ import annotations

import copy

from django.utils.translation import get_language

from . import formats
from .exports import xml_text

# The browser bundles Vega-Lite 6 from npm; vl-convert renders the same major version.
VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
PAPER_WIDTH = 480
PAPER_CONFIG = {
    "font": "Inter",
    "axis": {"labelFontSize": 12, "titleFontSize": 12},
    "legend": {"labelFontSize": 12, "titleFontSize": 12},
    "title": {"fontSize": 14},
}


# d3-format specifiers, each the same text as the function of `formats` it names.
NUMBER_FORMAT = ",.2~f"  # format_number(value)
COUNT_FORMAT = ",d"  # format_number(value, 0), for whole numbers
MONEY_FORMAT = "$,.0f"  # format_money(value)
DATE_FORMAT = "%d.%m.%Y"  # format_date(value)
D3_NUMBER_LOCALE = {
    "decimal": formats.DECIMAL_MARK,
    "thousands": formats.THOUSANDS_SEPARATOR,
    "grouping": [3],
    "currency": ["", formats.MONEY_SUFFIX],
    "minus": formats.MINUS,
    "percent": formats.PERCENT_SUFFIX,
}
_MONTHS = {
    "no": (
        "januar februar mars april mai juni juli august september oktober november desember",
        "jan feb mar apr mai jun jul aug sep okt nov des",
    ),
    "en": (
        "January February March April May June July August September October November December",
        "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
    ),
}
_DAYS = {
    "nb": ("søndag mandag tirsdag onsdag torsdag fredag lørdag", "søn man tir ons tor fre lør"),
    "nn": ("søndag måndag tysdag onsdag torsdag fredag laurdag", "søn mån tys ons tor fre lau"),
    "en": (
        "Sunday Monday Tuesday Wednesday Thursday Friday Saturday",
        "Sun Mon Tue Wed Thu Fri Sat",
    ),
}
CHART_CONFIG_ID = "slik-chart-config"
# About five ticks on a value axis, however wide the chart: Vega's default (one per 40 px) put
# 25 budget ticks on a wide dashboard.
VALUE_TICKS = 5


def d3_time_locale(language: str | None = None) -> dict:
    """Month and day names for time axes, dates as `formats.format_date` writes them."""
    code = formats.language_code(language)
    months, short_months = _MONTHS["en" if code == "en" else "no"]
    days, short_days = _DAYS[code]
    clock = "%H:%M:%S" if code == "en" else "%H.%M.%S"
    at = " " if code == "en" else " kl. "
    return {
        "dateTime": f"%A %e. %B %Y{at}%X",
        "date": DATE_FORMAT,
        "time": clock,
        "periods": ["AM", "PM"] if code == "en" else ["", ""],
        "days": days.split(),
        "shortDays": short_days.split(),
        "months": months.split(),
        "shortMonths": short_months.split(),
    }


def chart_config(language: str | None = None) -> dict:
    """The Vega-Lite config every chart renders with, on screen and on paper: the d3 locale
    and Norwegian formats for tooltips (axes choose their own precision)."""
    return {
        "locale": {"number": dict(D3_NUMBER_LOCALE), "time": d3_time_locale(language)},
        "tooltipFormat": {"numberFormat": NUMBER_FORMAT, "timeFormat": DATE_FORMAT},
        "axisQuantitative": {"tickCount": VALUE_TICKS},
    }


def vl_convert_locales(language: str | None = None) -> dict:
    """The d3 locales as vl-convert's own arguments (`format_locale`, `time_format_locale`), so
    paper uses the screen's dictionaries even where a spec's config does not reach."""
    return {
        "format_locale": dict(D3_NUMBER_LOCALE),
        "time_format_locale": d3_time_locale(language or get_language()),
    }


def count_ticks(largest, most: int = 6) -> list[int]:
    """Whole-number ticks from 0 past `largest`, at most `most` of them, with a step of 1, 2 or
    5 times a power of ten. Vega's `tickMinStep` does not stop ticks at 0.5 (written "1" by
    the count format: "0 1 1"), so count axes name their ticks."""
    top = max(int(-(-float(largest or 0) // 1)), 1)
    step, scale = 1, 1
    while True:
        for factor in (1, 2, 5):
            step = factor * scale
            if -(-top // step) + 1 <= most:
                count = -(-top // step)
                return [step * n for n in range(count + 1)]
        scale *= 10


def count_axis(largest) -> tuple[dict, dict]:
    """(axis, scale) for an axis of counts: whole-number ticks and a domain that ends on one."""
    ticks = count_ticks(largest)
    return {"values": ticks, "format": COUNT_FORMAT}, {"domain": [0, ticks[-1]]}


def paper_spec(spec: dict, width: int = PAPER_WIDTH, language: str | None = None) -> dict:
    """The spec for print: a fixed width ("container" has no size outside a browser), readable
    fonts and the chart config of the language (the active one by default). The caller's dict
    is left unchanged."""
    spec = copy.deepcopy(spec)
    if spec.get("width", "container") == "container":
        spec["width"] = width
    config = spec.setdefault("config", {})
    for key, value in chart_config(language or get_language()).items():
        config.setdefault(key, value)
    for key, value in PAPER_CONFIG.items():
        if isinstance(value, dict):
            config.setdefault(key, {}).update(value)
        else:
            config.setdefault(key, value)
    spec.setdefault("background", "white")
    return spec


def _xml_safe(value):
    """Every string of the spec without characters XML cannot hold: vl-convert parses its own
    SVG, and one control character in a label made it abort the whole process (no exception
    to catch – a report worker died with it)."""
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, dict):
        return {key: _xml_safe(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_xml_safe(item) for item in value]
    return value


# A spec is built from our own data and never names a URL; should one ever reach a chart (a
# data source, an image mark), vl-convert must not load it.
NO_URLS: list[str] = []


def chart_svg(spec: dict) -> str:
    import vl_convert

    return vl_convert.vegalite_to_svg(
        _xml_safe(paper_spec(spec)), allowed_base_urls=NO_URLS, **vl_convert_locales()
    )


def chart_png(spec: dict, *, scale: float = 2) -> bytes:
    import vl_convert

    return vl_convert.vegalite_to_png(
        _xml_safe(paper_spec(spec)), scale=scale, allowed_base_urls=NO_URLS, **vl_convert_locales()
    )
