"""Sections other apps add to the case page, without the cases app importing them.

An app registers `panel(request, case) -> str | None` (rendered HTML, None to show nothing)
under a key in its AppConfig.ready: `CASE_PAGE_PANELS.register("benefits", case_benefits_panel)`.
The case page does not render them itself: it is fast without them, and each panel is loaded
once scrolled to (htmx, `hx-trigger="revealed"`) from `cases:panels?panel=<key>`, with its own
time and query budget. Without JavaScript the same URL without a key is a page with all of them.

`CASE_CREATE_WARNINGS` holds callables `(organisation) -> list[str]` whose warnings the page
for a new case shows (the portfolio warns when a new case would pass the limit for active cases).
"""

from slik.core.registry import KeyedRegistry, Registry

CASE_PAGE_PANELS = KeyedRegistry(
    "cases.page_panels",
    "Sections loaded after the case page, by key: panel(request, case) -> HTML or None",
)
CASE_CREATE_WARNINGS = Registry(
    "cases.create_warnings", "Warnings on the new-case page: check(organisation) -> list[str]"
)


def panel_keys() -> list[str]:
    return list(CASE_PAGE_PANELS)


def render_panels(request, case, keys=None) -> list[str]:
    """The HTML of the panels under `keys` (all of them by default), in registration order."""
    wanted = panel_keys() if keys is None else keys
    rendered = (CASE_PAGE_PANELS[key](request, case) for key in wanted)
    return [html for html in rendered if html]


def create_warnings(organisation) -> list[str]:
    return [warning for check in CASE_CREATE_WARNINGS for warning in check(organisation)]
