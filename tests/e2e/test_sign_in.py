"""Signing in (wrong password first), switching language nb → en → nn, signing out."""

from playwright.sync_api import expect

from .conftest import follow, login, logout, visit


def _switch_language(page, code):
    page.locator("#language-select").select_option(code)
    button = page.locator("form.slik-language button[type=submit]")
    follow(page, button.click, f"language-{code}")
    expect(page.locator("html")).to_have_attribute("lang", code)


def test_sign_in_switch_language_and_sign_out(page, coordinator):
    visit(page, "/konto/logg-inn/", "login")
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    page.locator("#id_username").fill(coordinator.email)
    page.locator("#id_password").fill("not-the-password")
    follow(page, lambda: page.locator("main form button[type=submit]").click(), "login-error")
    expect(page.locator("main [role=alert]")).to_be_visible()
    # What the user typed stays; the password does not.
    expect(page.locator("#id_username")).to_have_value(coordinator.email)
    expect(page.locator("#id_password")).to_have_value("")

    login(page, coordinator)
    assert page.url.endswith("/k/hvaler/")
    _switch_language(page, "en")
    assert page.url.endswith("/k/hvaler/"), "the switch returns to the same page"
    _switch_language(page, "nn")
    coordinator.refresh_from_db()
    assert coordinator.language == "nn"
    logout(page)
    # The choice outlives the session.
    expect(page.locator("html")).to_have_attribute("lang", "nn")


def test_repeated_wrong_passwords_lead_to_the_lockout_page(page, coordinator, settings):
    visit(page, "/konto/logg-inn/", "login")
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        page.locator("#id_username").fill(coordinator.email)
        page.locator("#id_password").fill("not-the-password")
        follow(page, lambda: page.locator("main form button[type=submit]").click(), f"{attempt}")
    expect(page.locator("main [role=alert]")).to_be_visible()
    follow(page, lambda: page.locator("main a[href$='/konto/glemt-passord/']").click(), "reset")
    expect(page.locator("#id_email")).to_be_visible()
