"""Sections other apps add to the case page, without the cases app importing them.

An app registers `panel(request, case) -> str | None` (rendered HTML) in its AppConfig.ready;
the benefits app adds the case's benefits and benefit map this way.

`CASE_CREATE_WARNINGS` holds callables `(organisation) -> list[str]` whose warnings the page
for a new case shows (the portfolio warns when a new case would pass the limit for active cases).
"""

CASE_PAGE_PANELS: list = []
CASE_CREATE_WARNINGS: list = []


def render_panels(request, case) -> list[str]:
    rendered = (panel(request, case) for panel in CASE_PAGE_PANELS)
    return [html for html in rendered if html]


def create_warnings(organisation) -> list[str]:
    return [warning for check in CASE_CREATE_WARNINGS for warning in check(organisation)]
