"""Reads of board meetings, always given the organisation. A fixed number of queries each."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from slik.cases.models import Case, GateDecision
from slik.core.audit import HistoryEntry, history_entries
from slik.core.compiled import sql_rows
from slik.core.models import AuditEvent

from ..models import AgendaItem, BoardMeeting

# What a history line shows of an event and its actor (`history_entries`, includes/history.html).
HISTORY_FIELDS = (
    "action",
    "content_type_id",
    "changes",
    "data",
    "created_at",
    "actor__full_name",
    "actor__email",
    "actor__anonymised_at",
)


def _item_count(decided: bool = False):
    """How many items (or decided items) the outer meeting has: a subquery per row, so the
    list's count is a plain count (a join with `GROUP BY` made it count a grouped subquery).
    Bound to the outer meeting, which the outer query keeps in the organisation."""
    items = AgendaItem.objects.with_scopes_disabled().filter(meeting=OuterRef("pk"))
    if decided:
        items = items.exclude(decision="")
    items = items.order_by().values("meeting").annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(items, output_field=IntegerField()), 0)


@cache
def _item_counts() -> dict:
    """Without parameters, so built once; annotate() resolves a copy of each expression."""
    return {"item_count": _item_count(), "decided_count": _item_count(decided=True)}


# What a row of the meeting list shows (`board_meetings`), read as a named tuple.
MEETING_LIST_COLUMNS = ("id", "title", "held_on", "is_closed", "item_count", "decided_count")


def board_meetings(*, organisation, query: str = "", closed: str = ""):
    """The meetings of `organisation`, newest first, with agenda and decision counts, as rows
    of `MEETING_LIST_COLUMNS`."""
    meetings = BoardMeeting.objects.filter(organisation=organisation).annotate(**_item_counts())
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
    return meetings.order_by("-held_on", "-id").values_list(*MEETING_LIST_COLUMNS, named=True)


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


class AgendaRow(NamedTuple):
    """One line of the meeting page's agenda, as read from the database."""

    id: int
    decision: str
    comment: str
    gate_id: int | None
    gate_decision: str | None
    case_id: int
    case_title: str
    case_phase: int
    case_status: str


# The meeting page's two reads of rows, in SQL: Django took longer to build and compile them
# (≈ 0.2 ms each) than the database takes to run them.
ITEMS, CASES = AgendaItem._meta.db_table, Case._meta.db_table
AGENDA_SQL = (
    "SELECT item.id, item.decision, item.comment, item.gate_decision_id, gate.decision,"
    " item.case_id, c.title, c.phase, c.status"
    f" FROM {ITEMS} item"
    f" LEFT OUTER JOIN {GateDecision._meta.db_table} gate ON item.gate_decision_id = gate.id"
    f" INNER JOIN {CASES} c ON item.case_id = c.id"
    ' WHERE item.meeting_id = %s ORDER BY item."order", item.id'
)
CASE_TITLES_SQL = f"SELECT id, title FROM {CASES} WHERE organisation_id = %s ORDER BY title, id"


def agenda_rows(*, meeting: BoardMeeting) -> list[AgendaRow]:
    """The agenda as the meeting page shows it, as rows (one query, no model instances).

    Read without the tenant's join: the items are bound to `meeting`, which the caller
    fetched inside the tenant."""
    return [AgendaRow._make(row) for row in sql_rows(AGENDA_SQL, [meeting.pk])]


def agenda_candidates(*, organisation, meeting: BoardMeeting):
    """Cases that can still be put on the agenda: not on it yet."""
    return (
        Case.objects.filter(organisation=organisation)
        .exclude(pk__in=AgendaItem.objects.filter(meeting=meeting).values("case_id"))
        .only("id", "title", "organisation_id")
        .order_by("title", "id")
    )


def agenda_candidate_rows(*, organisation, agenda: list[AgendaRow]) -> list[tuple[int, str]]:
    """(id, title) of the cases `agenda_candidates` gives, for showing them: the cases on
    the agenda (read by the caller) are left out here rather than by a subquery."""
    on_agenda = {row.case_id for row in agenda}
    rows = sql_rows(CASE_TITLES_SQL, [organisation.pk])
    return [row for row in rows if row[0] not in on_agenda]


def meeting_history(*, meeting: BoardMeeting) -> list[HistoryEntry]:
    """`slik.core.audit.history_for(meeting)` with a lighter read: bound to the meeting (which
    the caller fetched inside the tenant), so without the tenant's filter, which led SQLite
    to the organisation's index instead of the object's; the users' names only."""
    content_type = ContentType.objects.get_for_model(BoardMeeting)
    events = list(
        AuditEvent.objects.with_scopes_disabled()
        .filter(content_type_id=content_type.pk, object_id=meeting.pk)
        .select_related("actor")
        .only(*HISTORY_FIELDS)
        .order_by("-created_at", "-id")[:50]
    )
    for event in events:
        event.content_type = content_type
    return history_entries(events)


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
