"""Stakeholder analysis (interessentanalyse) of a floke. A case's stakeholders are records of
the case and change through the cases app's record services."""

from __future__ import annotations

from django.db import transaction

from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import lock_version, save_versioned, subject_of

from ..models import Stakeholder
from .fields import assign_fields

STAKEHOLDER_FIELDS = (
    "name",
    "group",
    "interest",
    "influence",
    "attitude",
    "strategy",
    "planned_involvement",
)


@transaction.atomic
def stakeholder_create(*, actor, organisation, challenge, **fields):
    stakeholder = Stakeholder(organisation=organisation, challenge=challenge, **fields)
    stakeholder.fill_default_strategy()
    stakeholder.full_clean(exclude=["organisation", "challenge", "case"])
    stakeholder.save()
    audit_log(
        actor=actor,
        action="stakeholder.added",
        obj=stakeholder.challenge,
        organisation=organisation,
        after=snapshot(stakeholder, STAKEHOLDER_FIELDS),
    )
    return stakeholder


@transaction.atomic
def stakeholder_update(
    *, actor, stakeholder: Stakeholder, version: int | None = None, **fields
) -> Stakeholder:
    lock_version(stakeholder, version)
    before = snapshot(stakeholder, STAKEHOLDER_FIELDS)
    assign_fields(stakeholder, fields, STAKEHOLDER_FIELDS)
    stakeholder.fill_default_strategy()
    stakeholder.full_clean(exclude=["organisation", "challenge", "case"])
    save_versioned(stakeholder, STAKEHOLDER_FIELDS)
    audit_log(
        actor=actor,
        action="stakeholder.changed",
        obj=stakeholder.challenge,
        organisation=stakeholder.organisation,
        before=before,
        after=snapshot(stakeholder, STAKEHOLDER_FIELDS),
        data=subject_of(stakeholder),
    )
    return stakeholder


@transaction.atomic
def stakeholder_delete(*, actor, stakeholder: Stakeholder) -> None:
    audit_log(
        actor=actor,
        action="stakeholder.deleted",
        obj=stakeholder.challenge,
        organisation=stakeholder.organisation,
        before=snapshot(stakeholder, STAKEHOLDER_FIELDS),
    )
    stakeholder.delete()
