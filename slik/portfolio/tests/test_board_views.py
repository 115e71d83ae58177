"""Board meeting pages: access, bad input, foreign ids, and a decision through the form."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from slik.cases.models import CaseDecision, Phase
from slik.cases.tests.factories import CaseFactory, set_phase
from slik.core.tests.edit_conflict import loaded

from ..models import AgendaItem, BoardMeeting
from .factories import AgendaItemFactory, BoardMeetingFactory

TODAY = timezone.localdate()
YESTERDAY = TODAY - datetime.timedelta(days=1)


def url(name, org, **kwargs):
    return reverse(f"portfolio:{name}", kwargs={"org_slug": org.slug, **kwargs})


def item_urls(item):
    org = item.meeting.organisation
    ids = {"meeting_id": item.meeting_id, "item_id": item.pk}
    return [url(n, org, **ids) for n in ("agenda_decide", "agenda_remove", "agenda_move")]


def meeting_urls(meeting):
    org = meeting.organisation
    names = ("board_detail", "board_edit", "board_delete", "board_close", "agenda_add")
    return [url(n, org, meeting_id=meeting.pk) for n in names]


def test_staff_see_list_and_meeting(client_as, item, employee):
    client = client_as(employee)
    org = item.meeting.organisation
    assert client.get(url("board_list", org)).status_code == 200
    assert client.get(url("board_list", org), {"q": "mars", "side": "x"}).status_code == 200
    response = client.get(url("board_detail", org, meeting_id=item.meeting_id))
    assert response.status_code == 200
    assert item.case.title in response.content.decode()
    assert client.get(url("board_create", org)).status_code == 403


def test_politician_gets_no_board_pages(client_as, item, politician):
    client = client_as(politician)
    org = item.meeting.organisation
    assert client.get(url("board_list", org)).status_code == 403
    for address in meeting_urls(item.meeting) + item_urls(item):
        assert client.get(address).status_code == 404, address


def test_foreign_meeting_and_item_ids_are_404(client_as, item, outsider, other_org):
    client = client_as(outsider)
    for address in meeting_urls(item.meeting) + item_urls(item):
        foreign = address.replace("/k/hvaler/", f"/k/{other_org.slug}/")
        assert client.get(foreign).status_code == 404, foreign
        assert client.post(foreign, {}).status_code == 404, foreign


def test_item_of_another_meeting_is_404(client_as, item, leader, org):
    other = BoardMeetingFactory(organisation=org, actor=leader, title="Annet møte")
    client = client_as(leader)
    address = url("agenda_decide", org, meeting_id=other.pk, item_id=item.pk)
    assert client.get(address).status_code == 404


def test_create_meeting_bad_input_keeps_values(client_as, leader, org):
    client = client_as(leader)
    response = client.post(url("board_create", org), {"title": "Rådsmøte", "held_on": "32.13.2025"})
    assert response.status_code == 200
    assert 'value="Rådsmøte"' in response.content.decode()
    with scope(organisation=org.pk):
        assert not BoardMeeting.objects.exists()


def test_create_meeting_and_add_case(client_as, leader, org, case):
    client = client_as(leader)
    response = client.post(
        url("board_create", org),
        {"title": "Rådsmøte", "held_on": YESTERDAY.isoformat(), "participants": "Lars"},
    )
    assert response.status_code == 302
    with scope(organisation=org.pk):
        meeting = BoardMeeting.objects.get()
    response = client.post(url("agenda_add", org, meeting_id=meeting.pk), {"case": case.pk})
    assert response.status_code == 302
    bad = client.post(url("agenda_add", org, meeting_id=meeting.pk), {"case": "999999"})
    assert bad.status_code == 200
    assert client.get(url("agenda_add", org, meeting_id=meeting.pk)).status_code == 405
    with scope(organisation=org.pk):
        assert list(meeting.items.values_list("case_id", flat=True)) == [case.pk]


def test_foreign_case_cannot_be_added(client_as, meeting, leader, other_org, outsider):
    foreign = CaseFactory(organisation=other_org, actor=outsider, title="Råde-sak")
    client = client_as(leader)
    org = meeting.organisation
    response = client.post(url("agenda_add", org, meeting_id=meeting.pk), {"case": foreign.pk})
    assert response.status_code == 200
    with scope(organisation=org.pk):
        assert not meeting.items.exists()


def test_decision_form_shows_checks_and_records(client_as, item, leader):
    set_phase(item.case, Phase.INNSIKT)
    client = client_as(leader)
    address = item_urls(item)[0]
    page = client.get(address)
    assert page.status_code == 200
    assert 'id="decision-checks"' in page.content.decode()
    # Needs first: no insight, so continuing asks for an override reason.
    state = loaded(client, address)
    refused = client.post(address, {**state, "decision": "continue", "confirm_warnings": "on"})
    assert refused.status_code == 200
    recorded = client.post(
        address,
        {
            **state,
            "decision": "continue",
            "confirm_warnings": "on",
            "override_reason": "Kjent behov",
        },
    )
    assert recorded.status_code == 302
    item.case.refresh_from_db()
    assert item.case.phase == Phase.TJENESTEUTVIKLING
    with scope(organisation=item.case.organisation_id):
        assert CaseDecision.objects.filter(case=item.case).count() == 1
        assert AgendaItem.objects.get(pk=item.pk).decision == "continue"
    # A decided item redirects back instead of deciding twice.
    assert client.post(address, {"decision": "stop"}).status_code == 302
    item.case.refresh_from_db()
    assert item.case.status == "active"


@pytest.mark.parametrize(
    "data", [{}, {"decision": "nonsense"}, {"decision": "stop", "comment": "x" * 5000}]
)
def test_decision_bad_input_never_500(client_as, item, leader, data):
    response = client_as(leader).post(item_urls(item)[0], data)
    assert response.status_code in (200, 302, 409)  # 409: sent without the state it was for


def test_future_meeting_decision_is_refused_with_message(client_as, org, leader, case):
    future = BoardMeetingFactory(
        organisation=org, actor=leader, held_on=timezone.localdate() + datetime.timedelta(3)
    )
    future_item = AgendaItemFactory(meeting=future, case=case, actor=leader)
    client = client_as(leader)
    address = item_urls(future_item)[0]
    response = client.post(address, {**loaded(client, address), "decision": "start"})
    assert response.status_code == 200
    with scope(organisation=org.pk):
        assert AgendaItem.objects.get(pk=future_item.pk).decision == ""


def test_move_remove_close_and_delete(client_as, item, leader, org, coordinator):
    second = AgendaItemFactory(
        meeting=item.meeting,
        case=CaseFactory(organisation=org, actor=coordinator, title="Sak 2"),
        actor=leader,
    )
    client = client_as(leader)
    move = url("agenda_move", org, meeting_id=item.meeting_id, item_id=second.pk)
    assert client.post(move, {"direction": "up"}).status_code == 302
    with scope(organisation=org.pk):
        assert item.meeting.items.order_by("order").first().pk == second.pk
    remove = url("agenda_remove", org, meeting_id=item.meeting_id, item_id=second.pk)
    assert client.get(remove).status_code == 200
    assert client.post(remove).status_code == 302
    close = url("board_close", org, meeting_id=item.meeting_id)
    assert client.get(close).status_code == 200
    assert client.post(close).status_code == 302
    item.meeting.refresh_from_db()
    assert item.meeting.is_closed
    # Closed: editing is refused with a message, never a 500.
    edit = client.post(
        url("board_edit", org, meeting_id=item.meeting_id),
        {"title": "Nytt", "held_on": YESTERDAY.isoformat(), "version": item.meeting.version},
    )
    assert edit.status_code == 200
    delete = url("board_delete", org, meeting_id=item.meeting_id)
    assert client.post(delete).status_code == 302
    with scope(organisation=org.pk):
        assert BoardMeeting.objects.filter(pk=item.meeting_id).exists()


def test_employee_cannot_change(client_as, item, employee):
    client = client_as(employee)
    for address in meeting_urls(item.meeting)[1:] + item_urls(item):
        assert client.post(address, {}).status_code == 403, address


def test_meeting_list_counts_each_item_once_when_searching(client_as, item, leader, coordinator):
    """The search joins the agenda's cases; the counts are still one per item."""
    org = item.meeting.organisation
    other = CaseFactory(organisation=org, actor=coordinator, title=f"{item.case.title} II")
    AgendaItemFactory(meeting=item.meeting, case=other, actor=leader)
    with scope(organisation=org.pk):
        AgendaItem.objects.filter(pk=item.pk).update(decision="continue")
    response = client_as(leader).get(url("board_list", org), {"q": item.case.title})
    [row] = response.context["page"]
    assert (row.item_count, row.decided_count) == (2, 1)


