"""A demo installation lists its accounts on the sign-in page (accounts.pages.DEMO_LOGINS)."""

import pytest
from django.urls import reverse

from slik.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

LOGIN = reverse("accounts:login")


@pytest.mark.django_db
def test_sign_in_page_lists_the_demo_accounts_and_their_password(client):
    page = client.get(LOGIN).content.decode()
    assert 'id="demo-heading"' in page
    assert DEMO_PASSWORD in page
    for email, _label in DEMO_ACCOUNTS:
        assert f"<code>{email}</code>" in page


@pytest.mark.django_db
def test_outside_demo_mode_no_account_or_password_is_shown(client, settings):
    settings.SLIK_DEMO = False
    page = client.get(LOGIN).content.decode()
    assert 'id="demo-heading"' not in page
    assert DEMO_PASSWORD not in page
