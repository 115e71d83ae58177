"""Creating, changing and deleting benefits on a case, and setting their status."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import StaleState, lock, lock_version, save_versioned
from slik.core.dates import validate_dates
from slik.organisations.models import Membership

from ..models import Benefit

BENEFIT_FIELDS = (
    "title",
    "description",
    "category",
    "beneficiary",
    "prerequisites",
    "realisation",
    "reallocation_to",
    "calculation_basis",
    "uncertainty",
    "is_disbenefit",
    "priority",
    "responsible",
    "owner",
    "planned_realisation_on",
    "status",
    "progress",
)
STATUS_FIELDS = ("status", "progress")


def benefit_warnings(benefit: Benefit) -> list[str]:
    """Soft problems the form shows after saving (warn, never block)."""
    warnings = []
    if benefit.realisation == Benefit.Realisation.REALLOCATION and not benefit.reallocation_to:
        warnings.append(
            _(
                "The gain is taken out as freed time, but nobody has said what the time will be "
                "used for. Add it under “freed time is used for”."
            )
        )
    return warnings


def _check_people_and_category(organisation, fields: dict) -> None:
    errors = {}
    for name in ("responsible", "owner"):
        user = fields.get(name)
        if (
            user is not None
            and not Membership.objects.filter(organisation=organisation, user=user).exists()
        ):
            errors[name] = _("Choose a member of this organisation.")
    category = fields.get("category")
    if category is not None and category.organisation_id != organisation.pk:
        errors["category"] = _("Choose one of this organisation's categories.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def benefit_create(*, actor, case, **fields) -> Benefit:
    unknown = set(fields) - set(BENEFIT_FIELDS)
    if unknown:
        raise TypeError(f"benefit_create() got unexpected fields {sorted(unknown)}")
    validate_dates(planned_realisation_on=fields.get("planned_realisation_on"))
    _check_people_and_category(case.organisation, fields)
    benefit = Benefit.objects.create(organisation=case.organisation, case=case, **fields)
    audit_log(
        actor=actor,
        action="benefit.created",
        obj=benefit,
        after=snapshot(benefit, BENEFIT_FIELDS),
        data={"case": case.pk},
    )
    return benefit


@transaction.atomic
def benefit_update(*, actor, benefit: Benefit, version: int | None = None, **fields) -> Benefit:
    """`version` is the one the edit form was loaded from (slik.core.concurrency)."""
    unknown = set(fields) - set(BENEFIT_FIELDS)
    if unknown:
        raise TypeError(f"benefit_update() got unexpected fields {sorted(unknown)}")
    validate_dates(planned_realisation_on=fields.get("planned_realisation_on"))
    _check_people_and_category(benefit.organisation, fields)
    lock_version(benefit, version)
    before = snapshot(benefit, BENEFIT_FIELDS)
    for name, value in fields.items():
        setattr(benefit, name, value)
    save_versioned(benefit, fields)
    audit_log(
        actor=actor,
        action="benefit.changed",
        obj=benefit,
        before=before,
        after=snapshot(benefit, BENEFIT_FIELDS),
    )
    return benefit


@transaction.atomic
def benefit_set_status(
    *,
    actor,
    benefit: Benefit,
    status: str,
    progress: str,
    expected_status: str | None = None,
    expected_progress: str | None = None,
) -> Benefit:
    """Set the status pair; asking for the pair the benefit already has (a second click)
    changes and logs nothing. `expected_*` is the pair the form was opened with: a pair
    someone else set meanwhile is not replaced unseen (None: not checked, for scripts).
    The status is also a field of the edit form, so a change here moves the version: an edit
    form opened before it cannot write the old status back."""
    errors = {}
    if status not in Benefit.Status.values:
        errors["status"] = _("Choose a status from the list.")
    if progress not in Benefit.Progress.values:
        errors["progress"] = _("Choose a benefits status from the list.")
    if errors:
        raise ValidationError(errors)
    if (lock(benefit).status, benefit.progress) == (status, progress):
        return benefit
    if expected_status is not None and (benefit.status, benefit.progress) != (
        expected_status,
        expected_progress,
    ):
        shown = f"{benefit.get_status_display()} ({benefit.get_progress_display()})"
        raise StaleState(
            _("The status has changed to %(status)s since you opened the page.") % {"status": shown}
        )
    before = snapshot(benefit, STATUS_FIELDS)
    benefit.status, benefit.progress = status, progress
    save_versioned(benefit, STATUS_FIELDS)
    audit_log(
        actor=actor,
        action="benefit.status.changed",
        obj=benefit,
        before=before,
        after=snapshot(benefit, STATUS_FIELDS),
    )
    return benefit


@transaction.atomic
def benefit_delete(*, actor, benefit: Benefit) -> None:
    audit_log(
        actor=actor,
        action="benefit.deleted",
        obj=benefit,
        before=snapshot(benefit, ("title", "status")),
        data={"case": benefit.case_id},
    )
    benefit.delete()
