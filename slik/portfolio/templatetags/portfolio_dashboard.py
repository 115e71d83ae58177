"""Template tags of the portfolio dashboard.

The tables' rows are written here in one pass each. Text is escaped with `html.escape`, what
`django.utils.html.escape` does without a SafeString per value.
"""

from html import escape

from django import template
from django.utils.formats import localize
from django.utils.html import conditional_escape, json_script
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from slik.core.templatetags.formats import number

register = template.Library()


def _count(n: int) -> str:
    """What `{{ n }}` writes for a count: localize() only matters from a thousand on."""
    return str(n) if -1000 < n < 1000 else localize(n)


def _case_links(row: dict, links: dict[int, str]) -> str:
    html = ", ".join([links[case.pk] for case in row["cases"]]) or "–"
    if row["more"]:
        more = ngettext("and %(n)s more", "and %(n)s more", row["more"]) % {
            "n": _count(row["more"])
        }
        html = f'{html} <span class="slik-muted">{escape(more)}</span>'
    return html


@register.simple_tag
def case_links(row: dict, links: dict[int, str]):
    """The first cases of a table row as links ("–" without any) and how many more it has.

    `links` holds each case's link, written once by the view: Oslo's tables list about a
    thousand links, and a template render per link was most of the page's time.
    """
    return mark_safe(_case_links(row, links))  # noqa: S308 – links escaped by the view


@register.simple_tag
def breakdown_rows(rows: list[dict], links: dict[int, str]):
    """The body rows of a balance table: label, count and the first cases. Written in one
    pass: Oslo's table by floke has 157 rows."""
    return mark_safe(  # noqa: S308 – labels escaped here, links by the view
        "".join(
            f'<tr>\n        <th scope="row">{escape(row["label"])}</th>\n'
            f'        <td class="slik-number">{_count(row["count"])}</td>\n'
            f"        <td>{_case_links(row, links)}</td>\n      </tr>"
            for row in rows
        )
    )


@register.simple_tag
def chart(chart_id: str, spec: dict, label: str):
    """A chart and its spec (the markup of includes/chart.html), without an include per chart."""
    return mark_safe(  # noqa: S308 – escaped here; json_script escapes the spec
        f'<div class="slik-chart" data-vega-spec="{conditional_escape(chart_id)}" '
        f'data-label="{conditional_escape(label)}"></div>\n{json_script(spec, chart_id)}'
    )


def _phase_head(row: dict) -> str:
    return (
        f'<tr data-phase="{_count(row["key"])}">\n'
        f'        <th scope="row">{_count(row["key"])}. {escape(row["label"])}</th>\n'
    )


def _or_dash(value) -> str:
    return "–" if value is None else _count(value)


@register.simple_tag
def funnel_rows(rows: list[dict], links: dict[int, str]):
    """The body rows of the funnel table: counts by status, days in phase, the first cases."""
    return mark_safe(  # noqa: S308 – labels escaped here, links by the view
        "".join(
            _phase_head(row)
            + "        "
            + "".join(
                f'<td class="slik-number" data-status="{escape(value)}">{_count(count)}</td>'
                for value, count in row["counts"].items()
            )
            + f'\n        <td class="slik-number">{_or_dash(row["average_days"])}</td>\n'
            f'        <td class="slik-number">{_or_dash(row["max_days"])}</td>\n'
            f"        <td>{_case_links(row, links)}</td>\n      </tr>"
            for row in rows
        )
    )


@register.simple_tag
def resource_rows(rows: list[dict], links: dict[int, str]):
    """The body rows of the resources table: budget and hours by phase, the first cases."""
    return mark_safe(  # noqa: S308 – labels escaped here, links by the view
        "".join(
            _phase_head(row)
            + f'        <td class="slik-number" data-value="{localize(row["budget"])}">'
            f"{conditional_escape(number(row['budget'], 0))}</td>\n"
            f'        <td class="slik-number" data-value="{localize(row["hours"])}">'
            f"{conditional_escape(number(row['hours'], 0))}</td>\n"
            f"        <td>{_case_links(row, links)}</td>\n      </tr>"
            for row in rows
        )
    )
