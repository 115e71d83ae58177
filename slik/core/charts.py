"""Charts: one Vega-Lite spec built in Python, rendered in the browser (vega-embed, see
slik.js) and on paper (vl-convert), so screen and paper show the same chart."""

from __future__ import annotations

import copy

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


def paper_spec(spec: dict, width: int = PAPER_WIDTH) -> dict:
    """The spec for print: a fixed width ("container" has no size outside a browser) and
    readable fonts. The caller's dict is left unchanged."""
    spec = copy.deepcopy(spec)
    if spec.get("width", "container") == "container":
        spec["width"] = width
    config = spec.setdefault("config", {})
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

    return vl_convert.vegalite_to_svg(_xml_safe(paper_spec(spec)), allowed_base_urls=NO_URLS)


def chart_png(spec: dict, *, scale: float = 2) -> bytes:
    import vl_convert

    return vl_convert.vegalite_to_png(
        _xml_safe(paper_spec(spec)), scale=scale, allowed_base_urls=NO_URLS
    )
