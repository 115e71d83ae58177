"""Charts: one Vega-Lite spec built in Python, rendered in the browser (vega-embed, see
slik.js) and on paper (vl-convert), so screen and paper show the same chart."""

from __future__ import annotations

import copy

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


def chart_svg(spec: dict) -> str:
    import vl_convert

    return vl_convert.vegalite_to_svg(paper_spec(spec))


def chart_png(spec: dict, *, scale: float = 2) -> bytes:
    import vl_convert

    return vl_convert.vegalite_to_png(paper_spec(spec), scale=scale)
