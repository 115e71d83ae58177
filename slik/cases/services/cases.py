"""Creating and changing cases, publishing them, and ticking the phase checklist."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from slik.core.audit import audit_log, snapshot

from ..models import Case, CaseStepCheck, Phase, PhasePeriod, RoadmapTemplate, SharingLevel

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


def _check_sharing(sharing_level: str) -> None:
    if sharing_level != SharingLevel.PRIVATE:
        raise ValidationError(
            {"sharing_level": _("Sharing outside the municipality is not available yet.")}
        )


def latest_template(organisation) -> RoadmapTemplate:
    template = RoadmapTemplate.objects.filter(organisation=organisation).first()
    if template is None:
        from .roadmap import roadmap_template_ensure

        roadmap_template_ensure(organisation)
        template = RoadmapTemplate.objects.filter(organisation=organisation).first()
    return template


@transaction.atomic
def case_create(*, actor, organisation, title: str, challenges=(), started_on=None, **fields):
    """A new case starts in Forankring on the latest roadmap version."""
    _check_sharing(fields.get("sharing_level", SharingLevel.PRIVATE))
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
    return case


@transaction.atomic
def case_update(*, actor, case: Case, challenges=None, **fields) -> Case:
    if "sharing_level" in fields:
        _check_sharing(fields["sharing_level"])
    before = _case_snapshot(case)
    for name, value in fields.items():
        if name not in CASE_FIELDS:
            raise TypeError(f"case_update() got an unexpected field {name!r}")
        setattr(case, name, value)
    case.save()
    if challenges is not None:
        case.challenges.set(challenges)
    audit_log(
        actor=actor, action="case.changed", obj=case, before=before, after=_case_snapshot(case)
    )
    return case


@transaction.atomic
def case_publish(*, actor, case: Case, is_published: bool) -> Case:
    if case.is_published == is_published:
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
def case_checklist_set(*, actor, case: Case, phase: int, done_step_ids) -> list[str]:
    """Set which steps of `phase` are done; returns the texts whose state changed."""
    steps = list(case.template.steps.filter(phase=phase))
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


def phase_days(periods, *, today: datetime.date | None = None) -> dict[int, int]:
    """Days spent in each phase, summed over its periods; an open period runs until today."""
    today = today or timezone.localdate()
    result = {phase: 0 for phase in Phase.values}
    for period in periods:
        end = period.ended_on or today
        result[period.phase] += max((end - period.started_on).days, 0)
    return result
