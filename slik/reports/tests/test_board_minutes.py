"""The minutes of a board meeting as a ReportDocument (the reports app renders it)."""

import pytest
from django.http import Http404
from django.urls import reverse
from django_scopes import scope

from slik.cases.models import Phase
from slik.cases.tests.factories import CaseFactory, set_phase
from slik.portfolio.services import board as services
from slik.portfolio.tests.factories import AgendaItemFactory, BoardMeetingFactory

from .. import registry
from ..definitions import board_minutes


@pytest.fixture
def meeting(org, leader):
    return BoardMeetingFactory(organisation=org, actor=leader)


@pytest.fixture
def item(meeting, org, coordinator, project_leader, leader):
    case = CaseFactory(organisation=org, actor=coordinator, owner=project_leader)
    return AgendaItemFactory(meeting=meeting, case=case, actor=leader)


def test_minutes_are_registered():
    definition = registry.get("board_minutes")
    assert definition is not None
    assert set(definition.formats) == {"docx", "pdf"}
    assert definition.permission == "portfolio.view_board_meeting"


def test_minutes_document_has_header_participants_and_decisions(item, leader, org, coordinator):
    set_phase(item.case, Phase.PILOTERING)
    undecided = AgendaItemFactory(
        meeting=item.meeting,
        case=CaseFactory(organisation=org, actor=coordinator, title="Ventende sak"),
        actor=leader,
    )
    with scope(organisation=org.pk):
        # The checklist is not done, so the board confirms that it weighed the warning.
        services.agenda_item_decide(
            actor=leader,
            item=item,
            decision="hand_over",
            comment="Klar for drift",
            confirm_warnings=True,
        )
        document = board_minutes.build(org, {"meeting_id": item.meeting_id}, leader)
    assert document.organisation_name == org.name
    assert document.date == item.meeting.held_on
    header, people, agenda = document.sections
    values = [value for _, value in header.key_values]
    assert "Porteføljerådet mars" in values and item.meeting.held_on.isoformat() in values
    assert "Lars Leder, kommunedirektør" in people.paragraphs
    table = document.tables()[0]
    assert [row[1] for row in table.rows] == [item.case.title, undecided.case.title]
    first = table.rows[0]
    assert first[0] == 1 and first[4] == "Klar for drift"
    assert first[2] == str(Phase.OVERGANG.label)
    assert len(agenda.subsections) == 2
    assert any("Klar for drift" in p for p in agenda.subsections[0].paragraphs)
    keys = [key for key, _ in agenda.subsections[0].key_values]
    assert len(keys) == 4  # phase, status, decision, gate decision


def test_minutes_of_a_foreign_or_missing_meeting_are_404(meeting, other_org):
    for org, params in ((other_org, {"meeting_id": meeting.pk}), (meeting.organisation, {})):
        with scope(organisation=org.pk), pytest.raises(Http404):
            board_minutes.build(org, params)
    with scope(organisation=meeting.organisation_id), pytest.raises(Http404):
        board_minutes.meeting_for(meeting.organisation, {"meeting_id": "abc"})


def test_minutes_download_link_renders_word(client_as, item, leader):
    org = item.meeting.organisation
    page = client_as(leader).get(
        reverse(
            "portfolio:board_detail", kwargs={"org_slug": org.slug, "meeting_id": item.meeting_id}
        )
    )
    body = page.content.decode()
    assert 'id="minutes-docx"' in body
    link = reverse(
        "reports:render",
        kwargs={"org_slug": org.slug, "key": "board_minutes", "file_format": "docx"},
    )
    response = client_as(leader).get(link, {"meeting_id": item.meeting_id})
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )


def test_minutes_download_is_refused_to_politicians_and_outsiders(
    client_as, item, politician, outsider
):
    org = item.meeting.organisation
    link = reverse(
        "reports:render",
        kwargs={"org_slug": org.slug, "key": "board_minutes", "file_format": "docx"},
    )
    assert client_as(politician).get(link, {"meeting_id": item.meeting_id}).status_code in (
        403,
        404,
    )
    foreign = link.replace("/k/hvaler/", "/k/rade/")
    assert client_as(outsider).get(foreign, {"meeting_id": item.meeting_id}).status_code == 404
