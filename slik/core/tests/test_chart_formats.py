"""Charts write numbers and dates as `slik.core.formats` does, in the browser and on paper.

The browser: the config `{% chart_config %}` writes on the page, run through the very Vega and
Vega-Lite bundles the page loads (in Node, as slik.js calls them: expression interpreter, no
eval). Paper: `chart_svg` (vl-convert). Both must show what the Python functions write."""

import json
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template import Context, Template
from django.utils import translation

from slik.core import charts, formats

VALUES = [1234567.5, -3.456, 1200000, 0.5, 1234, 8, -0.001]
DAY = "2026-11-29"
NODE = shutil.which("node")
# The page's scripts, loaded as plain scripts onto one global, then one chart rendered with
# the options slik.js gives vega-embed (which hands `config` to Vega-Lite's compile).
BROWSER = r"""
const fs = require("fs"), vm = require("vm");
const [root, input] = [process.argv[1], JSON.parse(fs.readFileSync(0, "utf8"))];
const page = { console, setTimeout, clearTimeout, queueMicrotask, performance, structuredClone,
               TextEncoder, TextDecoder, URL, input };
page.self = page;
vm.createContext(page);
for (const file of ["vega/build/vega.min.js", "vega-lite/build/vega-lite.min.js"]) {
  vm.runInContext(fs.readFileSync(`${root}/${file}`, "utf8"), page);
}
vm.runInContext(`
  const compiled = vegaLite.compile(input.spec, { config: input.config }).spec;
  const view = new vega.View(vega.parse(compiled, {}, { ast: true }),
                             { renderer: "none", expr: vega.expressionInterpreter });
  view.runAsync().then(() => {
    const found = { texts: [], tooltips: [] };
    const walk = (node) => {
      if (node.items) node.items.forEach(walk);
      const own = node.marktype === "text" && node.role === "mark";  // not axis labels
      if (own) node.items.forEach((item) => found.texts.push(item.text));
      if (node.tooltip) found.tooltips.push(node.tooltip);
    };
    walk(view.scenegraph().root);
    self.found = found;
  });
`, page);
setTimeout(() => process.stdout.write(JSON.stringify(page.found)), 100);
"""


def spec() -> dict:
    """One text per value in each format, and a point whose tooltip has no format of its own."""
    values = [{"i": i, "v": v, "d": DAY} for i, v in enumerate(VALUES)]

    def texts(dx, field, form, kind="quantitative"):
        encoding = {"field": field, "type": kind, "format": form}
        return {
            "mark": {"type": "text", "dx": dx},
            "encoding": {"y": {"field": "i", "type": "ordinal"}, "text": encoding},
        }

    return {
        "$schema": charts.VEGA_LITE_SCHEMA,
        "data": {"values": values},
        "layer": [
            texts(0, "v", charts.NUMBER_FORMAT),
            texts(100, "v", charts.MONEY_FORMAT),
            texts(200, "v", charts.COUNT_FORMAT),
            texts(300, "d", charts.DATE_FORMAT, "temporal"),
            texts(400, "d", "%e. %B %Y", "temporal"),
            {
                "mark": "point",
                "encoding": {
                    "y": {"field": "i", "type": "ordinal"},
                    "tooltip": [
                        {"field": "v", "type": "quantitative"},
                        {"field": "d", "type": "temporal"},
                    ],
                },
            },
        ],
    }


def expected(language: str) -> dict:
    month = "November" if language == "en" else "november"
    return {
        "numbers": [formats.format_number(v) for v in VALUES],
        "money": [formats.format_money(v) for v in VALUES],
        "counts": [formats.format_number(v, 0) for v in VALUES],
        "dates": ["29.11.2026", f"29. {month} 2026"],
        "tooltips": [{"v": formats.format_number(v), "d": "29.11.2026"} for v in VALUES],
    }


def page_config(language: str) -> dict:
    """The chart config as a page in `language` carries it for slik.js."""
    with translation.override(language):
        html = Template("{% load formats %}{% chart_config %}").render(Context())
    match = re.fullmatch(
        rf'<script id="{charts.CHART_CONFIG_ID}" type="application/json">(.*)</script>', html
    )
    assert match, html
    return json.loads(match[1])


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_the_page_carries_the_chart_config_of_its_language(language):
    assert page_config(language) == charts.chart_config(language)


def test_slik_js_takes_the_config_from_the_page_and_has_no_rules_of_its_own():
    source = Path(finders.find("slik/slik.js")).read_text(encoding="utf-8")
    assert f'document.getElementById("{charts.CHART_CONFIG_ID}")' in source
    assert "{ ...options, config }" in source
    assert "decimal:" not in source and "thousands:" not in source


def test_the_chart_locale_is_made_of_the_formats_rules():
    number = charts.chart_config("nb")["locale"]["number"]
    assert number["decimal"] == formats.DECIMAL_MARK
    assert number["thousands"] == formats.THOUSANDS_SEPARATOR
    assert number["minus"] == formats.MINUS
    assert number["currency"] == ["", formats.MONEY_SUFFIX]


@pytest.mark.skipif(NODE is None, reason="Node runs the browser's chart bundles")
@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_browser_writes_numbers_and_dates_as_the_formats_do(language):
    done = subprocess.run(
        [NODE, "-e", BROWSER, str(settings.NODE_MODULES)],
        input=json.dumps({"spec": spec(), "config": page_config(language)}),
        capture_output=True, text=True, timeout=60, env={"TZ": "Europe/Oslo"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-800:]
    found, want = json.loads(done.stdout), expected(language)
    n = len(VALUES)
    assert found["texts"][:n] == want["numbers"]
    assert found["texts"][n : 2 * n] == want["money"]
    assert found["texts"][2 * n : 3 * n] == want["counts"]
    assert set(found["texts"][3 * n :]) == set(want["dates"])
    assert found["tooltips"] == want["tooltips"]


@pytest.mark.parametrize("language", ["nb", "en"])
def test_paper_writes_numbers_and_dates_as_the_formats_do(language):
    with translation.override(language):
        svg = charts.chart_svg(spec())
    texts = [unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    want = expected(language)
    for text in want["numbers"] + want["money"] + want["counts"] + want["dates"]:
        assert text in texts
    tooltip_config = charts.paper_spec(spec(), language=language)["config"]["tooltipFormat"]
    assert tooltip_config == {"numberFormat": charts.NUMBER_FORMAT, "timeFormat": "%d.%m.%Y"}
