"""Drawing the benefit map with Graphviz: one `dot` run per version of the map, a time limit,
and a clear message instead of an error when `dot` is missing or too slow.

A stand-in `dot` early on PATH counts the real runs (it passes on to the real `dot`), sleeps
past the limit, or is absent altogether – the app's own code runs unchanged.
"""

import os
import shutil
import stat
import time

import pytest
from django.urls import reverse
from django.utils.html import escape
from django_scopes import scope

from slik.benefits import graph
from slik.benefits.selectors import benefit_map_for
from slik.benefits.services import map as map_services
from slik.core.tests.hostile import pdf_text

pytestmark = pytest.mark.django_db
REAL_DOT = shutil.which("dot")
HTMX = {"HX-Request": "true"}


def _script(directory, body: str) -> None:
    directory.mkdir(exist_ok=True)
    path = directory / "dot"
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def counted_dot(tmp_path, monkeypatch):
    """`dot` that logs each run to a file and then runs the real one; returns the run count."""
    log = tmp_path / "runs.log"
    _script(tmp_path / "bin", f'echo run >> "{log}"\nexec "{REAL_DOT}" "$@"')
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    return lambda: len(log.read_text().splitlines()) if log.exists() else 0


@pytest.fixture
def slow_dot(tmp_path, monkeypatch):
    _script(tmp_path / "bin", f"exec {shutil.which('sleep')} 30")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setattr(graph, "DOT_TIMEOUT", 1)


@pytest.fixture
def no_dot(tmp_path, monkeypatch):
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))


@pytest.fixture
def small_map(case, coordinator, benefit):
    with scope(organisation=case.organisation_id):
        measure = map_services.map_node_create(
            actor=coordinator, case=case, kind="measure", label="Velferdsteknologi på Åsen"
        )
        target = map_services.map_node_create(
            actor=coordinator, case=case, kind="benefit", label="", benefit=benefit
        )
        map_services.map_edge_create(actor=coordinator, case=case, source=measure, target=target)
    return case


def _drawing(case):
    with scope(organisation=case.organisation_id):
        the_map = benefit_map_for(organisation=case.organisation, case=case)
        return graph.draw_map(the_map, title="Kart")


def _url(name, case):
    return reverse(f"benefits:{name}", kwargs={"org_slug": "hvaler", "case_id": case.pk})


def test_unchanged_map_is_drawn_once(small_map, counted_dot):
    first = _drawing(small_map)
    second = _drawing(small_map)
    assert counted_dot() == 1
    assert first.svg == second.svg and "Velferdsteknologi" in first.svg
    assert not first.problem


def test_a_changed_map_is_drawn_again(small_map, coordinator, counted_dot):
    _drawing(small_map)
    with scope(organisation=small_map.organisation_id):
        map_services.map_node_create(
            actor=coordinator, case=small_map, kind="goal", label="Trygg alderdom"
        )
    assert "Trygg alderdom" in _drawing(small_map).svg
    assert counted_dot() == 2


def test_a_renamed_element_is_drawn_again(small_map, counted_dot):
    _drawing(small_map)
    with scope(organisation=small_map.organisation_id):
        node = small_map.map_nodes.get(kind="measure")
        node.label = "Ny tekst på Ørje"
        node.save(update_fields=["label"])
    assert "Ny tekst på Ørje" in _drawing(small_map).svg
    assert counted_dot() == 2


def test_slow_dot_is_stopped_and_the_map_page_says_so(client_as, coordinator, small_map, slow_dot):
    client = client_as(coordinator)
    started = time.monotonic()
    page = client.get(_url("map", small_map))
    assert page.context["drawing_pending"]  # the page does not wait for `dot`
    response = client.get(_url("map_drawing", small_map), headers=HTMX)
    # `dot` is stopped after DOT_TIMEOUT (1 s here); the bound only shows that nothing waited
    # for the stand-in's 30 s, with room for a loaded machine.
    assert time.monotonic() - started < 25
    assert response.status_code == 200
    message = str(escape(_drawing(small_map).problem)).encode()
    assert message and message in response.content
    assert b'id="map-problem"' in response.content
    assert b"Velferdsteknologi" in page.content  # the map as text is there at once
    again = client.get(_url("map", small_map))  # too large: not tried again at once
    assert message in again.content and b'id="map-problem"' in again.content


def test_slow_dot_leaves_the_plan_pdf_with_the_message(client_as, coordinator, small_map, slow_dot):
    message = _drawing(small_map).problem
    response = client_as(coordinator).get(_url("plan_pdf", small_map))
    assert response.status_code == 200
    assert " ".join(message.split()) in pdf_text(response.content)


def test_missing_dot_shows_the_message_on_every_map_page(client_as, coordinator, small_map, no_dot):
    message = _drawing(small_map).problem
    assert message
    client = client_as(coordinator)
    page = client.get(_url("map", small_map))
    assert page.status_code == 200 and page.context["drawing_pending"]
    panel = client.get(_url("map_drawing", small_map), headers=HTMX)
    assert panel.status_code == 200 and str(escape(message)).encode() in panel.content
    without_htmx = client.get(_url("map_drawing", small_map))
    assert without_htmx.status_code == 200 and without_htmx.context["map_problem"] == message
    drawing = client.get(_url("map_svg", small_map))
    assert drawing.status_code == 503
    assert drawing.content.decode() == message
    pdf = client.get(_url("plan_pdf", small_map))
    assert pdf.status_code == 200
    assert " ".join(message.split()) in pdf_text(pdf.content)


def test_failing_dot_shows_the_message(client_as, coordinator, small_map, tmp_path, monkeypatch):
    _script(tmp_path / "bin", "echo 'Error: syntax error' >&2\nexit 1")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    response = client_as(coordinator).get(_url("map_drawing", small_map), headers=HTMX)
    assert response.status_code == 200
    assert b'id="map-problem"' in response.content and b"<svg" not in response.content


def test_a_failed_drawing_is_not_cached(small_map, counted_dot, monkeypatch, tmp_path):
    working_path = os.environ["PATH"]
    monkeypatch.setenv("PATH", str(tmp_path))  # no dot here
    assert _drawing(small_map).problem
    monkeypatch.setenv("PATH", working_path)
    assert _drawing(small_map).svg
    assert counted_dot() == 1


def test_a_map_too_large_to_draw_in_time_is_not_tried_again_at_once(
    small_map, tmp_path, monkeypatch
):
    """Each view of a map that runs out of time would hold a worker for DOT_TIMEOUT again."""
    log = tmp_path / "runs.log"
    _script(tmp_path / "bin", f'echo run >> "{log}"\nexec {shutil.which("sleep")} 30')
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setattr(graph, "DOT_TIMEOUT", 1)
    first, second = _drawing(small_map), _drawing(small_map)
    assert first.problem and second.problem == first.problem
    assert len(log.read_text().splitlines()) == 1
