"""The mechanics of anonymising an account (the service is `services.user_anonymise`).

SLIK copies a person's name and e-mail into other rows: the audit log (`data={"user": email}`,
a changed owner's name in `changes`), and people type names into decided-by fields, meeting
participants, RACI rows and comments. Those are searched only where the person's data can be:

- the platform's rows keyed to the person (`platform.py`: their audit events, sign-in logs,
  queued tasks, the admin log, e-mail columns holding their address);
- what other apps register as theirs (`register_personal_data`): the organisations app
  registers every row of the organisations the person is or was a member of.

Another municipality's data, and a namesake's rows anywhere else, are never read. In scope, the
e-mail and the names worth looking for (`terms.py`) are replaced – a name by "Deleted user",
the e-mail by the account's placeholder address, which stays unique per account (sign-in logs
are unique per e-mail and address). The rows are found first and written afterwards in one
short transaction (`scan.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from slik.core.registry import KeyedRegistry


def _nothing(*args) -> tuple:
    return ()


@dataclass(frozen=True)
class PersonalData:
    """Where an app knows a person's data can be. A higher app registers one in its
    `AppConfig.ready()`, so accounts never imports it."""

    # Querysets of rows that may hold the person's name or e-mail.
    rows: Callable[..., Iterable[QuerySet]] = _nothing
    # Names that are never a person's name to scrub (an organisation's name).
    reserved_names: Callable[[], Iterable[str]] = _nothing
    # What whoever anonymises should hear first (a municipality left without a coordinator).
    notices: Callable[..., Iterable[str]] = _nothing


PERSONAL_DATA = KeyedRegistry(
    "accounts.personal_data",
    "Where a higher app keeps a person's name or e-mail, for anonymising: name -> PersonalData",
)


def register_personal_data(name: str, source: PersonalData) -> None:
    PERSONAL_DATA.register(name, source)


def sources() -> list[PersonalData]:
    return [source for _name, source in PERSONAL_DATA.items()]
