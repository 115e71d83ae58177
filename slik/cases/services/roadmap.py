"""The organisation's roadmap template: versions are immutable once cases point at them."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_scopes import scope

from slik.core.audit import audit_log
from slik.core.concurrency import EditConflict, lock

from ..defaults import DEFAULT_ROADMAP_STEPS
from ..models import GateSettings, Phase, PhaseStep, RoadmapTemplate


def roadmap_template_ensure(organisation) -> None:
    """Default provider: version 1 with the published steps when the organisation has none."""
    # Called while an organisation is being set up, outside any request scope.
    with scope(organisation=organisation.pk):
        if RoadmapTemplate.objects.filter(organisation=organisation).exists():
            return
        _create_version(
            organisation=organisation,
            version=1,
            steps_by_phase=DEFAULT_ROADMAP_STEPS,
            note="",
            actor=None,
        )


def _create_version(*, organisation, version, steps_by_phase, note, actor) -> RoadmapTemplate:
    template = RoadmapTemplate.objects.create(
        organisation=organisation, version=version, note=note, created_by=actor
    )
    PhaseStep.objects.bulk_create(
        PhaseStep(template=template, phase=phase, order=index, text=text)
        for phase in Phase.values
        for index, text in enumerate(steps_by_phase.get(phase, []))
    )
    return template


def clean_steps(steps_by_phase: dict) -> dict[int, list[str]]:
    """Drop blank lines and surrounding spaces; keep the user's order."""
    return {
        int(phase): [text.strip() for text in texts if text and text.strip()]
        for phase, texts in steps_by_phase.items()
    }


def roadmap_template_save_check(steps_by_phase: dict) -> dict[int, list[str]]:
    """What `roadmap_template_save` would refuse, by phase: the edit form shows exactly this."""
    limit = PhaseStep._meta.get_field("text").max_length
    return {
        phase: [_("A step can be at most 300 characters.")]
        for phase, texts in clean_steps(steps_by_phase).items()
        if any(len(text) > limit for text in texts)
    }


@transaction.atomic
def roadmap_template_save(
    *, actor, organisation, steps_by_phase: dict, note: str = "", version: int | None = None
) -> RoadmapTemplate:
    """Save the edited steps as a NEW version; cases keep the version they were created with.

    `version` is the one the edit form was based on: when someone saved a newer version
    meanwhile, saving would silently drop their steps, so it is refused (EditConflict).
    """
    if errors := roadmap_template_save_check(steps_by_phase):
        raise ValidationError(next(iter(errors.values())))
    # Versions are numbered per organisation; its row serialises two saves at once.
    lock(organisation)
    latest = RoadmapTemplate.objects.filter(organisation=organisation).order_by("-version").first()
    if version is not None and latest is not None and latest.version != version:
        raise EditConflict(latest)
    template = _create_version(
        organisation=organisation,
        version=(latest.version if latest else 0) + 1,
        steps_by_phase=clean_steps(steps_by_phase),
        note=note,
        actor=actor,
    )
    audit_log(
        actor=actor,
        action="roadmap.version.created",
        obj=template,
        organisation=organisation,
        data={"version": template.version, "note": note},
    )
    return template


def gate_settings_mode(organisation) -> str:
    """The organisation's choice for an incomplete checklist or N3 gaps: "warn" or "block"."""
    mode = (
        GateSettings.objects.filter(organisation=organisation)
        .values_list("readiness", flat=True)
        .first()
    )
    return mode or GateSettings.Mode.WARN


@transaction.atomic
def gate_settings_save(*, actor, organisation, readiness: str) -> GateSettings:
    """Whether going on to the next phase with an incomplete checklist or gaps in the N3 check
    is warned about (default) or refused."""
    if readiness not in GateSettings.Mode.values:
        raise ValidationError({"readiness": _("Choose warn or block.")})
    lock(organisation)
    settings, _created = GateSettings.objects.get_or_create(organisation=organisation)
    if settings.readiness != readiness:
        before = settings.readiness
        settings.readiness = readiness
        settings.save(update_fields=["readiness"])
        audit_log(
            actor=actor,
            action="cases.gate_settings.changed",
            obj=settings,
            organisation=organisation,
            before={"readiness": before},
            after={"readiness": readiness},
        )
    return settings
