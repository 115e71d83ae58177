"""The case page's and its sections' reads, compiled once (slik/core/compiled.py), give what
the querysets gave before: the same rows, values and order, the same rule for who sees what."""

import pytest
from django.db.models import Exists, OuterRef
from django.http import Http404
from django_scopes import scope, scopes_disabled

from slik.accounts.people import user_label
from slik.cases import selectors, services
from slik.cases.models import (
    Case,
    CaseDecision,
    GateDecision,
    Hypothesis,
    Insight,
    PhasePeriod,
    PhaseStep,
)
from slik.challenges.models import Challenge, Stakeholder

from .conftest import TODAY, url
from .factories import CaseFactory
from .test_queries import fill


def _record(case, actor, kind, **values):
    with scope(organisation=case.organisation_id):
        return services.case_record_create(actor=actor, case=case, kind=kind, values=values)


@pytest.fixture
def filled(case, org, leader, project_leader):
    """The case with records of every kind, a correction, a ticked step, stakeholders, a
    second phase and two floker (one unpublished)."""
    with scope(organisation=org.pk):
        Case.objects.filter(pk=case.pk).update(leader=leader)
    fill(case, leader, 3)
    corrected = _record(case, leader, "decision", title="Første", decided_by="x", decided_on=TODAY)
    _record(
        case,
        leader,
        "decision",
        title="Rettelse",
        decided_by="x",
        decided_on=TODAY,
        corrects=corrected,
    )
    with scope(organisation=org.pk):
        shown = Challenge.objects.create(organisation=org, title="Publisert floke")
        hidden = Challenge.objects.create(organisation=org, title="Intern floke")
        Challenge.objects.filter(pk=shown.pk).update(is_published=True)
        case.challenges.add(shown, hidden)
    return case


def _fields(objects, fields):
    return [tuple(getattr(obj, name) for name in fields) for obj in objects]


def test_case_page_reads_the_case_and_its_columns(filled, org, coordinator, leader, project_leader):
    case = selectors.case_page(actor=coordinator, organisation=org, case_id=filled.pk)
    with scopes_disabled():
        stored = Case.objects.get(pk=filled.pk)
        has_stakeholders = Stakeholder.objects.filter(case_id=filled.pk).exists()
    for name in selectors.CASE_PAGE_FIELDS:
        assert getattr(case, name) == getattr(stored, name), name
    assert case.template_version == stored.template.version
    assert case.has_stakeholders is has_stakeholders is True
    assert user_label(case.owner_full_name, case.owner_email, case.owner_anonymised_at) == str(
        project_leader
    )
    assert user_label(case.leader_full_name, case.leader_email, case.leader_anonymised_at) == str(
        leader
    )
    assert case.organisation == org


def test_case_page_of_a_hidden_or_foreign_case_is_404(case, org, other_org, politician):
    with pytest.raises(Http404):
        selectors.case_page(actor=politician, organisation=org, case_id=case.pk)
    foreign = CaseFactory(organisation=other_org, title="Fremmed")
    for case_id in (foreign.pk, 0):
        with pytest.raises(Http404):
            selectors.case_page(actor=politician, organisation=org, case_id=case_id)
    with scope(organisation=org.pk):
        services.case_publish(
            actor=_coordinator_of(org), case=Case.objects.get(pk=case.pk), is_published=True
        )
    shown = selectors.case_page(actor=politician, organisation=org, case_id=case.pk)
    assert shown.pk == case.pk and shown.is_published is True


def _coordinator_of(org):
    from slik.organisations.models import Membership

    return Membership.objects.get(organisation=org, role=Membership.Role.COORDINATOR).user


def test_case_floker_are_the_visible_ones_in_their_order(filled, org, coordinator, politician):
    for actor in (coordinator, politician):
        found = selectors.case_floker(case=filled, actor=actor, organisation=org)
        with scope(organisation=org.pk):
            visible = Challenge.objects.filter(organisation=org, cases=filled)
            if actor == politician:
                visible = visible.filter(is_published=True)
            expected = list(visible)
        fields = selectors.CASE_FLOKER_FIELDS
        assert _fields(found, fields) == _fields(expected, fields)
    titles = [floke.title for floke in found]
    assert titles == ["Publisert floke"]


def test_case_periods_and_checklist_are_the_querysets(filled, org):
    with scopes_disabled():
        periods = PhasePeriod.objects.filter(case_id=filled.pk)
        expected = [(p.phase, p.started_on, p.ended_on) for p in periods]
        steps = PhaseStep.objects.filter(template_id=filled.template_id, phase=filled.phase)
        ticked = filled.step_checks.filter(step_id=OuterRef("pk"), is_done=True)
        checklist = [
            {"step": {"pk": pk, "text": text}, "done": done}
            for pk, text, done in steps.order_by("order", "id")
            .annotate(done=Exists(ticked))
            .values_list("pk", "text", "done")
        ]
    assert [tuple(period) for period in selectors.case_periods(filled)] == expected
    assert selectors.checklist_rows(filled) == checklist
    assert checklist and all(row["done"] for row in checklist)


@pytest.mark.parametrize(
    ("read", "model", "fields"),
    [
        (selectors.case_gates, GateDecision, selectors.GATE_ROW_FIELDS),
        (selectors.case_insights, Insight, selectors.INSIGHT_ROW_FIELDS),
        (selectors.case_hypotheses, Hypothesis, selectors.HYPOTHESIS_ROW_FIELDS),
        (selectors.case_decisions, CaseDecision, selectors.DECISION_ROW_FIELDS),
    ],
)
def test_record_reads_are_the_querysets(filled, read, model, fields):
    found = read(filled)
    with scopes_disabled():
        expected = list(model.objects.filter(case_id=filled.pk))
    assert len(found) == len(expected) >= 3
    assert _fields(found, fields) == _fields(expected, fields)


def test_decisions_carry_what_they_correct(filled):
    decisions = selectors.case_decisions(filled)
    correction = next(d for d in decisions if d.title == "Rettelse")
    assert correction.corrects.title == "Første"
    assert correction.corrects.decided_on == TODAY
    assert not correction.is_locked


def test_locked_decision_keeps_its_time(filled):
    """The datetime converters run as for a queryset: an aware time on every database."""
    from django.utils import timezone

    now = timezone.now().replace(microsecond=0)
    with scopes_disabled():
        CaseDecision.objects.filter(case_id=filled.pk, title="Første").update(
            locked_at=now, locked_by="Styret"
        )
    locked = next(d for d in selectors.case_decisions(filled) if d.title == "Første")
    assert locked.is_locked and locked.locked_at == now and locked.locked_by == "Styret"


def test_sections_read_the_case_inside_the_tenant(filled, org, coordinator, politician):
    case = selectors.case_for_sections(actor=coordinator, organisation=org, case_id=filled.pk)
    with scopes_disabled():
        stored = Case.objects.get(pk=filled.pk)
    for name in selectors.CASE_SECTION_FIELDS:
        assert getattr(case, name) == getattr(stored, name), name
    with pytest.raises(Http404):
        selectors.case_for_sections(actor=politician, organisation=org, case_id=filled.pk)


@pytest.mark.parametrize("key", ["records", "team", "stakeholders", "history"])
def test_sections_of_a_hidden_or_foreign_case_are_404(client_as, politician, outsider, case, key):
    path = f"{url('panels', case)}?panel={key}"
    assert client_as(politician).get(path).status_code == 404
    assert client_as(outsider).get(path).status_code == 404
