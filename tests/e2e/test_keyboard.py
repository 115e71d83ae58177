"""A leader records a gate decision with the keyboard alone: Tab, Space, Enter and typing."""

import pytest
from django_scopes import scope
from playwright.sync_api import expect

from slik.cases.models import Case, GateDecision, Phase, RoadmapTemplate

from .conftest import follow, login, visit

MAX_TABS = 80


@pytest.fixture
def case(org, leader):
    with scope(organisation=org.pk):
        template = RoadmapTemplate.objects.filter(organisation=org).order_by("-version").first()
        return Case.objects.create(
            organisation=org,
            title="Felles innkjøp av velferdsteknologi",
            template=template,
            owner=leader,
            created_by=leader,
        )


def tab_to(page, selector: str) -> None:
    """Press Tab until `selector` has focus; it must be reachable, and show that it has focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector):
            assert page.evaluate("document.activeElement.matches(':focus-visible')")
            return
    pytest.fail(f"{selector} cannot be reached with Tab")


def test_gate_decision_with_keyboard_only(page, org, leader, case):
    login(page, leader)
    visit(page, f"/k/hvaler/case/{case.pk}/", "case")

    # The skip link comes first and takes focus to the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('ds-skip-link')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    tab_to(page, "#gate-link")
    follow(page, lambda: page.keyboard.press("Enter"), "gate-form")

    tab_to(page, "input[name=decision][value=go]")
    page.keyboard.press("Space")
    expect(page.locator("input[name=decision][value=go]")).to_be_checked()
    tab_to(page, "#id_basis")
    page.keyboard.type("Ledergruppen har sett behovet.")
    tab_to(page, "#gate-form button[type=submit]")
    follow(page, lambda: page.keyboard.press("Enter"), "gate-recorded")

    with scope(organisation=org.pk):
        gate = GateDecision.objects.get(case=case)
        assert (gate.decision, gate.to_phase) == ("go", Phase.INNSIKT)
        assert gate.basis == "Ledergruppen har sett behovet."
        assert Case.objects.get(pk=case.pk).phase == Phase.INNSIKT
