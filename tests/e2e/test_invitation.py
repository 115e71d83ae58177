"""Inviting by e-mail: the coordinator invites, the person opens the link and accepts."""

import re

from django.core import mail
from playwright.sync_api import expect

from conftest import PASSWORD

from .conftest import follow, login, logout, visit

NEW_PASSWORD = "Et-langt-nok-passord-42"


def _invite(page, email: str) -> None:
    visit(page, "/k/hvaler/medlemmer/", "members")
    follow(page, lambda: page.locator("#member-add-link").click(), "invite-form")
    page.locator("#id_email").fill(email)
    page.locator("#id_role").select_option("employee")
    page.locator("#id_title").fill("Rådgiver")
    follow(page, lambda: page.locator("main form button[type=submit]").first.click(), "invited")
    expect(page.locator("#invitation-table")).to_contain_text(email)


def _link_path() -> str:
    return re.search(r"https?://[^/\s]+(/konto/invitasjon/\S+/)", mail.outbox[-1].body).group(1)


def test_new_person_accepts_with_name_and_password(page, coordinator):
    login(page, coordinator)
    _invite(page, "nina.ny@eksempel.test")
    logout(page)

    visit(page, _link_path(), "invitation")
    expect(page.locator("#invitation-summary")).to_contain_text("Hvaler")
    page.locator("#id_full_name").fill("Nina Ny")
    page.locator("#id_new_password1").fill(NEW_PASSWORD)
    page.locator("#id_new_password2").fill(NEW_PASSWORD)
    follow(page, lambda: page.locator("#invitation-accept").click(), "accepted")
    assert page.url.endswith("/k/hvaler/")
    expect(page.locator(".slik-usernav")).to_contain_text("Nina Ny")


def test_person_with_an_account_signs_in_and_accepts(page, coordinator, outsider):
    login(page, coordinator)
    _invite(page, outsider.email)
    expect(page.locator("main")).not_to_contain_text(outsider.full_name)
    logout(page)

    visit(page, _link_path(), "invitation")
    follow(page, lambda: page.locator("#invitation-sign-in").click(), "login")
    page.locator("#id_username").fill(outsider.email)
    page.locator("#id_password").fill(PASSWORD)
    follow(page, lambda: page.locator("main form button[type=submit]").click(), "back")
    expect(page.locator("#invitation-accept")).to_be_visible()
    follow(page, lambda: page.locator("#invitation-accept").click(), "accepted")
    assert page.url.endswith("/k/hvaler/")
