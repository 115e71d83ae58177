"""Gate decisions: a pre-check the UI asks, and the decision itself (wagtail check/execute).

Phases change only here, by recorded decisions, never by dates.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from slik.core.audit import audit_log
from slik.core.concurrency import StaleState
from slik.core.dates import date_errors, in_range
from slik.core.formats import format_date
from slik.core.registry import Registry
from slik.core.seed import seed_text

from ..models import Case, CaseStepCheck, GateDecision, GateSettings, N3Check, Phase, PhasePeriod

Decision = GateDecision.Decision


@dataclass
class GateCheck:
    """What the UI must show before a decision: warnings, blockers and whether an override
    (with a reason) is required to go on."""

    warnings: list[str] = field(default_factory=list)
    blockers: list[str] = field(default_factory=list)
    requires_override: bool = False
    to_phase: int | None = None
    # The date of the case's latest gate decision: a new one cannot be dated before it.
    not_before: datetime.date | None = None

    @property
    def allowed(self) -> bool:
        return not self.blockers


# Other apps add their own gate rules here (benefits: baselines before Piloting, a line
# responsible before New practice) without the cases app importing them. Each extension is
# called as `extension(case=…, decision=…, check=…)` and appends to check.warnings/blockers.
GATE_CHECK_EXTENSIONS = Registry(
    "cases.gate_check_extensions",
    "More gate rules: extension(case=, decision=, check=) adds to check.warnings/blockers",
)


def _target_phase(case: Case, decision: str, to_phase) -> int | None:
    if decision == Decision.GO:
        return case.phase + 1 if case.phase < Phase.NY_PRAKSIS else None
    if decision == Decision.BACK:
        return int(to_phase) if to_phase else None
    return case.phase


def case_accepts_decisions(case: Case) -> bool:
    """A stopped case is closed: the page offers no gate decision and the check refuses one."""
    return case.status != Case.Status.STOPPED


def latest_gate_on(case: Case) -> datetime.date | None:
    """The date of the case's latest gate decision, None before the first."""
    latest = GateDecision.objects.with_scopes_disabled().filter(case_id=case.pk)
    return latest.aggregate(on=Max("decided_on"))["on"]


def readiness_gaps(case: Case) -> list[str]:
    """What is missing before the case goes on to its next phase: the steps of the phase's
    checklist not done, and the fundaments the latest N3 check rates missing or weak."""
    gaps = []
    steps = case.template.steps.filter(phase=case.phase).order_by("order", "id")
    done = set(
        CaseStepCheck.objects.with_scopes_disabled()
        .filter(case_id=case.pk, is_done=True)
        .values_list("step_id", flat=True)
    )
    open_steps = [seed_text(step.text) for step in steps if step.pk not in done]
    if open_steps:
        gaps.append(
            _("The checklist of %(phase)s is not complete. Not done: %(steps)s.")
            % {"phase": case.get_phase_display(), "steps": "; ".join(open_steps)}
        )
    n3 = N3Check.objects.with_scopes_disabled().filter(case_id=case.pk).first()
    weak = [
        f"{N3Check._meta.get_field(name).verbose_name} ({N3Check.Rating(getattr(n3, name)).label})"
        for name in N3Check.FUNDAMENTS
        if n3 is not None and getattr(n3, name) <= N3Check.Rating.WEAK
    ]
    if weak:
        gaps.append(
            _("The latest N3 check (%(date)s) has gaps: %(fundaments)s.")
            % {"date": format_date(n3.created_at), "fundaments": ", ".join(str(w) for w in weak)}
        )
    return gaps


def readiness_blocks(organisation_id) -> bool:
    """Whether the organisation refuses (rather than warns about) going on with gaps."""
    mode = (
        GateSettings.objects.with_scopes_disabled()
        .filter(organisation_id=organisation_id)
        .values_list("readiness", flat=True)
        .first()
    )
    return mode == GateSettings.Mode.BLOCK


def _status_refusal(case: Case, decision: str) -> str:
    """A postponed case is resumed explicitly; only a postponed case can be resumed."""
    postponed = case.status == Case.Status.POSTPONED
    if decision == Decision.RESUME and not postponed:
        return _("Only a postponed case can be resumed.")
    if decision == Decision.ADJUST and postponed:
        return _("The case is postponed. Choose «Resume» to take it up again.")
    if decision == Decision.POSTPONE and postponed:
        return _("The case is already postponed.")
    return ""


