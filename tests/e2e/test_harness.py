"""The harness itself: axe really fails on a violation, and a skipped page is noticed."""

import pytest

from .conftest import assert_accessible, visit

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
