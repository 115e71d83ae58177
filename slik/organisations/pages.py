"""What higher apps add to the organisation's own pages, registered in their AppConfig.ready().

The overview shows a card of counts per app (floker by status, cases by phase) and the settings
page links to each app's settings; organisations imports none of those apps.

    # slik/cases/apps.py
    OVERVIEW_SECTIONS.register(overview_cases)  # (organisation, actor) -> CountCard | None
    SETTINGS_LINKS.register(SettingsLink("cases:roadmap", _("Roadmap template")))
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count

from slik.core.registry import Registry

OVERVIEW_SECTIONS = Registry(
    "organisations.overview_sections",
    "Cards on the organisation's overview: section(organisation=, actor=) -> CountCard | None",
)

SETTINGS_LINKS = Registry(
    "organisations.settings_links",
    "Links under «More settings» for coordinators: SettingsLink(url_name, label)",
)


@dataclass(frozen=True)
class CountRow:
    value: object
    label: str
    count: int


@dataclass(frozen=True)
class CountCard:
    """A card of counts on the overview: one row per choice, the total, a link to the list.

    `key` names the card's element ids (`overview-<key>`, `<key>-heading`, `<key>-total`) and
    `row_attribute` the data attribute that carries each row's value (`data-phase="3"`).
    """

    key: str
    heading: str
    caption: str
    column: str
    rows: tuple[CountRow, ...]
    url_name: str  # the full list, reversed with the organisation's slug
    link_text: str
    row_attribute: str = "value"

    @property
    def total(self) -> int:
        return sum(row.count for row in self.rows)


@dataclass(frozen=True)
class SettingsLink:
    url_name: str  # reversed with the organisation's slug
    label: str


def count_rows(queryset, field: str, choices: Iterable[tuple[object, str]]) -> tuple[CountRow, ...]:
    """One grouped query; every choice is listed, also those with no rows."""
    return counted_rows(dict(counts_query(queryset, field)), choices)


def counts_query(queryset, field: str):
    """(value of `field`, number of rows) per value, as `count_rows` reads them."""
    return queryset.values_list(field).annotate(n=Count("pk")).order_by()


def counted_rows(found: dict, choices: Iterable[tuple[object, str]]) -> tuple[CountRow, ...]:
    """A row per choice from {value: number} (`counts_query`), also those with no rows."""
    return tuple(CountRow(value, label, found.get(value, 0)) for value, label in choices)