def _readiness_rule(case: Case, check: GateCheck) -> None:
    """Going on with an incomplete checklist or N3 gaps: a warning, or where the organisation
    chose so, a blocker."""
    if gaps := readiness_gaps(case):
        (check.blockers if readiness_blocks(case.organisation_id) else check.warnings).extend(gaps)


def case_gate_check(*, case: Case, decision: str, to_phase=None) -> GateCheck:
    check = GateCheck()
    if decision not in Decision.values:
        check.blockers.append(_("Choose a valid decision."))
        return check
    if not case_accepts_decisions(case):
        check.blockers.append(_("The case is stopped and accepts no more gate decisions."))
        return check
    if refusal := _status_refusal(case, decision):
        check.blockers.append(refusal)
    check.not_before = latest_gate_on(case)
    check.to_phase = _target_phase(case, decision, to_phase)
    if decision == Decision.GO and case.phase == Phase.NY_PRAKSIS:
        check.blockers.append(
            _("The case is in the last phase (New practice); there is no next phase to go to.")
        )
    if decision == Decision.BACK and (check.to_phase is None or check.to_phase >= case.phase):
        check.blockers.append(_("Choose an earlier phase to go back to."))
    if decision == Decision.GO and case.phase == Phase.INNSIKT and not case.insights.exists():
        check.warnings.append(
            _(
                "Needs first: no insight (needs, interviews, observations) is recorded for this "
                "case. Going on to service development requires an explicit override with a "
                "reason."
            )
        )
        check.requires_override = True
    if decision == Decision.GO and not check.blockers:
        _readiness_rule(case, check)
    if not check.blockers:
        for extension in GATE_CHECK_EXTENSIONS:
            extension(case=case, decision=decision, check=check)
    return check


def case_gate_stale(*, case: Case, expected_phase=None, expected_status=None) -> str:
    """Why a decision chosen on a form made for (`expected_phase`, `expected_status`) no longer
    fits the case, or "" when it still does. A write without them (one not from a form) is not
    checked; a form always sends them, and one that lost them is refused (LoadedIntegerField)."""
    if expected_phase is not None and expected_phase != case.phase:
        change = _("The case has moved to %(phase)s since you opened the form.") % {
            "phase": case.get_phase_display()
        }
    elif expected_status is not None and expected_status != case.status:
        change = _("The case's status has changed to %(status)s since you opened the form.") % {
            "status": case.get_status_display()
        }
    else:
        return ""
    latest = case.gate_decisions.order_by("-id").first()
    if latest is None:
        return _("%(change)s Check the form again before you decide.") % {"change": change}
    return _(
        "%(change)s The latest decision: %(decision)s on %(date)s by %(by)s. Check the form "
        "again before you decide."
    ) % {
        "change": change,
        "decision": latest.get_decision_display(),
        "date": format_date(latest.decided_on),
        "by": latest.decided_by,
    }


def case_gate_decide_check(
    check: GateCheck,
    *,
    decision: str,
    to_phase=None,
    decided_on: datetime.date | None = None,
    reason: str = "",
    override_reason: str = "",
) -> dict[str, list]:
    """Everything `case_gate_decide` would refuse, by field ("__all__" for the decision as a
    whole), given the pre-check `check` of the same decision: the gate form shows exactly this.
    """
    errors: dict[str, list] = {}

    def refuse(name: str, message) -> None:
        errors.setdefault(name, []).append(message)

    for blocker in check.blockers:
        refuse(NON_FIELD_ERRORS, blocker)
    if decided_on is not None:
        errors.update(_date_refusals(check, decided_on))
    if decision == Decision.STOP and not (reason or "").strip():
        refuse("reason", _("Give a reason for stopping the case."))
    if decision == Decision.BACK:
        if not to_phase:
            refuse("to_phase", _("Choose the phase to go back to."))
        if not (reason or "").strip():
            refuse("reason", _("Give a reason for going back to an earlier phase."))
    if check.requires_override and not (override_reason or "").strip():
        refuse("override_reason", _("Give a reason for going on without recorded insight."))
    return errors


