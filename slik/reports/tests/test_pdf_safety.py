"""Every PDF report with hostile user text: no attachment, nothing fetched, text shown as typed.

The text tries every way out of HTML and CSS that reaches a file: ending the <style> element
with a <link rel=attachment>, ending a CSS string with @import and url(), and <img>/<a> tags.
It goes into every field a report prints: titles, names, the organisation's name, summaries,
comments and the benefit category that labels a chart.
"""

import pytest
from django.urls import reverse
from django_scopes import scope

from slik.core.tests.hostile import (
    assert_pdf_fetched_nothing,
    embedded_file_count,
    make_probe,
    remove_probe,
)
from slik.reports import registry
from slik.reports.renderers import render

from .hostile_data import CONTROL, build_hostile


@pytest.fixture
def probe():
    made = make_probe()
    yield made
    remove_probe(made)


@pytest.fixture
def hostile(org, coordinator, leader, project_leader, probe):
    return build_hostile(org, coordinator, [leader, project_leader], probe, noise=CONTROL)


def _pdf_reports():
    return [d for d in registry.REGISTRY.values() if "pdf" in d.formats]


def test_every_pdf_report_is_covered():
    """A new PDF report needs its parameters below; this fails until they are added."""
    keys = {d.key for d in _pdf_reports()}
    assert {"case_onepager", "council_report", "annual_report", "board_minutes"} <= keys
    assert all(set(d.parameters) <= {"case_id", "meeting_id", "year"} for d in _pdf_reports())


@pytest.mark.parametrize("key", sorted(d.key for d in _pdf_reports()))
def test_pdf_report_with_hostile_text_fetches_nothing(key, org, leader, hostile, probe):
    definition = registry.get(key)
    parameters = {name: hostile[name] for name in definition.parameters}
    with scope(organisation=org.pk):
        document = definition.build(org, parameters, leader)
    text = assert_pdf_fetched_nothing(render(document, "pdf"), probe)
    assert "</style><link rel=attachment href=file://" in text
    assert "u003C" not in text  # not a JavaScript escape shown as text


def test_case_onepager_of_the_reported_attack_has_no_attachment(
    client_as, org, coordinator, project_leader, probe
):
    """The request of the report: a project leader's case title ends the <style> element."""
    from slik.cases.services import case_create

    with scope(organisation=org.pk):
        case = case_create(
            actor=coordinator, organisation=org, title=probe.breakout(), leader=project_leader
        )
    kwargs = {"org_slug": org.slug, "key": "case_onepager", "file_format": "pdf"}
    url = reverse("reports:render", kwargs=kwargs)
    response = client_as(project_leader).get(url, {"case_id": case.pk})
    assert response.status_code == 200
    assert embedded_file_count(response.content) == 0
    text = assert_pdf_fetched_nothing(response.content, probe)
    # The title is shown as typed: on the cover and in the page header.
    assert text.count(probe.breakout()) >= 2
