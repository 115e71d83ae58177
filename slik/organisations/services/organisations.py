"""Writes for an organisation itself: its address (slug), its defaults, its row lock."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify
from django_scopes import scope

from slik.core.registry import Registry

from ..defaults import DEFAULT_SECTORS
from ..models import Organisation, Sector

_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})


def organisation_slug(name: str) -> str:
    """`Råde` → `rade`, `Våler (Østfold)` → `valer-ostfold`; Sami letters fold to ASCII."""
    return slugify(name.translate(_TRANSLITERATE))


def organisation_free_slug(name: str, *, suffix: str = "", exclude_pk=None) -> str:
    """A slug from `name` not used by another organisation (`-<suffix>` or a counter if taken)."""
    base = organisation_slug(name)[:50] or "organisasjon"
    taken = Organisation.objects.filter(slug__startswith=base)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    used = set(taken.values_list("slug", flat=True))
    candidates = [base] + ([f"{base}-{suffix}"] if suffix else [])
    candidates += [f"{base}-{n}" for n in range(2, len(used) + 3)]
    return next(slug for slug in candidates if slug not in used)


@transaction.atomic
def organisation_ensure_defaults(*, organisation: Organisation) -> None:
    """Give an organisation the method's defaults: sectors, criteria, the roadmap template.

    Idempotent; each app contributes its own defaults through `DEFAULT_PROVIDERS`. Runs inside
    the organisation's scope because it is called while setting up, outside any request.
    """
    with scope(organisation=organisation.pk):
        if not Sector.objects.filter(organisation=organisation).exists():
            Sector.objects.bulk_create(
                Sector(organisation=organisation, name=name, order=index)
                for index, name in enumerate(DEFAULT_SECTORS)
            )
        for provider in DEFAULT_PROVIDERS:
            provider(organisation)


# Apps register callables here in their AppConfig.ready (challenges: criteria; cases: roadmap).
DEFAULT_PROVIDERS = Registry(
    "organisations.default_providers",
    "A new organisation's defaults from each app: provider(organisation), idempotent",
)


def organisation_lock(organisation_id) -> None:
    """Membership and sector changes of one organisation run one at a time (on its row): two
    coordinators demoting each other at once cannot leave it without one, and two adds of one
    person or one sector name give one row and one clear message, not an integrity error."""
    list(Organisation.objects.select_for_update().filter(pk=organisation_id).values("pk"))
