"""Sections other apps add to the case page, without the cases app importing them.

An app registers `panel(request, case) -> str | None` (rendered HTML) in its AppConfig.ready;
the benefits app adds the case's benefits and benefit map this way.
"""

CASE_PAGE_PANELS: list = []


def render_panels(request, case) -> list[str]:
    rendered = (panel(request, case) for panel in CASE_PAGE_PANELS)
    return [html for html in rendered if html]
