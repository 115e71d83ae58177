"""Template tags of the portfolio dashboard."""

from django import template
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

register = template.Library()


@register.simple_tag
def case_links(row: dict, links: dict[int, str]):
    """The first cases of a table row as links ("–" without any) and how many more it has.

    `links` holds each case's link, written once by the view: Oslo's tables list about a
    thousand links, and a template render per link was most of the page's time.
    """
    html = mark_safe(", ".join(links[case.pk] for case in row["cases"]) or "–")  # noqa: S308 – escaped by the view
    if row["more"]:
        more = ngettext("and %(n)s more", "and %(n)s more", row["more"]) % {
            "n": localize(row["more"])
        }
        html = format_html('{} <span class="slik-muted">{}</span>', html, more)
    return html
