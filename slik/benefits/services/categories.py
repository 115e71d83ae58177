"""Benefit categories (configurable sets) and the organisation's benefit settings."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import lock, lock_version, save_versioned

from ..models import BenefitCategory, BenefitSettings

# Norwegian data: the category sets practitioners know by these names (METHOD.md §6).
DEFAULT_CATEGORY_SETS = {
    "Saman om": ["Direkte budsjettgevinst", "Indirekte budsjettgevinst", "Kvalitativ gevinst"],
    "DFØ": ["Effektivitet", "Kvalitet", "Gevinst for andre aktører"],
    "KS Veikart": ["Unngåtte kostnader", "Spart tid"],
}

# The default categories for a reader who chose nynorsk or English (slik/core/seed.py).
CATEGORY_TRANSLATIONS = {
    "Direkte budsjettgevinst": pgettext_lazy("benefit category", "Direct budget benefit"),
    "Indirekte budsjettgevinst": pgettext_lazy("benefit category", "Indirect budget benefit"),
    "Kvalitativ gevinst": pgettext_lazy("benefit category", "Qualitative benefit"),
    "Effektivitet": pgettext_lazy("benefit category", "Efficiency"),
    "Kvalitet": pgettext_lazy("benefit category", "Quality"),
    "Gevinst for andre aktører": pgettext_lazy("benefit category", "Benefit for other parties"),
    "Unngåtte kostnader": pgettext_lazy("benefit category", "Avoided costs"),
    "Spart tid": pgettext_lazy("benefit category", "Time saved"),
}

SETTINGS_FIELDS = ("pilot_gate", "measurement_overdue_days")


def benefit_defaults_ensure(organisation) -> None:
    """Default categories (only for an organisation with none) and a settings row. Idempotent;
    called by `organisation_ensure_defaults` inside the organisation's scope."""
    if not BenefitCategory.objects.filter(organisation=organisation).exists():
        BenefitCategory.objects.bulk_create(
            BenefitCategory(organisation=organisation, category_set=set_name, name=name, order=i)
            for set_name, names in DEFAULT_CATEGORY_SETS.items()
            for i, name in enumerate(names)
        )
    BenefitSettings.objects.get_or_create(organisation=organisation)


def benefit_settings_for(organisation) -> BenefitSettings:
    settings, _created = BenefitSettings.objects.get_or_create(organisation=organisation)
    return settings


@transaction.atomic
def benefit_category_add(*, actor, organisation, category_set: str, name: str) -> BenefitCategory:
    category_set, name = (category_set or "").strip(), (name or "").strip()
    if not category_set or not name:
        raise ValidationError(_("Enter both the category set and the name."), code="required")
    exists = BenefitCategory.objects.filter(
        organisation=organisation, category_set__iexact=category_set, name__iexact=name
    ).exists()
    if exists:
        raise ValidationError(_("That category already exists in this set."), code="duplicate")
    order = BenefitCategory.objects.filter(
        organisation=organisation, category_set=category_set
    ).count()
    category = BenefitCategory.objects.create(
        organisation=organisation, category_set=category_set, name=name, order=order
    )
    audit_log(
        actor=actor,
        action="benefit_category.added",
        obj=category,
        after={"category_set": category_set, "name": name},
    )
    return category


@transaction.atomic
def benefit_category_set_active(*, actor, category: BenefitCategory, is_active: bool):
    if lock(category).is_active == is_active:
        return category  # a second click asks for the state it already has
    before = snapshot(category, ("name", "is_active"))
    category.is_active = is_active
    category.save(update_fields=["is_active"])
    audit_log(
        actor=actor,
        action="benefit_category.changed",
        obj=category,
        before=before,
        after=snapshot(category, ("name", "is_active")),
    )
    return category


@transaction.atomic
def benefit_settings_update(
    *, actor, organisation, pilot_gate: str, measurement_overdue_days, version=None
):
    """Save the settings; `version` is the one the form was loaded with (None: not checked)."""
    settings = lock_version(benefit_settings_for(organisation), version)
    if pilot_gate not in BenefitSettings.GateMode.values:
        raise ValidationError({"pilot_gate": _("Choose warn or block.")}, code="invalid")
    before = snapshot(settings, SETTINGS_FIELDS)
    settings.pilot_gate = pilot_gate
    settings.measurement_overdue_days = measurement_overdue_days
    save_versioned(settings, SETTINGS_FIELDS)
    audit_log(
        actor=actor,
        action="benefit_settings.changed",
        obj=settings,
        organisation=organisation,
        before=before,
        after=snapshot(settings, SETTINGS_FIELDS),
    )
    return settings
