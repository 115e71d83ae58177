"""Reads of board meetings, always given the organisation. A fixed number of queries each."""

from __future__ import annotations

from django.db.models import Count, Q

from slik.cases.models import Case

from ..models import AgendaItem, BoardMeeting


def board_meetings(*, organisation, query: str = "", closed: str = ""):
    """The meetings of `organisation`, newest first, with agenda and decision counts."""
    meetings = BoardMeeting.objects.filter(organisation=organisation).annotate(
        item_count=Count("items"), decided_count=Count("items", filter=~Q(items__decision=""))
    )
    if query:
        meetings = meetings.filter(
            Q(title__icontains=query)
            | Q(participants__icontains=query)
            | Q(notes__icontains=query)
            | Q(items__case__title__icontains=query)
        ).distinct()
    if closed == "open":
        meetings = meetings.filter(is_closed=False)
    elif closed == "closed":
        meetings = meetings.filter(is_closed=True)
    return meetings.order_by("-held_on", "-id")


def agenda_items(*, meeting: BoardMeeting) -> list[AgendaItem]:
    """The agenda with cases and the decision records they produced (one query)."""
    items = list(
        meeting.items.select_related("case", "case_decision", "gate_decision").order_by(
            "order", "id"
        )
    )
    for item in items:
        item.meeting = meeting
    return items


def agenda_candidates(*, organisation, meeting: BoardMeeting):
    """Cases that can still be put on the agenda: not on it yet."""
    return (
        Case.objects.filter(organisation=organisation)
        .exclude(agenda_items__meeting=meeting)
        .only("id", "title", "organisation_id")
        .order_by("title", "id")
    )


def agenda_item_in_meeting(*, meeting: BoardMeeting, item_id) -> AgendaItem:
    """AgendaItem.DoesNotExist (or ValueError) when the item is not on this meeting."""
    item = AgendaItem.objects.select_related("case", "case_decision", "gate_decision").get(
        meeting=meeting, pk=item_id
    )
    item.meeting = meeting
    return item


def case_board_items(*, case):
    """The board decisions on one case (for the case page or reports)."""
    return (
        AgendaItem.objects.filter(case=case)
        .exclude(decision="")
        .select_related("meeting")
        .order_by("-meeting__held_on", "-id")
    )
