"""Writes for an organisation's sectors (the parts of it a floke touches)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import lock, lock_version, save_versioned, subject_of

from ..models import Organisation, Sector
from .organisations import organisation_lock


def _check_sector_name(organisation: Organisation, name: str, exclude_pk=None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("Enter a name."), code="required")
    others = Sector.objects.filter(organisation=organisation, name__iexact=name)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.exists():
        raise ValidationError(_("A sector with this name already exists."), code="duplicate")
    return name


@transaction.atomic
def sector_add(*, actor, organisation: Organisation, name: str) -> Sector:
    organisation_lock(organisation.pk)
    name = _check_sector_name(organisation, name)
    order = Sector.objects.filter(organisation=organisation).count()
    sector = Sector.objects.create(organisation=organisation, name=name, order=order)
    audit_log(
        actor=actor,
        action="sector.added",
        obj=organisation,
        organisation=organisation,
        after={"name": name},
    )
    return sector


@transaction.atomic
def sector_rename(*, actor, sector: Sector, name: str, version: int | None = None) -> Sector:
    """`version` is the one the edit form was loaded from (slik.core.concurrency)."""
    lock_version(sector, version)
    try:
        name = _check_sector_name(sector.organisation, name, exclude_pk=sector.pk)
    except ValidationError as exc:
        raise ValidationError({"name": exc.error_list}) from exc
    before = snapshot(sector, ("name",))
    sector.name = name
    save_versioned(sector, ["name"])
    audit_log(
        actor=actor,
        action="sector.changed",
        obj=sector.organisation,
        organisation=sector.organisation,
        before=before,
        after={"name": name},
        data=subject_of(sector),
    )
    return sector


@transaction.atomic
def sector_set_active(*, actor, sector: Sector, is_active: bool) -> Sector:
    if lock(sector).is_active == is_active:
        return sector  # a second click asks for the state it already has
    before = snapshot(sector, ("is_active",))
    sector.is_active = is_active
    sector.save(update_fields=["is_active"])
    audit_log(
        actor=actor,
        action="sector.changed",
        obj=sector.organisation,
        organisation=sector.organisation,
        before={"name": sector.name, **before},
        after={"name": sector.name, "is_active": is_active},
    )
    return sector
