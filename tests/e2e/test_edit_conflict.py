"""Two people change one case: the one who saves second sees the other's change, keeps what
they typed, and saving again replaces it on purpose. The conflict page goes through axe."""

import pytest
from django_scopes import scope
from playwright.sync_api import expect

from slik.cases.models import Case
from slik.cases.services import case_create, case_update

from .conftest import follow, login, visit

THEIRS, MINE = "Nattilsyn med sensorer", "Digitalt nattilsyn i hjemmetjenesten"


@pytest.fixture
def case(org, coordinator, project_leader):
    with scope(organisation=org.pk):
        return case_create(
            actor=coordinator, organisation=org, title="Digitalt nattilsyn", owner=project_leader
        )


def _title(org, case) -> str:
    with scope(organisation=org.pk):
        return Case.objects.get(pk=case.pk).title


def test_second_save_shows_the_other_change_and_keeps_mine(page, org, case, leader, coordinator):
    login(page, coordinator)
    visit(page, f"/k/{org.slug}/case/{case.pk}/endre/", "case-edit")
    page.locator("#id_title").fill(MINE)
    page.locator("#id_units").fill("Hjemmetjenesten")

    # Meanwhile the chief executive saves the same case from another form.
    with scope(organisation=org.pk):
        case_update(actor=leader, case=Case.objects.get(pk=case.pk), title=THEIRS, version=1)

    submit = page.locator("main form button[type=submit]")
    follow(page, submit.click, "case-edit-conflict")
    notice = page.locator("#edit-conflict")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(leader.full_name)
    expect(page.locator("#edit-conflict-fields")).to_contain_text(THEIRS)
    expect(page.locator("#id_title")).to_have_value(MINE)
    expect(page.locator("#id_units")).to_have_value("Hjemmetjenesten")
    assert _title(org, case) == THEIRS

    follow(page, submit.click, "case-saved-over")
    assert page.url.endswith(f"/case/{case.pk}/")
    assert _title(org, case) == MINE
