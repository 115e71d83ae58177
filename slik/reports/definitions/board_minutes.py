"""The minutes of a board meeting (Word and PDF), ordered from the meeting's page."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from slik.organisations.access import get_in_tenant
from slik.portfolio.models import BoardMeeting
from slik.portfolio.selectors.board import agenda_items

from ..document import ReportDocument, Section, Table
from ..registry import ReportDefinition


def meeting_for(organisation, parameters) -> BoardMeeting:
    """The meeting the rule is checked against; 404 for a foreign, missing or malformed id."""
    meeting_id = (parameters or {}).get("meeting_id")
    return get_in_tenant(BoardMeeting.objects.all(), organisation, pk=meeting_id)


def _item_section(number: int, item) -> Section:
    case = item.case
    decision = item.get_decision_display() if item.decision else _("No decision recorded")
    key_values = [
        (_("Phase"), f"{case.phase}. {case.get_phase_display()}"),
        (_("Status"), case.get_status_display()),
        (_("Decision"), str(decision)),
    ]
    if item.gate_decision_id:
        gate = item.gate_decision
        key_values.append(
            (
                _("Gate decision"),
                f"{gate.get_decision_display()}: {gate.get_from_phase_display()} → "
                f"{gate.get_to_phase_display()}",
            )
        )
    paragraphs = [item.comment] if item.comment else []
    return Section(heading=f"{number}. {case.title}", key_values=key_values, paragraphs=paragraphs)


def build(organisation, parameters, actor=None) -> ReportDocument:
    meeting = meeting_for(organisation, parameters)
    items = agenda_items(meeting=meeting)
    participants = [line.strip() for line in meeting.participants.splitlines() if line.strip()]
    state = _("Minutes approved") if meeting.is_closed else _("Draft minutes (not approved)")
    header = Section(
        heading=_("Meeting"),
        key_values=[
            (_("Meeting"), meeting.title),
            (_("Date"), meeting.held_on.isoformat()),
            (_("Status"), str(state)),
        ],
        paragraphs=[meeting.notes] if meeting.notes else [],
    )
    people = Section(
        heading=_("Participants"),
        paragraphs=participants or [_("No participants recorded.")],
    )
    summary = Table(
        caption=_("Decisions"),
        columns=[_("No."), _("Case"), _("Phase"), _("Decision"), _("Comment")],
        rows=[
            [
                number,
                item.case.title,
                str(item.case.get_phase_display()),
                str(item.get_decision_display()) if item.decision else "",
                item.comment,
            ]
            for number, item in enumerate(items, start=1)
        ],
        sheet=_("Decisions"),
    )
    agenda = Section(
        heading=_("Agenda and decisions"),
        tables=[summary],
        subsections=[_item_section(n, item) for n, item in enumerate(items, start=1)],
    )
    return ReportDocument(
        title=_("Minutes of the portfolio board"),
        subtitle=f"{meeting.title} – {meeting.held_on.isoformat()}",
        organisation_name=organisation.name,
        date=meeting.held_on,
        sections=[header, people, agenda],
    )


DEFINITION = ReportDefinition(
    key="board_minutes",
    title=gettext_lazy("Minutes of the board meeting"),
    formats=("docx", "pdf"),
    permission="portfolio.view_board_meeting",
    build=build,
    permission_object=meeting_for,
    background=False,
    parameters=("meeting_id",),
    # Ordered from the meeting's page, not from the reports list.
    listed=False,
    description=gettext_lazy(
        "Meeting, participants and the board's decision on each case on the agenda."
    ),
)
