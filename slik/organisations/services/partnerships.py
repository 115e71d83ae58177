"""Writes for inter-municipal partnerships (interkommunale samarbeid)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from slik.core.audit import audit_log

from ..models import Organisation
from .organisations import organisation_free_slug


def _check_municipalities(members) -> list[Organisation]:
    members = list(members)
    if any(m.kind != Organisation.Kind.MUNICIPALITY for m in members):
        raise ValidationError(
            _("Only municipalities can be members of a partnership."), code="not_municipality"
        )
    return members


@transaction.atomic
def partnership_create(*, actor, name: str, members, short_name: str = "") -> Organisation:
    """An inter-municipal partnership (interkommunalt samarbeid) of existing municipalities."""
    members = _check_municipalities(members)
    short_name = short_name or name
    partnership = Organisation.objects.create(
        kind=Organisation.Kind.PARTNERSHIP,
        name=name,
        short_name=short_name,
        slug=organisation_free_slug(short_name),
    )
    partnership.member_municipalities.set(members)
    audit_log(
        actor=actor,
        action="partnership.created",
        obj=partnership,
        organisation=partnership,
        after={"name": name, "members": sorted(str(m) for m in members)},
    )
    return partnership


@transaction.atomic
def partnership_set_members(*, actor, partnership: Organisation, members) -> Organisation:
    members = _check_municipalities(members)
    before = sorted(str(m) for m in partnership.member_municipalities.all())
    partnership.member_municipalities.set(members)
    audit_log(
        actor=actor,
        action="partnership.members.changed",
        obj=partnership,
        organisation=partnership,
        before={"members": before},
        after={"members": sorted(str(m) for m in members)},
    )
    return partnership
