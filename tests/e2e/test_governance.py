"""Governance that holds, in the browser: the leader approves the board's minutes and finds the
board's decision final on the case page; stopping the case asks for a reason; a case is made
from a floke with its stakeholders, and the floke is offered the move to «In work». Every page
goes through axe."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope
from playwright.sync_api import expect

from slik.cases.models import Case, CaseDecision
from slik.challenges.models import Challenge, Stakeholder
from slik.portfolio.models import AgendaItem
from slik.portfolio.services import board as board_services

from .conftest import assert_accessible, follow, login, visit


@pytest.fixture
def decided_meeting(org, leader, case):
    """Yesterday's board meeting with one decision on the case, minutes not yet approved."""
    with scope(organisation=org.pk):
        meeting = board_services.board_meeting_create(
            actor=leader,
            organisation=org,
            title="Porteføljerådet november",
            held_on=timezone.localdate() - datetime.timedelta(days=1),
        )
        item = board_services.agenda_item_add(actor=leader, meeting=meeting, case=case)
        board_services.agenda_item_decide(
            actor=leader, item=item, decision=AgendaItem.Decision.SCALE, comment="Spres til Råde."
        )
    return meeting


@pytest.fixture
def floke(org, coordinator):
    with scope(organisation=org.pk):
        floke = Challenge.objects.create(
            organisation=org,
            title="Ensomhet blant eldre på øyene",
            owner=coordinator,
            status=Challenge.Status.PRIORITISED,
        )
        Stakeholder.objects.create(
            organisation=org,
            challenge=floke,
            name="Pårørende",
            interest=5,
            influence=2,
            strategy="keep_informed",
        )
    return floke


def _case_page(page, org, case, label):
    visit(page, reverse("cases:detail", kwargs={"org_slug": org.slug, "case_id": case.pk}), label)
    expect(page.locator("#decisions")).to_be_visible()  # the records section loads after
    assert_accessible(page, f"{label}-records")


def test_minutes_lock_decisions_stop_needs_reason_case_from_floke(
    page, org, leader, case, decided_meeting, floke
):
    login(page, leader)

    # Approve the minutes: the board's entry in the case's decision log becomes final.
    meeting_url = reverse(
        "portfolio:board_detail", kwargs={"org_slug": org.slug, "meeting_id": decided_meeting.pk}
    )
    visit(page, meeting_url, "meeting")
    follow(page, lambda: page.locator("#board-close").click(), "board-close")
    follow(page, lambda: page.locator("main form button[type=submit]").click(), "board-closed")
    with scope(organisation=org.pk):
        entry = CaseDecision.objects.get(case=case)
    assert entry.is_locked
    _case_page(page, org, case, "case-locked")
    row = page.locator(f"#decision-{entry.pk}")
    expect(row).to_contain_text("Porteføljerådet november")
    expect(row.locator("a[href$='/endre/']")).to_have_count(0)
    expect(row.locator("a[href$='/slett/']")).to_have_count(0)
    expect(row.locator(f"a[href$='?corrects={entry.pk}']")).to_have_count(1)

    # Stopping the case asks for a reason; with one, the case is stopped and takes no gates.
    follow(page, lambda: page.locator("#gate-link").click(), "gate-form")
    page.locator("#gate-form input[name=decision][value=stop]").check()
    submit = page.locator("#gate-form button[type=submit]")
    follow(page, submit.click, "stop-without-reason")
    expect(page.locator("#id_reason")).to_have_attribute("aria-invalid", "true")
    with scope(organisation=org.pk):
        assert Case.objects.get(pk=case.pk).status == Case.Status.ACTIVE
    page.locator("#id_reason").fill("Piloten viste ingen effekt.")
    follow(page, submit.click, "stopped")
    with scope(organisation=org.pk):
        assert Case.objects.get(pk=case.pk).status == Case.Status.STOPPED
    _case_page(page, org, case, "case-stopped")
    expect(page.locator("#gate-link")).to_have_count(0)

    # A case made from the floke, with its stakeholders; the floke is offered «In work».
    floke_url = reverse(
        "challenges:detail", kwargs={"org_slug": org.slug, "challenge_id": floke.pk}
    )
    visit(page, floke_url, "floke")
    follow(page, lambda: page.locator("#case-from-floke").click(), "case-from-floke")
    expect(page.locator(f"input[name=challenges][value='{floke.pk}']")).to_be_checked()
    page.locator("#id_title").fill("Besøksvenn på video")
    page.locator("#id_copy_stakeholders").check()
    follow(page, lambda: page.locator("main form button[type=submit]").click(), "case-created")
    with scope(organisation=org.pk):
        created = Case.objects.get(title="Besøksvenn på video")
        assert list(Stakeholder.objects.filter(case=created).values_list("name", flat=True)) == [
            "Pårørende"
        ]
        assert Challenge.objects.get(pk=floke.pk).status == Challenge.Status.PRIORITISED
    offer = page.locator(f"#floke-offer-{floke.pk} a")
    follow(page, offer.click, "floke-status")
    follow(page, lambda: page.locator("main form button[type=submit]").click(), "floke-in-work")
    with scope(organisation=org.pk):
        assert Challenge.objects.get(pk=floke.pk).status == Challenge.Status.IN_WORK
