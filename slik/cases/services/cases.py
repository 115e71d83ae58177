"""Creating and changing cases, publishing them, and ticking the phase checklist."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from slik.challenges.models import Stakeholder
from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import lock, lock_version, save_versioned
from slik.core.dates import validate_dates

from ..models import Case, CaseStepCheck, Phase, PhasePeriod, RoadmapTemplate, SharingLevel
from .roadmap import roadmap_template_ensure

CASE_FIELDS = (
    "title",
    "summary",
    "owner",
    "leader",
    "units",
    "partners",
    "innovation_type",
    "oecd_facet",
    "sharing_level",
    "budget",
    "hours",
)


def _case_snapshot(case: Case) -> dict:
    data = snapshot(case, CASE_FIELDS)
    if case.pk:
        data["challenges"] = sorted(str(c) for c in case.challenges.all())
    return data


def case_fields_check(*, fields: dict) -> dict[str, list[str]]:
    """What `case_create`/`case_update` would refuse in `fields`, by field (the form shows it)."""
    errors = {}
    if fields.get("sharing_level", SharingLevel.PRIVATE) != SharingLevel.PRIVATE:
        errors["sharing_level"] = [_("Sharing outside the municipality is not available yet.")]
    return errors


def _refuse(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def latest_template(organisation) -> RoadmapTemplate:
    template = RoadmapTemplate.objects.filter(organisation=organisation).first()
    if template is None:
        roadmap_template_ensure(organisation)
        template = RoadmapTemplate.objects.filter(organisation=organisation).first()
    return template


@transaction.atomic
def case_create(
    *,
    actor,
    organisation,
    title: str,
    challenges=(),
    started_on=None,
    stakeholders_from=None,
    **fields,
):
    """A new case starts in Forankring on the latest roadmap version. `stakeholders_from`, a
    floke of the organisation, gives the case its own copy of that floke's stakeholders."""
    validate_dates(started_on=started_on)
    _refuse(case_fields_check(fields=fields))
    case = Case.objects.create(
        organisation=organisation,
        title=title,
        template=latest_template(organisation),
        phase=Phase.FORANKRING,
        status=Case.Status.ACTIVE,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        **fields,
    )
    case.challenges.set(challenges)
    PhasePeriod.objects.create(
        case=case, phase=Phase.FORANKRING, started_on=started_on or timezone.localdate()
    )
    audit_log(
        actor=actor,
        action="case.created",
        obj=case,
        after=_case_snapshot(case),
        data={"template_version": case.template.version},
    )
    if stakeholders_from is not None:
        _copy_stakeholders(actor, case, stakeholders_from)
    return case


def _copy_stakeholders(actor, case: Case, challenge) -> None:
    if challenge.organisation_id != case.organisation_id:
        raise ValidationError(_("Choose a floke of this municipality."))
    rows = list(Stakeholder.objects.filter(challenge=challenge).order_by("pk"))
    for row in rows:
        row.pk = row.id = None
        row._state.adding = True
        row.challenge, row.case = None, case
        if hasattr(row, "version"):
            row.version = 1
    Stakeholder.objects.bulk_create(rows)
    if rows:
        audit_log(
            actor=actor,
            action="case.stakeholders.copied",
            obj=case,
            data={"floke": challenge.title, "count": len(rows)},
        )


@transaction.atomic
def case_update(*, actor, case: Case, challenges=None, version: int | None = None, **fields):
    """Change the case's own fields. `version` is the one the edit form was loaded from; the
    row is locked and only the edited fields are written, so neither another person's edit
    nor a gate decision made meanwhile (phase, status) is overwritten."""
    unknown = set(fields) - set(CASE_FIELDS)
    if unknown:
        raise TypeError(f"case_update() got unexpected fields {sorted(unknown)}")
    _refuse(case_fields_check(fields=fields))
    lock_version(case, version)
    before = _case_snapshot(case)
    for name, value in fields.items():
        setattr(case, name, value)
    save_versioned(case, fields)
    if challenges is not None:
        case.challenges.set(challenges)
    audit_log(
        actor=actor, action="case.changed", obj=case, before=before, after=_case_snapshot(case)
    )
    return case


@transaction.atomic
def case_publish(*, actor, case: Case, is_published: bool) -> Case:
    """Publish or unpublish; asking for the state the case is already in (a second click)
    changes and logs nothing."""
    if lock(case).is_published == is_published:
        return case
    case.is_published = is_published
    case.save(update_fields=["is_published", "updated_at"])
    audit_log(
        actor=actor,
        action="case.published" if is_published else "case.unpublished",
        obj=case,
        before={"is_published": not is_published},
        after={"is_published": is_published},
    )
    return case


@transaction.atomic
def case_checklist_set(*, actor, case: Case, phase: int, done_step_ids, step_ids=None) -> list[str]:
    """Set which steps of `phase` are done; returns the texts whose state changed.

    `step_ids` names the steps the request is about (the box just ticked, or the boxes a page
    showed); other steps keep what is saved, so ticks sent by two people, or two ticks sent
    at once, never undo each other. The case's row is locked so they are applied one by one.
    """
    lock(case)
    steps = list(case.template.steps.filter(phase=phase))
    if step_ids is not None:
        wanted = {int(pk) for pk in step_ids}
        steps = [step for step in steps if step.pk in wanted]
    done_ids = {int(pk) for pk in done_step_ids}
    checks = {c.step_id: c for c in CaseStepCheck.objects.filter(case=case, step__in=steps)}
    now = timezone.now()
    ticked, unticked = [], []
    for step in steps:
        want = step.pk in done_ids
        check = checks.get(step.pk)
        if check is None:
            if not want:
                continue
            check = CaseStepCheck(case=case, step=step)
        elif check.is_done == want:
            continue
        check.is_done = want
        check.done_by = actor if want else None
        check.done_at = now if want else None
        check.save()
        (ticked if want else unticked).append(step.text)
    if ticked or unticked:
        audit_log(
            actor=actor,
            action="case.checklist.changed",
            obj=case,
            data={"phase": str(Phase(phase).label), "done": ticked, "not_done": unticked},
        )
    return ticked + unticked
