"""Template tags shared by the portfolio's pages."""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

register = template.Library()

# (URL name, label, the permission that shows the entry, or None for every member)
SUBNAV = (
    ("portfolio:dashboard", _("Dashboard"), None),
    ("portfolio:board_list", _("Board meetings"), "portfolio.view_board_meeting"),
    ("portfolio:goal_list", _("Plan goals"), None),
    ("portfolio:commission_list", _("Commissions from politicians"), None),
)


@lru_cache(maxsize=4096)
def _subnav_urls(slug: str, script_prefix: str) -> tuple[str, ...]:
    return tuple(reverse(name, kwargs={"org_slug": slug}) for name, _label, _perm in SUBNAV)


@register.simple_tag(takes_context=True)
def portfolio_subnav(context):
    """The portfolio's own pages, under the main menu's "Portfolio". Built in Python like the
    main menu (config/menu.py): an organisation's links depend only on the URLconf and its
    slug, so they are reversed once per process instead of with a `{% url %}` per link."""
    request = context["request"]
    organisation = context["organisation"]
    urls = _subnav_urls(organisation.slug, get_script_prefix())
    items = []
    for (_name, label, perm), url in zip(SUBNAV, urls, strict=True):
        if perm is not None and not request.user.has_perm(perm, organisation):
            continue
        current = ' aria-current="page"' if request.path == url else ""
        items.append(
            f'    <li><a class="ds-link" href="{conditional_escape(url)}"{current}>'
            f"{conditional_escape(label)}</a></li>\n"
        )
    return mark_safe(  # noqa: S308 – every part escaped above
        '<nav class="slik-subnav" aria-label="' + conditional_escape(_("Portfolio pages")) + f'">\n'
        f"  <ul>\n{''.join(items)}  </ul>\n</nav>"
    )


@register.simple_tag
def chart_scripts():
    """The chart scripts and the charts' config (challenges/includes/vega_scripts.html),
    written once per process and language: static file URLs are fixed while it runs."""
    return _chart_scripts(get_language(), get_script_prefix())


@lru_cache(maxsize=64)
def _chart_scripts(language: str, script_prefix: str) -> str:
    return render_to_string("challenges/includes/vega_scripts.html")
