"""Writes for organisations, keyword-only, atomic and audit-logged, by what they change: the
organisation itself and its defaults, the register import, partnerships, memberships,
invitations and sectors."""

from .memberships import (
    MEMBERSHIP_FIELDS,
    membership_add,
    membership_can_lose_coordinator,
    membership_remove,
    membership_update,
)
from .organisations import (
    DEFAULT_PROVIDERS,
    organisation_ensure_defaults,
    organisation_free_slug,
    organisation_lock,
    organisation_slug,
)
from .partnerships import partnership_create, partnership_set_members
from .register import ImportResult, organisation_import_register
from .sectors import sector_add, sector_rename, sector_set_active

__all__ = [
    "DEFAULT_PROVIDERS",
    "MEMBERSHIP_FIELDS",
    "ImportResult",
    "membership_add",
    "membership_can_lose_coordinator",
    "membership_remove",
    "membership_update",
    "organisation_ensure_defaults",
    "organisation_free_slug",
    "organisation_import_register",
    "organisation_lock",
    "organisation_slug",
    "partnership_create",
    "partnership_set_members",
    "sector_add",
    "sector_rename",
    "sector_set_active",
]
