"""The parts of the case page written in Python (views/markup.py) are what the templates wrote."""

import datetime

import pytest
from django.template import engines
from django.template.loader import render_to_string
from django.utils import translation

from slik.cases import selectors
from slik.cases.models import Case, PhasePeriod
from slik.cases.views import markup

# The checklist's loops as cases/case_detail.html wrote them before views/markup.py.
BOXES = """{% for row in checklist %}<li><input type="hidden" name="shown" value="{{ row.step.pk }}"><label><input type="checkbox" class="ds-input" name="done" value="{{ row.step.pk }}" id="step-{{ row.step.pk }}"{% if row.done %} checked{% endif %}
        hx-post="{{ checklist_url }}" hx-trigger="change" hx-vals='{"shown": "{{ row.step.pk }}"}' hx-sync="#checklist-form:queue all" hx-target="#checklist-status" hx-swap="innerHTML"> {{ row.step.text|seed_text }}</label></li>{% endfor %}"""  # noqa: E501
STATES = """{% for row in checklist %}<li>{% if row.done %}✓ {% translate "Done" %}{% else %}○ {% translate "Not done" %}{% endif %}: {{ row.step.text|seed_text }}</li>{% endfor %}"""  # noqa: E501
LANGUAGES = ["nb", "nn", "en"]


def _periods(*phases) -> list[PhasePeriod]:
    """A period of 30 days per phase visited, the last one open."""
    start = datetime.date(2024, 1, 1)
    periods = []
    for index, phase in enumerate(phases):
        begun = start + datetime.timedelta(days=index * 30)
        ended = begun + datetime.timedelta(days=29) if index < len(phases) - 1 else None
        periods.append(PhasePeriod(phase=phase, started_on=begun, ended_on=ended))
    return periods


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("phase", "visited"), [(1, (1,)), (3, (1, 2, 3)), (2, (1, 2, 3, 2)), (6, (1, 2, 3, 4, 5, 6))]
)
def test_phase_track_is_the_template(language, phase, visited):
    case = Case(phase=phase)
    with translation.override(language):
        track = selectors.phase_track(case, _periods(*visited))
        expected = render_to_string("cases/includes/phase_track.html", {"track": track})
        assert markup.phase_track(track) == expected


def _checklist():
    texts = ["Definere problemet og sette mål", "Tom & <Jerry> «sier»", "Avklare 'eierskap'"]
    return [
        {"step": {"pk": 10 + index, "text": text}, "done": index % 2 == 0}
        for index, text in enumerate(texts)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_checklist_items_are_the_template(language):
    checklist = _checklist()
    url = "/k/hvaler/case/7/sjekkliste/?a=1&b=2"
    with translation.override(language):
        boxes = engines["django"].from_string(BOXES)
        states = engines["django"].from_string(STATES)
        expected = boxes.render({"checklist": checklist, "checklist_url": url})
        assert markup.checklist_items(checklist, url) == expected
        assert markup.checklist_items(checklist, None) == states.render({"checklist": checklist})
        assert markup.checklist_items([], url) == markup.checklist_items([], None) == ""
