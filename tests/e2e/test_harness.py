"""The harness itself: axe really fails on a violation, and a skipped page is noticed."""

import pytest

from .conftest import assert_accessible, take_csp_violations, visit

INLINE_SCRIPT = (
    "const s = document.createElement('script'); s.textContent = 'window.x = 1';"
    " document.body.append(s)"
)
IMAGE_WITHOUT_ALT = "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=x>')"


def test_axe_catches_violation(page):
    visit(page, "/konto/logg-inn/")
    page.evaluate(IMAGE_WITHOUT_ALT)
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page)


def test_page_loaded_without_check_is_noticed(page):
    page.goto("/konto/logg-inn/")
    page.goto("/konto/glemt-passord/")
    with pytest.raises(AssertionError, match="without an accessibility check"):
        assert_accessible(page)
    visit(page, "/konto/logg-inn/")


def test_content_security_policy_violation_is_noticed(page):
    visit(page, "/konto/logg-inn/")
    with page.expect_console_message(lambda m: "Content Security Policy" in m.text):
        page.evaluate(INLINE_SCRIPT)
    assert page.evaluate("typeof window.x") == "undefined"
    assert take_csp_violations(page)
