"""Repeated parts of the case page written in Python: the phase track and the checklist's
items. The template's loops cost more than the rest of those sections (≈ 0.3 ms of lookups,
filters and translations for six phases and a handful of steps). Each function writes exactly
what its template wrote; `html.escape` writes what the template's autoescape writes
(slik/cases/tests/test_markup.py compares the two)."""

from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from slik.core.seed import seed_text


def phase_track(track: list[dict]) -> str:
    """cases/includes/phase_track.html for `selectors.phase_track`."""
    current = '<span class="ds-sr-only">(' + escape(gettext("current phase")) + ")</span>"
    passed = '<span class="ds-sr-only">(' + escape(gettext("passed")) + ")</span>"
    label = escape(gettext("Phases of the roadmap"))
    parts = [f'<ol class="slik-phases" id="phase-track" aria-label="{label}">\n']
    for item in track:
        attrs = ' aria-current="step"' if item["current"] else ""
        attrs += ' data-state="done"' if item["done"] else ""
        state = current if item["current"] else passed if item["done"] else ""
        parts.append(
            f'\n  <li{attrs} data-phase="{item["phase"]}">\n'
            f"    {item['phase']}. {escape(str(item['label']))}\n    {state}\n"
            f'    <span class="slik-phase-time">{escape(str(item["time"]))}</span>\n  </li>\n'
        )
    parts.append("\n</ol>\n")
    return mark_safe("".join(parts))  # noqa: S308 – every value above is escaped


def checklist_items(checklist: list[dict], checklist_url: str | None) -> str:
    """The `<li>` of the checklist on the case page: a box per step that posts to
    `checklist_url`, or (None: the reader may not change the case) the steps' state as text."""
    if checklist_url is None:
        done, not_done = (
            "✓ " + escape(gettext("Done")),
            "○ " + escape(gettext("Not done")),
        )
        return mark_safe(  # noqa: S308 – every value is escaped
            "".join(
                f"<li>{done if row['done'] else not_done}: "
                f"{escape(seed_text(row['step']['text']))}</li>"
                for row in checklist
            )
        )
    url = escape(checklist_url)
    items = []
    for row in checklist:
        pk = row["step"]["pk"]
        items.append(
            f'<li><input type="hidden" name="shown" value="{pk}"><label><input type="checkbox" '
            f'class="ds-input" name="done" value="{pk}" id="step-{pk}"'
            f'{" checked" if row["done"] else ""}\n        hx-post="{url}" '
            f'hx-trigger="change" hx-vals=\'{{"shown": "{pk}"}}\' '
            'hx-sync="#checklist-form:queue all" hx-target="#checklist-status" '
            f'hx-swap="innerHTML"> {escape(seed_text(row["step"]["text"]))}</label></li>'
        )
    return mark_safe("".join(items))  # noqa: S308 – every value above is escaped
