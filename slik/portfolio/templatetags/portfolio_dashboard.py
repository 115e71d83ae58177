"""Template tags of the portfolio dashboard.

The tables' rows are written here in one pass each. Text is escaped with `html.escape`, what
`django.utils.html.escape` does without a SafeString per value.
"""

from functools import lru_cache
from html import escape

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.formats import localize
from django.utils.html import conditional_escape, json_script
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from slik.core.formats import format_date
from slik.core.templatetags.formats import number

register = template.Library()


def _count(n: int) -> str:
    """What `{{ n }}` writes for a count: localize() only matters from a thousand on."""
    return str(n) if -1000 < n < 1000 else localize(n)


def _case_links(row: dict, links: dict[int, str]) -> str:
    """The first cases of a table row as links ("–" without any) and how many more it has.
    `links` holds each case's link, written once by the view: Oslo's tables list about a
    thousand links, and a template render per link was most of the page's time."""
    html = ", ".join([links[case.pk] for case in row["cases"]]) or "–"
    if row["more"]:
        more = ngettext("and %(n)s more", "and %(n)s more", row["more"]) % {
            "n": _count(row["more"])
        }
        html = f'{html} <span class="slik-muted">{escape(more)}</span>'
    return html


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


@register.simple_tag(takes_context=True)
def breakdown(context, key: str, heading, label_title, rows: list[dict], spec: dict, links):
    """One balance chart with its table (was an include per table). Open as a page, the table
    is shown; loaded into the dashboard, it starts collapsed behind its chart."""
    key, heading = escape(key), conditional_escape(heading)
    html = [
        f'\n<section class="slik-section" aria-labelledby="{key}-heading">\n'
        f'  <h3 class="ds-heading" data-size="sm" id="{key}-heading">{heading}</h3>\n  '
    ]
    if not rows:
        html.append('<p class="ds-paragraph">' + escape(gettext("No cases match.")) + "</p>")
    else:
        # As {% blocktranslate asvar %} wrote it: the heading escaped, the whole safe.
        label = mark_safe(  # noqa: S308 – the heading is escaped
            gettext("Bar chart: %(what)s. The table below gives the same numbers and the cases.")
            % {"what": heading}
        )
        is_open = "" if getattr(context.get("request"), "htmx", None) else " open"
        cases = escape(gettext("Cases"))
        html.append(
            f"\n  \n  {chart(f'chart-{key}', spec, label)}\n"
            f'  <details class="ds-details"{is_open}>\n'
            f"    <summary>" + escape(gettext("Show as table")) + f"</summary>\n"
            '    <div class="slik-table-wrap">\n'
            f'    <table class="ds-table" data-size="sm" id="table-{key}">\n'
            f"      <caption>{heading}</caption>\n"
            "      <thead><tr>\n"
            f'        <th scope="col">{conditional_escape(label_title)}</th>\n'
            f'        <th scope="col" class="slik-number">{cases}</th>\n'
            f'        <th scope="col">{cases}</th>\n'
            "      </tr></thead>\n"
            f"      <tbody>{breakdown_rows(rows, links)}</tbody>\n"
            "    </table>\n    </div>\n  </details>\n  "
        )
    html.append("\n</section>\n")
    return mark_safe("".join(html))  # noqa: S308 – escaped above, links by the view


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


@register.simple_tag
def benefit_rows(categories):
    """The body rows of the benefits by category (`benefit_totals`): each value formatted as
    the template's loop did (`{{ n }}`, the `number` filter), written in one pass: a row of
    lookups and filters cost ≈ 40 µs."""
    no_category = escape(gettext("No category"))
    return mark_safe(  # noqa: S308 – every value is escaped
        "".join(
            f'<tr>\n        <th scope="row">{escape(row.name) if row.name else no_category}</th>\n'
            f'        <td class="slik-number">{escape(localize(row.benefits))}</td>\n'
            f'        <td class="slik-number">{escape(number(row.planned_kr, 0))}</td>\n'
            f'        <td class="slik-number">{escape(number(row.realised_kr, 0))}</td>\n'
            f'        <td class="slik-number">{escape(number(row.planned_years, 1))}</td>\n'
            f'        <td class="slik-number">{escape(number(row.realised_years, 1))}</td>\n'
            "      </tr>"
            for row in categories
        )
    )


