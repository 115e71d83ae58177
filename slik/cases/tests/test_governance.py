"""Governance that holds: final decisions stay final, stopping and resuming are explicit, gate
decisions keep the timeline in order and warn about what is missing, and floker move with the
cases that work on them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_scopes import scope

from slik.cases import services
from slik.cases.models import CaseDecision, GateDecision, GateSettings, N3Check, Phase
from slik.challenges.models import Challenge, Stakeholder
from slik.core.tests.edit_conflict import loaded

from .conftest import TODAY, decide, url
from .factories import CaseFactory

Decision = GateDecision.Decision
YESTERDAY = TODAY - datetime.timedelta(days=1)
pytestmark = pytest.mark.django_db


def record_decision(case, actor):
    values = {"title": "Videreføres", "decided_by": "Porteføljerådet", "decided_on": YESTERDAY}
    with scope(organisation=case.organisation_id):
        return services.case_record_create(actor=actor, case=case, kind="decision", values=values)


def lock(decision, actor):
    with scope(organisation=decision.case.organisation_id):
        services.case_decisions_lock(
            actor=actor, decision_ids=[decision.pk], source="Porteføljerådet mars, 28.11.2026"
        )
    decision.refresh_from_db()
    return decision


def all_steps_done(case, actor):
    with scope(organisation=case.organisation_id):
        steps = case.template.steps.filter(phase=case.phase).values_list("pk", flat=True)
        services.case_checklist_set(actor=actor, case=case, phase=case.phase, done_step_ids=steps)


# --- Decisions of approved minutes are final ---------------------------------------------


def test_locked_decision_refuses_change_and_delete(case, coordinator):
    decision = lock(record_decision(case, coordinator), coordinator)
    assert decision.is_locked and "Porteføljerådet mars" in decision.locked_by
    with scope(organisation=case.organisation_id):
        with pytest.raises(services.RecordLocked) as refused:
            services.case_record_update(
                actor=coordinator, record=decision, values={"title": "Stoppes"}
            )
        assert "Porteføljerådet mars" in refused.value.message
        with pytest.raises(services.RecordLocked):
            services.case_record_delete(actor=coordinator, record=decision)
        assert CaseDecision.objects.get(pk=decision.pk).title == "Videreføres"


def test_correction_is_a_new_entry_referring_to_the_old(case, other_org, coordinator, outsider):
    decision = lock(record_decision(case, coordinator), coordinator)
    with scope(organisation=case.organisation_id):
        correction = services.case_record_create(
            actor=coordinator,
            case=case,
            kind="decision",
            values={
                "title": "Rettelse: videreføres med vilkår",
                "decided_by": "Porteføljerådet",
                "decided_on": TODAY,
                "corrects": decision,
            },
        )
        assert list(decision.corrections.all()) == [correction]
    foreign = CaseFactory(organisation=other_org, actor=outsider)
    with scope(organisation=other_org.pk), pytest.raises(ValidationError) as refused:
        services.case_record_create(
            actor=outsider,
            case=foreign,
            kind="decision",
            values={"title": "X", "decided_by": "Y", "decided_on": TODAY, "corrects": decision},
        )
    assert "corrects" in refused.value.message_dict


def test_locked_decision_pages(client_as, case, coordinator):
    decision = lock(record_decision(case, coordinator), coordinator)
    client = client_as(coordinator)
    ids = {"decision_id": decision.pk}
    panel = client.get(url("panels", case), {"panel": "records"}).content.decode()
    assert url("decision_edit", case, **ids) not in panel
    assert url("decision_delete", case, **ids) not in panel
    correct_url = f"{url('decision_add', case)}?corrects={decision.pk}"
    assert correct_url in panel
    # Hidden in the page and refused by address: a clear page with status 409, never a 500.
    for name in ("decision_edit", "decision_delete"):
        response = client.get(url(name, case, **ids))
        assert response.status_code == 409 and 'id="record-locked"' in response.content.decode()
    response = client.post(url("decision_delete", case, **ids))
    assert response.status_code == 409
    response = client.post(url("decision_edit", case, **ids), {"title": "Endret"})
    assert response.status_code == 409
    decision.refresh_from_db()
    assert decision.title == "Videreføres"
    # The correction: a new entry, shown as such on both.
    page = client.get(correct_url)
    assert page.status_code == 200 and 'id="correction-of"' in page.content.decode()
    response = client.post(
        correct_url,
        {
            "title": "Rettelse av vedtak",
            "decided_by": "Porteføljerådet",
            "decided_on": TODAY.strftime("%d.%m.%Y"),
            "corrects": decision.pk,
        },
    )
    assert response.status_code == 302
    with scope(organisation=case.organisation_id):
        correction = CaseDecision.objects.get(title="Rettelse av vedtak")
    assert correction.corrects_id == decision.pk and not correction.is_locked
    panel = client.get(url("panels", case), {"panel": "records"}).content.decode()
    assert url("decision_edit", case, decision_id=correction.pk) in panel
    row = panel.split(f'id="decision-{decision.pk}"')[1].split("</tr>")[0]
    assert "Rettelse av vedtak" in row
    row = panel.split(f'id="decision-{correction.pk}"')[1].split("</tr>")[0]
    assert "Videreføres" in row


def test_unlocked_decision_still_edits(client_as, case, coordinator):
    decision = record_decision(case, coordinator)
    client = client_as(coordinator)
    assert client.get(url("decision_edit", case, decision_id=decision.pk)).status_code == 200


# --- Stopping, resuming ------------------------------------------------------------------


def test_stop_requires_a_reason(case, leader):
    with pytest.raises(ValidationError) as refused:
        decide(case, leader, Decision.STOP)
    assert "reason" in refused.value.message_dict
    decide(case, leader, Decision.STOP, reason="Ingen effekt i piloten")
    case.refresh_from_db()
    assert case.status == "stopped"


def test_stop_form_requires_a_reason(client_as, leader, case):
    client = client_as(leader)
    address = url("gate_create", case)
    data = {
        **loaded(client, address),
        "decision": "stop",
        "decided_by": "Ledergruppen",
        "decided_on": TODAY.isoformat(),
    }
    response = client.post(address, data)
    assert response.status_code == 200 and "reason" in response.context["form"].errors
    case.refresh_from_db()
    assert case.status == "active"


def test_resume_is_explicit(case, leader):
    with pytest.raises(ValidationError):
        decide(case, leader, Decision.RESUME)
    decide(case, leader, Decision.POSTPONE)
    with pytest.raises(ValidationError):
        decide(case, leader, Decision.ADJUST)
    case.refresh_from_db()
    assert case.status == "postponed"
    decide(case, leader, Decision.RESUME)
    case.refresh_from_db()
    assert (case.status, case.phase) == ("active", Phase.FORANKRING)


def test_gate_form_offers_resume_only_for_a_postponed_case(client_as, leader, case):
    client = client_as(leader)
    offered = dict(client.get(url("gate_create", case)).context["form"].fields["decision"].choices)
    assert "resume" not in offered and "adjust" in offered
    decide(case, leader, Decision.POSTPONE)
    offered = dict(client.get(url("gate_create", case)).context["form"].fields["decision"].choices)
    assert "resume" in offered and "adjust" not in offered and "postpone" not in offered


# --- The timeline runs forwards ----------------------------------------------------------


def test_gate_cannot_be_dated_before_the_latest(case, leader):
    decide(case, leader, Decision.GO, decided_on=TODAY)
    with pytest.raises(ValidationError) as refused:
        decide(case, leader, Decision.ADJUST, decided_on=YESTERDAY)
    assert "decided_on" in refused.value.message_dict
    decide(case, leader, Decision.ADJUST, decided_on=TODAY)


def test_gate_form_says_why_an_earlier_date_is_refused(client_as, leader, case):
    decide(case, leader, Decision.GO, decided_on=TODAY)
    client = client_as(leader)
    address = url("gate_create", case)
    page = client.get(address)
    assert TODAY.strftime("%d.%m.%Y") in str(page.context["form"]["decided_on"].help_text)
    data = {
        **loaded(client, address),
        "decision": "adjust",
        "decided_by": "Ledergruppen",
        "decided_on": YESTERDAY.isoformat(),
    }
    response = client.post(address, data)
    assert response.status_code == 200
    assert TODAY.strftime("%d.%m.%Y") in response.context["form"].errors["decided_on"][0]
    with scope(organisation=case.organisation_id):
        assert case.gate_decisions.count() == 1


# --- Checklist and N3 gaps: warn, or block where the organisation chose so ----------------


def test_incomplete_checklist_and_n3_gaps_warn(case, leader, coordinator):
    with scope(organisation=case.organisation_id):
        open_step = case.template.steps.filter(phase=case.phase).first()
        check = services.case_gate_check(case=case, decision=Decision.GO)
    assert any(open_step.text in warning for warning in check.warnings) and not check.blockers
    all_steps_done(case, leader)
    with scope(organisation=case.organisation_id):
        services.case_record_create(
            actor=coordinator,
            case=case,
            kind="n3",
            values={"need": 3, "solution": 1, "driving_force": 3, "team": 0, "anchoring": 2},
        )
        check = services.case_gate_check(case=case, decision=Decision.GO)
    assert len(check.warnings) == 1
    assert str(N3Check._meta.get_field("team").verbose_name) in check.warnings[0]
    assert str(N3Check._meta.get_field("solution").verbose_name) in check.warnings[0]
    decide(case, leader, Decision.GO)  # a warning: the decision can still be recorded


def test_organisation_can_make_the_gaps_block(case, leader, org):
    with scope(organisation=org.pk):
        services.gate_settings_save(actor=leader, organisation=org, readiness="block")
        check = services.case_gate_check(case=case, decision=Decision.GO)
    assert check.blockers and not check.allowed
    with pytest.raises(ValidationError):
        decide(case, leader, Decision.GO)
    all_steps_done(case, leader)
    decide(case, leader, Decision.GO)
    case.refresh_from_db()
    assert case.phase == Phase.INNSIKT


def test_gate_settings_page(client_as, coordinator, leader, case, org):
    client = client_as(coordinator)
    assert client.get(url("gate_settings")).status_code == 200
    assert client.post(url("gate_settings"), {"readiness": "sometimes"}).status_code == 200
    assert client.post(url("gate_settings"), {"readiness": "block"}).status_code == 302
    with scope(organisation=org.pk):
        assert GateSettings.objects.get(organisation=org).readiness == "block"
    page = client_as(leader).get(url("gate_create", case)).content.decode()
    assert 'id="gate-blockers"' in page
    assert client_as(leader).get(url("gate_settings")).status_code == 403


# --- Floker and cases in step --------------------------------------------------------------


@pytest.fixture
def floke(org, coordinator):
    with scope(organisation=org.pk):
        floke = Challenge.objects.create(
            organisation=org,
            title="Ensomhet blant eldre",
            owner=coordinator,
            status=Challenge.Status.PRIORITISED,
        )
        for name, interest, influence in (("Pårørende", 5, 2), ("Frivilligsentralen", 4, 3)):
            Stakeholder.objects.create(
                organisation=org,
                challenge=floke,
                name=name,
                interest=interest,
                influence=influence,
                strategy="keep_informed",
            )
    return floke


def test_case_create_carries_stakeholders_over_on_request(org, coordinator, floke):
    with scope(organisation=org.pk):
        plain = services.case_create(
            actor=coordinator, organisation=org, title="Uten", challenges=[floke]
        )
        copied = services.case_create(
            actor=coordinator,
            organisation=org,
            title="Med",
            challenges=[floke],
            stakeholders_from=floke,
        )
        assert not Stakeholder.objects.filter(case=plain).exists()
        names = set(Stakeholder.objects.filter(case=copied).values_list("name", flat=True))
        assert names == {"Pårørende", "Frivilligsentralen"}
        # The floke keeps its own rows.
        assert Stakeholder.objects.filter(challenge=floke, case=None).count() == 2


def test_create_case_from_floke_page(client_as, leader, org, floke):
    client = client_as(leader)
    ids = {"org_slug": org.slug, "challenge_id": floke.pk}
    floke_page = client.get(reverse("challenges:detail", kwargs=ids)).content.decode()
    create_url = f"{url('create')}?floke={floke.pk}"
    assert create_url in floke_page
    form = client.get(create_url).context["form"]
    assert form.initial["challenges"] == [floke.pk] and "copy_stakeholders" in form.fields
    response = client.post(
        create_url,
        {
            "title": "Digital nabohjelp",
            "challenges": [floke.pk],
            "copy_stakeholders": "on",
            "innovation_type": "incremental",
            "sharing_level": "private",
        },
    )
    assert response.status_code == 302
    with scope(organisation=org.pk):
        case = floke.cases.get()
        assert Stakeholder.objects.filter(case=case).count() == 2
    # The floke's status is offered, not changed: the user confirms on the status form.
    floke.refresh_from_db()
    assert floke.status == Challenge.Status.PRIORITISED
    page = client.get(response.url).content.decode()
    assert f'id="floke-offer-{floke.pk}"' in page
    status_url = reverse("challenges:status", kwargs=ids)
    assert f"{status_url}?status=in_work" in page
    status_form = client.get(f"{status_url}?status=in_work").context["form"]
    assert status_form.initial["status"] == "in_work"


def test_no_offer_once_the_floke_is_in_work_or_for_an_employee(
    client_as, leader, employee, org, floke
):
    with scope(organisation=org.pk):
        case = services.case_create(
            actor=leader, organisation=org, title="Nabohjelp", challenges=[floke]
        )
    offer = f'id="floke-offer-{floke.pk}"'
    assert offer not in client_as(employee).get(url("detail", case)).content.decode()
    with scope(organisation=org.pk):
        Challenge.objects.filter(pk=floke.pk).update(status=Challenge.Status.IN_WORK)
    assert offer not in client_as(leader).get(url("detail", case)).content.decode()


def test_foreign_floke_makes_an_ordinary_new_case(client_as, coordinator, other_org):
    with scope(organisation=other_org.pk):
        foreign = Challenge.objects.create(organisation=other_org, title="Råde")
    response = client_as(coordinator).get(f"{url('create')}?floke={foreign.pk}")
    assert response.status_code == 200
    assert "copy_stakeholders" not in response.context["form"].fields
    assert client_as(coordinator).get(f"{url('create')}?floke=x'").status_code == 200
