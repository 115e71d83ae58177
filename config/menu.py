"""The main menu of an organisation's pages (base.html), assembled here as config/urls.py
assembles the URLs: it links the front page of apps from every layer, so no app can hold it.

Every tenant page shows it, so it is built in Python rather than with a template tag per link
(a `{% url %}` and a `{% can %}` per entry cost half a millisecond a page). An organisation's
links depend only on the URLconf and its slug, so they are reversed once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.urls import get_script_prefix, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

# (URL name, label, the permission that shows the entry, or None for every member)
ENTRIES = (
    ("organisations:overview", _("Overview"), None),
    ("challenges:list", _("Floker"), None),
    ("challenges:matrix", _("Decision matrix"), "challenges.view_matrix"),
    ("cases:list", _("Innovation cases"), None),
    ("benefits:rollup", _("Benefits"), "benefits.view_overview"),
    # The signed-in user's own measurement tasks, in all their organisations.
    ("benefits:tasks", _("My measurements"), "benefits.view_my_tasks"),
    ("portfolio:dashboard", _("Portfolio"), "portfolio.view_dashboard"),
    ("reports:list", _("Reports"), "reports.view_reports"),
    ("organisations:settings", _("Settings"), "organisations.manage_organisation"),
)

# The user menu beside the name (base.html), on an organisation's pages: the personal calendar
# subscription of the measurement tasks. A short label: the user menu shares one line with the
# name and «Sign out» even on a 320 px wide screen.
ACCOUNT_ENTRIES = (("benefits:calendar", _("Calendar"), "benefits.view_my_tasks"),)


@dataclass(frozen=True)
class MenuItem:
    url: str
    label: str
    current: bool


MENUS = {"main": ENTRIES, "account": ACCOUNT_ENTRIES}


@lru_cache(maxsize=4096)
def _urls(menu_key: str, slug: str, script_prefix: str) -> tuple[str, ...]:
    entries = MENUS[menu_key]
    return tuple(reverse(name, kwargs={"org_slug": slug}) for name, _label, _perm in entries)


def _menu(request, menu_key: str) -> list[MenuItem]:
    organisation, user = request.organisation, request.user
    entries = MENUS[menu_key]
    urls = _urls(menu_key, organisation.slug, get_script_prefix())
    return [
        MenuItem(url, label, request.path == url)
        for (_name, label, perm), url in zip(entries, urls, strict=True)
        if perm is None or user.has_perm(perm, organisation)
    ]


def main_menu(request) -> list[MenuItem]:
    return _menu(request, "main")


def account_menu(request) -> list[MenuItem]:
    return _menu(request, "account")


# The links as base.html writes them, an item per line (`main_menu_html`, `account_menu_html`):
# written here, not by a template loop, which cost ≈ 0.15 ms on every page.
_MAIN_LINK = '\n      <li><a href="{url}"{current}>{label}</a></li>'
_ACCOUNT_LINK = '<a class="ds-link" href="{url}"{current}>{label}</a>\n      '
_CURRENT = ' aria-current="page"'


def _html(items: list[MenuItem], link: str) -> SafeString:
    return mark_safe(  # noqa: S308 – every value is escaped here
        "".join(
            link.format(
                url=escape(item.url),
                current=_CURRENT if item.current else "",
                label=escape(item.label),
            )
            for item in items
        )
    )


def menu(request) -> dict:
    """Context processor: `main_menu` and `account_menu` on tenant pages, and the links of each
    as HTML for base.html, built only if the page shows them (not for an htmx fragment)."""
    if getattr(request, "organisation", None) is None:
        return {}
    return {
        "main_menu": lambda: main_menu(request),
        "account_menu": lambda: account_menu(request),
        "main_menu_html": lambda: _html(main_menu(request), _MAIN_LINK),
        "account_menu_html": lambda: _html(account_menu(request), _ACCOUNT_LINK),
    }
