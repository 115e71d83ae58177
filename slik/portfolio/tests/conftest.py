"""The portfolio's shared test objects, built with the factories on Hvaler's personas."""

import pytest

from .factories import AgendaItemFactory, BoardMeetingFactory


@pytest.fixture
def meeting(org, leader):
    return BoardMeetingFactory(organisation=org, actor=leader)


@pytest.fixture
def item(meeting, case, leader):
    return AgendaItemFactory(meeting=meeting, case=case, actor=leader)