@register.simple_tag
def stuck_rows(rows: list, details: bool):
    """The body rows of the stuck cases: (case, owner, link) each, the link written by the
    view; the owner column only for staff."""
    html = []
    for case, owner, link in rows:
        owner_cell = f"<td>{escape(owner or '–')}</td>" if details else ""
        html.append(
            f'<tr>\n      <th scope="row">{link}</th>\n'
            f"      <td>{escape(case.phase_label)}</td>\n"
            f'      <td class="slik-number">{_or_dash(case.days_in_phase)}</td>\n'
            f"      {owner_cell}\n    </tr>"
        )
    return mark_safe("".join(html))  # noqa: S308 – escaped here, links by the view


@register.simple_tag
def status_rows(rows: list[dict]):
    """The body rows of the latest status reports (`breakdowns.status_rows`, with the case's
    link and the report's address set by the view)."""
    missing, old, none = gettext("Missing"), gettext("Old"), gettext("No published report")
    html = []
    for row in rows:
        if row["report_id"]:
            overall = (
                f'<a class="ds-link" href="{escape(row["report_url"])}">'
                f"{escape(row['overall_label'])}</a>"
            )
        else:
            overall = escape(none)
        tag = ""
        if row["stale"]:
            tag = (
                ' <span class="ds-tag" data-color="warning" data-size="sm">'
                f"{escape(old if row['report_id'] else missing)}</span>"
            )
        html.append(
            f'<tr data-case="{_count(row["case"].pk)}" '
            f'data-stale="{"yes" if row["stale"] else "no"}">\n'
            f'      <th scope="row">{row["link"]}</th>\n'
            f"      <td>{overall}</td>\n"
            f"      <td>{format_date(row['reported_on']) or '–'}</td>\n"
            f'      <td class="slik-number">{_or_dash(row["age"])}{tag}</td>\n    </tr>'
        )
    return mark_safe("".join(html))  # noqa: S308 – escaped here, links by the view


@lru_cache(maxsize=4096)
def _panel_url(url_name: str, slug: str, script_prefix: str) -> str:
    """A panel's address: it depends only on the URLconf and the slug, so it is reversed once
    per process, as the subnav's (`portfolio_pages._subnav_urls`)."""
    return reverse(url_name, kwargs={"org_slug": slug})


@register.simple_tag(takes_context=True)
def dashboard_panel(context, key: str, url_name: str, heading: str):
    """A panel's place on the dashboard, loaded with the page's filters when it scrolls into
    view; it replaces this section with its own (same id). Without JavaScript the link opens
    the panel as a page. aria-live="off": a panel that arrives while the reader scrolls is not
    read out by the results region around it. (Was an include per panel.)"""
    url = _panel_url(url_name, context["organisation"].slug, get_script_prefix())
    query = context.get("panel_query")
    url = escape(f"{url}?{query}" if query else url)
    key, heading = escape(key), escape(str(heading))
    return mark_safe(  # noqa: S308 – escaped here
        f'\n<section class="slik-section" aria-labelledby="{key}-heading" id="{key}-panel" '
        f'aria-live="off" hx-get="{url}" hx-trigger="revealed" hx-swap="outerHTML">\n'
        f'  <h2 class="ds-heading" data-size="md" id="{key}-heading">{heading}</h2>\n'
        f'  <p class="ds-paragraph"><a class="ds-link" href="{url}">'
        + escape(gettext("Show as table"))
        + "</a></p>\n</section>\n"
    )
