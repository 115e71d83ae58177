"""Ticking checklist steps quickly on a slow connection: every tick is saved and stays ticked.

The first tick's request is held (as a slow network or a busy server would) while the second
box is ticked; then both must reach the database and show after a reload.
"""

import re

import pytest
from django_scopes import scope
from playwright.sync_api import expect

from slik.cases.models import CaseStepCheck
from slik.cases.services import case_create

from .conftest import assert_accessible, login, visit, wait_until


@pytest.fixture
def case(org, coordinator):
    with scope(organisation=org.pk):
        return case_create(actor=coordinator, organisation=org, title="Digitalt nattilsyn")


def _done_count(org, case) -> int:
    with scope(organisation=org.pk):
        return CaseStepCheck.objects.filter(case=case, is_done=True).count()


def test_two_quick_ticks_on_a_slow_connection_are_both_saved(page, org, coordinator, case):
    login(page, coordinator)
    visit(page, f"/k/{org.slug}/case/{case.pk}/", "case")
    boxes = page.locator("#checklist input[type=checkbox]")
    labels = page.locator("#checklist .slik-checklist label")
    second_step = labels.nth(1).inner_text().strip()

    held, holding = [], [True]

    def slow(route):
        if holding[0]:
            held.append(route)
        else:
            route.continue_()

    page.route(re.compile(r"/sjekkliste/$"), slow)
    finished = []
    page.on("requestfinished", lambda r: finished.append(r) if "/sjekkliste/" in r.url else None)
    boxes.nth(0).check()
    wait_until(page, lambda: held, "the first tick was not sent")
    assert len(held) == 1
    # htmx queues the second tick behind the first (hx-sync) in the change handler, which has
    # run when check() returns: the first is still held here.
    boxes.nth(1).check()
    assert len(held) == 1 and not finished
    holding[0] = False
    held[0].continue_()

    wait_until(page, lambda: len(finished) == 2, "the second tick was never sent")
    # The server has answered both: its database is quiet, and it is safe to read here.
    assert _done_count(org, case) == 2
    expect(boxes.nth(0)).to_be_checked()
    expect(boxes.nth(1)).to_be_checked()
    # The live region says what was saved last.
    expect(page.locator("#checklist-status")).to_contain_text(second_step)
    assert_accessible(page, "checklist-ticked")

    visit(page, f"/k/{org.slug}/case/{case.pk}/", "case-reloaded")
    expect(page.locator("#checklist input[type=checkbox]:checked")).to_have_count(2)
