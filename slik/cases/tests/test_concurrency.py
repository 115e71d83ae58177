"""Gate decisions raced by two leaders (or one double click), and forms posted after the case
moved on: exactly one decision, a clear refusal for the other, never a 500."""

from functools import partial

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from slik.cases import services
from slik.cases.models import Case, GateDecision, Phase
from slik.core.concurrency import StaleState
from slik.core.tests.edit_conflict import MANGLED, form_data, mangle
from slik.core.tests.threads import run_together

from .conftest import audit_actions, decide
from .factories import set_phase

pytestmark = pytest.mark.django_db(transaction=True)
GO = GateDecision.Decision.GO
TODAY = timezone.localdate()


def _url(case):
    return reverse("cases:gate_create", kwargs={"org_slug": "hvaler", "case_id": case.pk})


def _signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def _loaded_form(client, case, **typed):
    """What the browser posts: the form's hidden fields as loaded, plus what the user typed."""
    form = client.get(_url(case)).context["form"]
    hidden = {field.html_name: field.value() for field in form.hidden_fields()}
    values = {"decision": "go", "decided_by": "Ledergruppen", "decided_on": TODAY.isoformat()}
    return {**hidden, **values, **typed}


def _state(case):
    with scope(organisation=case.organisation_id):
        fresh = Case.objects.get(pk=case.pk)
        return fresh.phase, GateDecision.objects.filter(case=case).count()


@pytest.fixture
def insight_case(case, leader, coordinator):
    """A case in Insight with insight recorded: «go» needs no override."""
    decide(case, leader, GO)
    with scope(organisation=case.organisation_id):
        services.case_record_create(
            actor=coordinator,
            case=case,
            kind="insight",
            values={"kind": "need", "title": "Behov", "description": "", "recorded_on": TODAY},
        )
    return case


@pytest.mark.parametrize("who", ["two leaders", "one double click"])
def test_go_posted_twice_at_once_moves_the_case_one_phase(who, insight_case, leader, second_leader):
    users = (leader, second_leader) if who == "two leaders" else (leader, leader)
    clients = [_signed_in(user) for user in users]
    posts = [_loaded_form(client, insight_case) for client in clients]
    responses = run_together(
        *(partial(c.post, _url(insight_case), d) for c, d in zip(clients, posts, strict=True))
    )
    assert sorted(r.status_code for r in responses) == [302, 409], responses
    assert _state(insight_case) == (Phase.TJENESTEUTVIKLING, 2)


def test_stale_gate_form_posted_later_is_refused_and_keeps_what_was_typed(
    insight_case, leader, second_leader
):
    client = _signed_in(leader)
    stale = _loaded_form(client, insight_case, basis="Notat fra arbeidsmøtet")
    assert (
        _signed_in(second_leader)
        .post(_url(insight_case), _loaded_form(_signed_in(second_leader), insight_case))
        .status_code
        == 302
    )

    response = client.post(_url(insight_case), stale)

    assert response.status_code == 409
    form = response.context["form"]
    assert [e.code for e in form.non_field_errors().as_data()] == ["stale"]
    assert form["basis"].value() == "Notat fra arbeidsmøtet"
    # Shown again for the phase the case is in now: posting it again is a deliberate decision.
    assert form["expected_phase"].value() == str(Phase.TJENESTEUTVIKLING)
    assert _state(insight_case) == (Phase.TJENESTEUTVIKLING, 2)


@pytest.mark.parametrize("how", MANGLED)
def test_gate_form_without_its_loaded_state_is_refused_twice_and_shown_for_now(
    how, insight_case, leader
):
    client = _signed_in(leader)
    typed = _loaded_form(client, insight_case, basis="Notat fra arbeidsmøtet")
    post = mangle(typed, ["expected_phase", "expected_status"], how)

    responses = [client.post(_url(insight_case), post) for _click in range(2)]

    assert [r.status_code for r in responses] == [409, 409]
    assert _state(insight_case) == (Phase.INNSIKT, 1)
    form = responses[-1].context["form"]
    assert [e.code for e in form.non_field_errors().as_data()] == ["stale"]
    assert form["basis"].value() == "Notat fra arbeidsmøtet"
    assert form["expected_phase"].value() == str(Phase.INNSIKT)
    # Sending the form shown again is a decision made on the case as it is now.
    assert client.post(_url(insight_case), form_data(form)).status_code == 302
    assert _state(insight_case) == (Phase.TJENESTEUTVIKLING, 2)


def test_phase_one_race_answers_with_a_message_never_a_500(case, leader, second_leader):
    """From Anchoring the form has no override fields; the loser's decision, checked again in
    Insight without insight, must not fail on the fields its form left out."""
    clients = [_signed_in(leader), _signed_in(second_leader)]
    posts = [_loaded_form(client, case) for client in clients]
    for _run in range(3):
        responses = run_together(
            *(partial(c.post, _url(case), d) for c, d in zip(clients, posts, strict=True))
        )
        assert all(not isinstance(r, Exception) for r in responses), responses
        assert sorted(r.status_code for r in responses) == [302, 409]
        assert _state(case) == (Phase.INNSIKT, 1)
        # Back to Anchoring for the next round, with the hidden fields of the loaded forms.
        set_phase(case, Phase.FORANKRING)
        with scope(organisation=case.organisation_id):
            GateDecision.objects.filter(case=case).delete()


def test_decide_refuses_a_phase_the_case_has_left(insight_case, leader):
    with pytest.raises(StaleState) as refused:
        decide(insight_case, leader, GO, expected_phase=Phase.FORANKRING)
    assert refused.value.code == "stale"
    assert _state(insight_case) == (Phase.INNSIKT, 1)


def test_decide_refuses_a_status_the_case_has_left(insight_case, leader):
    decide(insight_case, leader, GateDecision.Decision.POSTPONE)
    with pytest.raises(StaleState):
        decide(
            insight_case,
            leader,
            GateDecision.Decision.ADJUST,
            expected_phase=Phase.INNSIKT,
            expected_status=Case.Status.ACTIVE,
        )


def test_publishing_twice_from_one_page_logs_once(case, leader):
    with scope(organisation=case.organisation_id):
        for _click in range(2):
            services.case_publish(actor=leader, case=case, is_published=True)
            case.is_published = False  # what the page both clicks came from showed
        assert Case.objects.get(pk=case.pk).is_published
    assert audit_actions(case, "case.published") == ["case.published"]