def _date_refusals(check: GateCheck, decided_on: datetime.date) -> dict[str, list]:
    if not in_range(decided_on):
        return date_errors(decided_on=decided_on)
    if decided_on > timezone.localdate():
        return {"decided_on": [_("The decision date cannot be in the future.")]}
    if check.not_before and decided_on < check.not_before:
        return {"decided_on": [not_before_message(check.not_before)]}
    return {}


def not_before_message(latest: datetime.date) -> str:
    """Why a gate decision cannot be dated before `latest`, the case's latest one: the phases'
    timeline would run backwards."""
    return _(
        "The case's latest gate decision is dated %(date)s. A new gate decision cannot be dated "
        "before it; the phases would otherwise run backwards in time."
    ) % {"date": format_date(latest)}


def checklist_snapshot(case: Case, phase: int) -> list[dict]:
    done = set(case.step_checks.filter(is_done=True).values_list("step_id", flat=True))
    return [
        {"step": step.text, "done": step.pk in done}
        for step in case.template.steps.filter(phase=phase)
    ]


def _move(case: Case, to_phase: int, on: datetime.date) -> None:
    PhasePeriod.objects.filter(case=case, ended_on__isnull=True).update(ended_on=on)
    PhasePeriod.objects.create(case=case, phase=to_phase, started_on=on)
    case.phase = to_phase


def _apply(case: Case, decision: str, to_phase: int, on: datetime.date) -> None:
    if decision in (Decision.GO, Decision.BACK):
        _move(case, to_phase, on)
        case.status = Case.Status.ACTIVE
    elif decision == Decision.RESUME:
        case.status = Case.Status.ACTIVE
    elif decision == Decision.POSTPONE:
        case.status = Case.Status.POSTPONED
    elif decision == Decision.STOP:
        PhasePeriod.objects.filter(case=case, ended_on__isnull=True).update(ended_on=on)
        case.status = Case.Status.STOPPED


@transaction.atomic
def case_gate_decide(
    *,
    actor,
    case: Case,
    decision: str,
    decided_by: str,
    decided_on: datetime.date,
    basis: str = "",
    conditions: str = "",
    reason: str = "",
    override_reason: str = "",
    to_phase=None,
    expected_phase: int | None = None,
    expected_status: str | None = None,
) -> GateDecision:
    """Record a gate decision. `expected_phase`/`expected_status` are what the decision was
    chosen for (the form's); a case that has left them is refused, so two «go» posted at once
    move it one phase, not two."""
    given, case = case, Case.objects.select_for_update().get(pk=case.pk)
    stale = case_gate_stale(
        case=case, expected_phase=expected_phase, expected_status=expected_status
    )
    if stale:
        raise StaleState(stale)
    check = case_gate_check(case=case, decision=decision, to_phase=to_phase)
    errors = case_gate_decide_check(
        check,
        decision=decision,
        to_phase=to_phase,
        decided_on=decided_on,
        reason=reason,
        override_reason=override_reason,
    )
    if errors:
        raise ValidationError(errors)
    before = {"phase": case.get_phase_display(), "status": case.get_status_display()}
    from_phase = case.phase
    gate = GateDecision.objects.create(
        case=case,
        from_phase=from_phase,
        to_phase=check.to_phase,
        decision=decision,
        decided_by=decided_by,
        decided_on=decided_on,
        basis=basis,
        conditions=conditions,
        reason=reason,
        override_reason=override_reason if check.requires_override else "",
        checklist=checklist_snapshot(case, from_phase),
        recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _apply(case, decision, check.to_phase, decided_on)
    case.save(update_fields=["phase", "status", "updated_at"])
    given.phase, given.status, given.updated_at = case.phase, case.status, case.updated_at
    audit_log(
        actor=actor,
        action=f"case.gate.{decision}",
        obj=case,
        before=before,
        after={"phase": case.get_phase_display(), "status": case.get_status_display()},
        data={
            "gate": gate.pk,
            "decided_by": decided_by,
            "reason": reason or override_reason,
            "conditions": conditions,
        },
    )
    return gate
