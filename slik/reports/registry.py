"""The report registry: one definition per report; the reports app owns rendering and runs.

Reports sit above the domain apps, so the reports of portfolio, benefits and cases are defined
here, one module each in `definitions/` (reports may import the apps below it; they never
import reports). Each module holds its `DEFINITION`, and `definitions.register_all()` registers
them from ReportsConfig.ready(). An app above reports registers its own from its ready():

    register(ReportDefinition(
        key="board_minutes",
        title=_("Minutes of the board meeting"),
        formats=("docx", "pdf"),
        permission="portfolio.view_board_meeting",
        build=build,                        # (organisation, parameters, actor) -> ReportDocument
        permission_object=meeting_for,      # (organisation, parameters) -> object for the rule
        background=False,
    ))

`build` runs inside the organisation's scope; `parameters` is a JSON-safe dict
(e.g. {"meeting_id": 3}); lookups in it must be tenant-filtered and raise Http404 on a miss.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from slik.core.registry import KeyedRegistry

from .document import ReportDocument

FORMATS = ("pdf", "docx", "xlsx", "csv")


@dataclass(frozen=True)
class ReportDefinition:
    key: str
    title: str
    formats: tuple[str, ...]
    permission: str
    build: Callable[..., ReportDocument]
    permission_object: Callable[..., object] | None = None
    # Large reports run in the background worker; small ones render in the request.
    background: bool = False
    # Shown to politicians when a run of it is published.
    for_politicians: bool = False
    # Integer parameters the report needs ("case_id", "year"), parsed and required on order.
    parameters: tuple[str, ...] = ()
    # The sheet (Table.sheet) a CSV export holds; the first table when empty.
    csv_table: str = ""
    # Offered on the reports page (a case one-pager is ordered from its case instead).
    listed: bool = True
    description: str = ""


REGISTRY = KeyedRegistry(
    "reports.definitions", "The reports SLIK can make: key -> ReportDefinition"
)


def register(definition: ReportDefinition) -> None:
    unknown = set(definition.formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"Unknown formats {unknown} for report {definition.key}")
    REGISTRY.register(definition.key, definition)


def get(key: str) -> ReportDefinition | None:
    return REGISTRY.get(key)


def parse_parameters(definition: ReportDefinition, data) -> dict:
    """The definition's parameters from a query dict or form data, as ints.

    Raises ValueError naming the first missing or malformed parameter.
    """
    parsed = {}
    for name in definition.parameters:
        raw = str(data.get(name, "") or "").strip()
        if not raw.isdigit() or len(raw) > 9:
            raise ValueError(name)
        parsed[name] = int(raw)
    return parsed
