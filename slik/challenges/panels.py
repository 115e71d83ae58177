"""Sections other apps add to a floke's page, without the challenges app importing them.

An app registers `panel(request, challenge) -> str | None` (rendered HTML) in its
AppConfig.ready; the cases app adds the innovation cases that work on the floke this way.
"""

from slik.core.registry import Registry

CHALLENGE_PAGE_PANELS = Registry(
    "challenges.page_panels",
    "Sections on a floke's page: panel(request, challenge) -> HTML or None",
)


def render_panels(request, challenge) -> list[str]:
    rendered = (panel(request, challenge) for panel in CHALLENGE_PAGE_PANELS)
    return [html for html in rendered if html]
