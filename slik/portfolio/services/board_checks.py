"""The checks of board meetings: what the pages show before a change and what the writes in
services/board.py refuse, from the same functions (check/execute pairs).

A `*_refusal` function returns why a change is refused, or "" when it is allowed. A board
decision maps onto a gate decision (or onto the decision log only); its check is the cases
app's gate check, so the board can never do what a gate decision would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from slik.cases.models import Case, GateDecision, Phase
from slik.cases.services import GateCheck, case_gate_check
from slik.cases.services.gates import not_before_message

from ..models import AgendaItem, BoardMeeting

BoardDecision = AgendaItem.Decision
Gate = GateDecision.Decision

# The board's decision → the gate decision it records (None: the decision log only).
GATE_FOR_DECISION = {
    BoardDecision.START: None,
    BoardDecision.CONTINUE: Gate.GO,
    BoardDecision.ADJUST: Gate.ADJUST,
    BoardDecision.PAUSE: Gate.POSTPONE,
    BoardDecision.STOP: Gate.STOP,
    BoardDecision.SCALE: None,
    BoardDecision.HAND_OVER: Gate.GO,  # only from Piloting; see gate_for()
}


def meeting_open_refusal(meeting: BoardMeeting) -> str:
    """Approved minutes are final: the meeting and its agenda no longer change."""
    if meeting.is_closed:
        return _("The minutes are approved; the meeting can no longer change.")
    return ""


def meeting_delete_refusal(meeting: BoardMeeting, *, has_decisions: bool) -> str:
    if meeting.is_closed or has_decisions:
        return _("A meeting with recorded decisions or approved minutes cannot be deleted.")
    return ""


def item_decided_refusal(item: AgendaItem) -> str:
    """One decision per case and meeting; a recorded one is not replaced."""
    if item.decision:
        return _("The board's decision on this case is already recorded: %(decision)s.") % {
            "decision": item.get_decision_display()
        }
    return ""


def decision_date_refusal(meeting: BoardMeeting) -> str:
    """Decisions carry the meeting's date, so none is recorded before the meeting is held."""
    if meeting.held_on > timezone.localdate():
        return _("Decisions are recorded on or after the day of the meeting.")
    return ""


def gate_for(decision: str, case: Case) -> str | None:
    """The gate decision a board decision records for `case`, or None for the log only."""
    if decision == BoardDecision.HAND_OVER and case.phase != Phase.PILOTERING:
        return None
    return GATE_FOR_DECISION.get(decision)


@dataclass
class DecisionCheck:
    """What the decision form shows before the board records `decision` for a case."""

    decision: str
    label: str
    gate: str | None
    check: GateCheck

    @property
    def to_phase_label(self) -> str:
        if self.gate is None or self.check.to_phase is None:
            return ""
        return str(Phase(self.check.to_phase).label)


def agenda_decision_check(*, item: AgendaItem, decision: str) -> DecisionCheck:
    """The pre-check of one board decision (wagtail's check/execute pair)."""
    if decision not in BoardDecision.values:
        check = GateCheck(blockers=[_("Choose a valid decision.")])
        return DecisionCheck(decision, "", None, check)
    case = item.case
    gate = gate_for(decision, case)
    if gate is None:
        check = GateCheck(to_phase=case.phase)
    else:
        check = case_gate_check(case=case, decision=gate)
        # The gate decision carries the meeting's date, which must not run the case's
        # timeline backwards (a gate decided after the meeting was held, recorded first).
        held_on = item.meeting.held_on
        if check.not_before and held_on < check.not_before:
            check.blockers.append(not_before_message(check.not_before))
    return DecisionCheck(decision, str(BoardDecision(decision).label), gate, check)


def decision_comment_refusal(*, gate: str | None, comment: str) -> str:
    """Stopping a case needs a reason; the board's comment is the reason it records."""
    if gate == Gate.STOP and not (comment or "").strip():
        return _("Give a reason for stopping the case in the comment.")
    return ""


def agenda_decision_checks(*, item: AgendaItem) -> list[DecisionCheck]:
    return [agenda_decision_check(item=item, decision=value) for value in BoardDecision.values]
