"""Board meetings of the portfolio board (porteføljeråd): agenda and decisions per case.

A board decision is written into the case's decision log and, where it changes the phase or
the status of the case, recorded as the case's gate decision through the cases app's
check/decide pair – so the board can never do what a gate decision would refuse.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from slik.cases.models import Case
from slik.cases.services import (
    case_decisions_lock,
    case_gate_decide,
    case_gate_stale,
    case_record_create,
)
from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import StaleState, lock, lock_version, save_versioned
from slik.core.dates import validate_model_dates
from slik.core.formats import format_date

from ..models import AgendaItem, BoardMeeting
from .board_checks import (
    DecisionCheck,
    agenda_decision_check,
    decision_comment_refusal,
    decision_date_refusal,
    item_decided_refusal,
    meeting_delete_refusal,
    meeting_open_refusal,
)

MEETING_FIELDS = ("title", "held_on", "participants", "notes")


def _log(actor, action, meeting, **kwargs):
    audit_log(actor=actor, action=action, obj=meeting, **kwargs)


def _require_open(meeting: BoardMeeting) -> None:
    if refusal := meeting_open_refusal(meeting):
        raise ValidationError(refusal)


def _lock_open(meeting: BoardMeeting) -> BoardMeeting:
    """Every change of a meeting and its agenda locks the meeting's row first, so changes of
    one meeting never interleave (and always lock in the same order: meeting, item, case)."""
    lock(meeting)
    _require_open(meeting)
    return meeting


@transaction.atomic
def board_meeting_create(
    *, actor, organisation, title: str, held_on: datetime.date, participants="", notes=""
) -> BoardMeeting:
    meeting = BoardMeeting(
        organisation=organisation,
        title=title,
        held_on=held_on,
        participants=participants,
        notes=notes,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    validate_model_dates(meeting)
    meeting.full_clean()
    meeting.save()
    _log(actor, "portfolio.board.created", meeting, after=snapshot(meeting, MEETING_FIELDS))
    return meeting


@transaction.atomic
def board_meeting_update(
    *, actor, meeting: BoardMeeting, version: int | None = None, **values
) -> BoardMeeting:
    lock_version(meeting, version)
    _require_open(meeting)
    moved = "held_on" in values and values["held_on"] != meeting.held_on
    if moved and meeting.items.exclude(decision="").exists():
        raise ValidationError(
            {"held_on": _("Decisions are recorded with this date; it can no longer change.")}
        )
    before = snapshot(meeting, MEETING_FIELDS)
    for name in MEETING_FIELDS:
        if name in values:
            setattr(meeting, name, values[name])
    validate_model_dates(meeting)
    meeting.full_clean()
    save_versioned(meeting, [name for name in MEETING_FIELDS if name in values])
    after = snapshot(meeting, MEETING_FIELDS)
    _log(actor, "portfolio.board.changed", meeting, before=before, after=after)
    return meeting


@transaction.atomic
def board_meeting_delete(*, actor, meeting: BoardMeeting) -> None:
    lock(meeting)
    has_decisions = meeting.items.exclude(decision="").exists()
    if refusal := meeting_delete_refusal(meeting, has_decisions=has_decisions):
        raise ValidationError(refusal)
    _log(actor, "portfolio.board.deleted", meeting, before=snapshot(meeting, MEETING_FIELDS))
    meeting.delete()


@transaction.atomic
def board_meeting_close(*, actor, meeting: BoardMeeting) -> BoardMeeting:
    """Approve the minutes: the meeting and its decisions are final, also the entries they
    wrote into the cases' decision logs. Approving approved minutes again (a second click)
    changes nothing."""
    if lock(meeting).is_closed:
        return meeting
    meeting.is_closed = True
    meeting.save(update_fields=["is_closed"])
    case_decisions_lock(
        actor=actor,
        decision_ids=meeting.items.exclude(case_decision=None).values_list(
            "case_decision_id", flat=True
        ),
        source=f"{decided_by_text(meeting)}, {format_date(meeting.held_on)}",
    )
    undecided = meeting.items.filter(decision="").count()
    _log(
        actor,
        "portfolio.board.closed",
        meeting,
        before={"is_closed": False},
        after={"is_closed": True},
        data={"undecided_items": undecided},
    )
    return meeting


@transaction.atomic
def agenda_item_add(*, actor, meeting: BoardMeeting, case: Case) -> AgendaItem:
    _lock_open(meeting)
    if case.organisation_id != meeting.organisation_id:
        raise ValidationError({"case": _("Choose a case of this municipality.")})
    if meeting.items.filter(case=case).exists():
        raise ValidationError({"case": _("The case is already on the agenda.")})
    last = meeting.items.aggregate(last=Max("order"))["last"]
    item = AgendaItem.objects.create(
        meeting=meeting, case=case, order=0 if last is None else last + 1
    )
    _log(actor, "portfolio.board.item_added", meeting, data={"case": case.title})
    return item


@transaction.atomic
def agenda_item_remove(*, actor, item: AgendaItem) -> None:
    meeting = _lock_open(item.meeting)
    item = AgendaItem.objects.filter(pk=item.pk).select_related("case").first()
    if item is None:  # removed by a click a moment ago
        return
    if item.decision:
        raise ValidationError(_("A decided agenda item cannot be removed."))
    _log(actor, "portfolio.board.item_removed", meeting, data={"case": item.case.title})
    item.delete()


@transaction.atomic
def agenda_item_move(*, actor, item: AgendaItem, up: bool) -> AgendaItem:
    """Swap the item with its neighbour above (`up`) or below; renumbers the agenda."""
    meeting = _lock_open(item.meeting)
    items = list(meeting.items.order_by("order", "id"))
    index = next((i for i, other in enumerate(items) if other.pk == item.pk), None)
    if index is None:  # removed from the agenda a moment ago
        return item
    other = index - 1 if up else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
        for order, each in enumerate(items):
            if each.order != order:
                each.order = order
                each.save(update_fields=["order"])
        _log(
            actor,
            "portfolio.board.item_moved",
            meeting,
            data={"case": item.case.title, "position": other + 1},
        )
    item.refresh_from_db()
    return item


def decided_by_text(meeting: BoardMeeting) -> str:
    return (_("Portfolio board: %(title)s") % {"title": meeting.title})[:200]


def _lock_item(item: AgendaItem, expected_phase, expected_status) -> None:
    """Lock the meeting, the item and its case (in that order, as every board write does) and
    refuse a decision chosen for a case or an item that has moved on since the form was
    opened: two members recording at once give one decision, not two."""
    meeting = _lock_open(item.meeting)
    lock(item)
    item.meeting = meeting
    if refusal := item_decided_refusal(item):
        raise StaleState(refusal)
    stale = case_gate_stale(
        case=lock(item.case), expected_phase=expected_phase, expected_status=expected_status
    )
    if stale:
        raise StaleState(stale)


def _validate_decision(
    item, decision, confirm_warnings, override_reason, comment=""
) -> DecisionCheck:
    if refusal := decision_date_refusal(item.meeting):
        raise ValidationError(refusal)
    result = agenda_decision_check(item=item, decision=decision)
    errors: dict[str, list[str]] = {}
    if refusal := decision_comment_refusal(gate=result.gate, comment=comment):
        errors["comment"] = [refusal]
    if result.check.blockers:
        errors["decision"] = list(result.check.blockers)
    elif result.check.warnings and not confirm_warnings:
        errors["confirm_warnings"] = [
            _("Confirm that the board has considered the warnings before recording.")
        ]
    if result.check.requires_override and not (override_reason or "").strip():
        errors.setdefault("override_reason", []).append(
            _("Give a reason for going on without recorded insight.")
        )
    if errors:
        raise ValidationError(errors)
    return result


@transaction.atomic
def agenda_item_decide(
    *,
    actor,
    item: AgendaItem,
    decision: str,
    comment: str = "",
    confirm_warnings: bool = False,
    override_reason: str = "",
    expected_phase: int | None = None,
    expected_status: str | None = None,
) -> AgendaItem:
    """Record the board's decision on a case: gate decision (when it maps to one), decision
    log entry and the agenda item, all or nothing. `expected_phase`/`expected_status` are the
    case's state the decision form was shown for."""
    _lock_item(item, expected_phase, expected_status)
    result = _validate_decision(item, decision, confirm_warnings, override_reason, comment)
    meeting, case = item.meeting, item.case
    decided_by = decided_by_text(meeting)
    if result.gate is not None:
        item.gate_decision = case_gate_decide(
            actor=actor,
            case=case,
            decision=result.gate,
            decided_by=decided_by,
            decided_on=meeting.held_on,
            basis=comment,
            reason=comment,
            override_reason=override_reason if result.check.requires_override else "",
            expected_phase=case.phase,
            expected_status=case.status,
        )
    title = f"{result.label}: {meeting.title}"[:200]
    item.case_decision = case_record_create(
        actor=actor,
        case=case,
        kind="decision",
        values={
            "title": title,
            "description": comment,
            "decided_by": decided_by,
            "decided_on": meeting.held_on,
        },
    )
    item.decision, item.comment, item.decided_at = decision, comment, timezone.now()
    item.save(update_fields=["decision", "comment", "case_decision", "gate_decision", "decided_at"])
    _log(
        actor,
        "portfolio.board.decided",
        meeting,
        after={"decision": result.label},
        data={"case": case.title, "gate": item.gate_decision_id, "comment": comment[:200]},
    )
    return item
