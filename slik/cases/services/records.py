"""What a case records along the way (insight, hypotheses, decisions, N3, RACI, stakeholders).

One set of services for all of them: each change is logged against the case, so the case's
history shows everything that happened to it.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from slik.challenges.models import Stakeholder
from slik.challenges.services import STAKEHOLDER_FIELDS
from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import lock_version, save_versioned, subject_of
from slik.core.dates import validate_model_dates
from slik.core.formats import format_date

from ..models import Case, CaseDecision, Hypothesis, Insight, N3Check, Responsibility


@dataclass(frozen=True)
class RecordKind:
    code: str  # the audit code part: case.<code>.added
    model: type[models.Model]
    fields: tuple[str, ...]
    actor_field: str | None = None


RECORD_KINDS: dict[str, RecordKind] = {
    kind.code: kind
    for kind in (
        RecordKind(
            "insight", Insight, ("kind", "title", "description", "recorded_on"), "created_by"
        ),
        RecordKind("hypothesis", Hypothesis, ("statement", "test_method", "result", "learning")),
        RecordKind(
            "decision",
            CaseDecision,
            ("title", "description", "decided_by", "decided_on", "corrects"),
            "recorded_by",
        ),
        RecordKind("n3", N3Check, (*N3Check.FUNDAMENTS, "comment"), "assessed_by"),
        RecordKind("responsibility", Responsibility, ("user", "name", "area", "raci")),
        RecordKind(
            "stakeholder",
            Stakeholder,
            STAKEHOLDER_FIELDS,
        ),
    )
}


def kind_of(record) -> RecordKind:
    for kind in RECORD_KINDS.values():
        if isinstance(record, kind.model):
            return kind
    raise TypeError(f"not a case record: {type(record).__name__}")


class RecordLocked(PermissionDenied):
    """The record is part of approved minutes: it is final (the views answer 409)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def record_locked_refusal(record) -> str:
    """Why `record` can no longer be changed or deleted, or "" when it can."""
    if getattr(record, "locked_at", None) is None:
        return ""
    return _(
        "This decision is part of approved minutes (%(source)s) and can no longer be changed "
        "or deleted. Record a correction instead: a new decision that refers to this one."
    ) % {"source": record.locked_by}


def _require_unlocked(record) -> None:
    if refusal := record_locked_refusal(record):
        raise RecordLocked(refusal)


def _prepare(kind: RecordKind, values: dict) -> dict:
    return {name: value for name, value in values.items() if name in kind.fields}


def _decided_in_the_past(values: dict) -> dict[str, list[str]]:
    decided_on = values.get("decided_on")
    if decided_on is not None and decided_on > timezone.localdate():
        return {"decided_on": [_("The decision date cannot be in the future.")]}
    return {}


def _correction_of_this_case(record) -> None:
    """A correction refers to an earlier decision of the same case."""
    corrected = record.corrects
    if corrected is not None and (corrected.case_id != record.case_id or corrected == record):
        raise ValidationError({"corrects": [_("Choose a decision of this case to correct.")]})


def _someone_responsible(values: dict) -> dict[str, list[str]]:
    if not values.get("user") and not (values.get("name") or "").strip():
        return {"name": [_("Choose a member or write a name.")]}
    return {}


# The rules of a kind beyond its model's field validation.
RECORD_RULES = {"decision": _decided_in_the_past, "responsibility": _someone_responsible}


def case_record_check(*, kind: str, values: dict) -> dict[str, list[str]]:
    """What `case_record_create`/`case_record_update` would refuse in `values` of a `kind`
    record, by field: the record's form shows exactly this."""
    rule = RECORD_RULES.get(kind)
    return rule(values) if rule else {}


def _clean(record) -> None:
    spec = kind_of(record)
    # Ids, not related objects: checking a rule fetches nothing.
    meta = record._meta
    values = {name: getattr(record, meta.get_field(name).attname) for name in spec.fields}
    if errors := case_record_check(kind=spec.code, values=values):
        raise ValidationError(errors)
    if isinstance(record, Stakeholder):
        record.fill_default_strategy()
    if isinstance(record, CaseDecision):
        _correction_of_this_case(record)
    validate_model_dates(record)
    record.full_clean()


@transaction.atomic
def case_record_create(*, actor, case: Case, kind: str, values: dict):
    spec = RECORD_KINDS[kind]
    extra = {"case": case}
    if spec.model is Stakeholder:
        extra["organisation"] = case.organisation
    if spec.actor_field and getattr(actor, "is_authenticated", False):
        extra[spec.actor_field] = actor
    record = spec.model(**_prepare(spec, values), **extra)
    _clean(record)
    record.save()
    audit_log(
        actor=actor,
        action=f"case.{spec.code}.added",
        obj=case,
        after=snapshot(record, spec.fields),
        data={"record": str(record)[:200]},
    )
    return record


@transaction.atomic
def case_record_update(*, actor, record, values: dict, version: int | None = None):
    """Change a record; `version` is the one its edit form was loaded from (see
    slik.core.concurrency): a record saved by someone else meanwhile is refused."""
    spec = kind_of(record)
    lock_version(record, version)
    _require_unlocked(record)
    before = snapshot(record, spec.fields)
    for name, value in _prepare(spec, values).items():
        setattr(record, name, value)
    _clean(record)
    # The record's own fields only, from the locked row: never a stale copy of anything else.
    save_versioned(record, spec.fields)
    audit_log(
        actor=actor,
        action=f"case.{spec.code}.changed",
        obj=record.case,
        before=before,
        after=snapshot(record, spec.fields),
        data={"record": str(record)[:200], **subject_of(record)},
    )
    return record


@transaction.atomic
def case_record_delete(*, actor, record) -> None:
    spec = kind_of(record)
    if isinstance(record, CaseDecision):
        # Read under a row lock: minutes approved a moment ago are final too.
        _require_unlocked(
            CaseDecision.objects.with_scopes_disabled().select_for_update().get(pk=record.pk)
        )
    audit_log(
        actor=actor,
        action=f"case.{spec.code}.deleted",
        obj=record.case,
        before=snapshot(record, spec.fields),
        data={"record": str(record)[:200]},
    )
    record.delete()


@transaction.atomic
def case_decisions_lock(*, actor, decision_ids, source: str) -> int:
    """Make the decision log entries `decision_ids` final: they are part of approved minutes
    (`source` names them, e.g. the meeting). Entries already locked keep their first source.
    Returns how many were locked now."""
    decisions = list(
        CaseDecision.objects.with_scopes_disabled()
        .select_for_update()
        .filter(pk__in=[pk for pk in decision_ids if pk], locked_at__isnull=True)
        .select_related("case")
    )
    now = timezone.now()
    for decision in decisions:
        decision.locked_at, decision.locked_by = now, source[:300]
        decision.save(update_fields=["locked_at", "locked_by"])
        audit_log(
            actor=actor,
            action="case.decision.locked",
            obj=decision.case,
            data={"record": str(decision)[:200], "source": source[:300]},
        )
    return len(decisions)


def correction_note(decision: CaseDecision) -> str:
    """How a correction names the entry it corrects."""
    return _("Corrects “%(title)s” of %(date)s") % {
        "title": decision.title,
        "date": format_date(decision.decided_on),
    }