def test_agenda_form_shows_the_cases_it_accepts(item, coordinator):
    """The meeting page shows the choices it read with the agenda; a submitted form checks
    the choice against the candidates' query. Both list the same cases."""
    from ..forms.board import AgendaAddForm
    from ..selectors import board as selectors

    org, meeting = item.meeting.organisation, item.meeting
    for title in ("Åpen sak", "Tom & <Jerry>", "annen sak"):
        CaseFactory(organisation=org, actor=coordinator, title=title)
    with scope(organisation=org.pk):
        rows = selectors.agenda_rows(meeting=meeting)
        shown = AgendaAddForm(
            shown=selectors.agenda_candidate_rows(organisation=org, agenda=rows)
        ).__html__()
        checked = AgendaAddForm(
            candidates=selectors.agenda_candidates(organisation=org, meeting=meeting)
        ).__html__()
    assert shown == checked
    assert item.case.title not in shown and "Tom &amp; &lt;Jerry&gt;" in shown


def test_meeting_history_is_the_objects_history(item, leader):
    from slik.core.audit import history_for

    from ..selectors import board as selectors
    from ..services import board as services

    meeting = item.meeting
    with scope(organisation=meeting.organisation_id):
        services.board_meeting_update(
            actor=leader, meeting=meeting, title="Nytt navn", held_on=TODAY
        )
        light = selectors.meeting_history(meeting=meeting)
        full = history_for(meeting)
    assert len(light) == 3
    assert [(e.label, e.reads_as(), str(e.actor)) for e in light] == [
        (e.label, e.reads_as(), str(e.actor)) for e in full
    ]


def test_agenda_rows_are_what_the_orm_reads(item, leader, coordinator):
    """The agenda read in SQL: the items in their order, each case's title, phase and status
    and the gate decision an item produced (none here but on the first)."""
    from ..selectors import board as selectors

    meeting, org = item.meeting, item.meeting.organisation
    for title in ("Tom & <Jerry>", "Åpen sak"):
        case = CaseFactory(organisation=org, actor=coordinator, title=title)
        AgendaItemFactory(meeting=meeting, case=case, actor=leader)
    with scope(organisation=org.pk):
        AgendaItem.objects.filter(pk=item.pk).update(decision="continue", comment="Ja")
        orm = (
            AgendaItem.objects.filter(meeting=meeting)
            .order_by("order", "id")
            .values_list(
                "id",
                "decision",
                "comment",
                "gate_decision_id",
                "gate_decision__decision",
                "case_id",
                "case__title",
                "case__phase",
                "case__status",
            )
        )
        rows = selectors.agenda_rows(meeting=meeting)
    assert [tuple(row) for row in rows] == list(orm)
    assert [row.case_title for row in rows][1:] == ["Tom & <Jerry>", "Åpen sak"]
