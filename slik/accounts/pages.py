"""What higher apps add to the account pages, registered in their AppConfig.ready().

Accounts knows no organisation and no demo; the organisations app lists a person's memberships
on the profile page, and a demo installation lists its accounts on the sign-in page.
"""

from __future__ import annotations

from dataclasses import dataclass

from slik.core.registry import Registry


@dataclass(frozen=True)
class DemoLogins:
    """Accounts a demo installation publishes on its sign-in page, all with one password."""

    password: str
    accounts: tuple[tuple[str, str], ...]  # (e-mail, who the person is)


DEMO_LOGINS = Registry(
    "accounts.demo_logins",
    "Accounts listed on the sign-in page when settings.SLIK_DEMO is on: DemoLogins",
)

PROFILE_SECTIONS = Registry(
    "accounts.profile_sections",
    "Sections beside the profile form: section(request) -> HTML (a rendered template)",
)
