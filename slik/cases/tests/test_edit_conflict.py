"""Lost updates on the cases app's edit forms: the case, each kind of case record and the
roadmap. Two people save the same form; the second is shown the first one's change."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from slik.cases import services
from slik.cases.models import Case, GateDecision, Phase
from slik.core.concurrency import EditConflict
from slik.core.tests.edit_conflict import (
    MANGLED,
    assert_second_save_is_refused_then_deliberate,
    assert_unreadable_version_is_refused,
    signed_in,
)
from slik.organisations.models import Membership

from .conftest import decide

TODAY = timezone.localdate()

# kind → (the text field both people change, the values it is created with)
RECORDS = {
    "insight": ("title", {"kind": "need", "title": "Behov", "recorded_on": TODAY}),
    "hypothesis": ("statement", {"statement": "Ungdom vil", "result": "open"}),
    "decision": ("title", {"title": "Budsjett", "decided_by": "RM", "decided_on": TODAY}),
    "n3": (
        "comment",
        {"need": 3, "solution": 2, "driving_force": 1, "team": 0, "anchoring": 3},
    ),
    "responsibility": ("area", {"name": "NAV", "area": "Drift", "raci": "C"}),
    "stakeholder": ("name", {"name": "Elevrådet", "interest": 4, "influence": 2}),
}


def _url(name, **kwargs):
    return reverse(f"cases:{name}", kwargs={"org_slug": "hvaler", **kwargs})


def _saved(model, pk, field):
    def read():
        with scopes_disabled():
            return getattr(model.objects.get(pk=pk), field)

    return read


def test_case_edit_keeps_the_first_save_and_shows_it_to_the_second(
    case, project_leader, coordinator
):
    assert_second_save_is_refused_then_deliberate(
        url=_url("edit", case_id=case.pk),
        field="title",
        first=(project_leader, signed_in(project_leader)),
        second=(coordinator, signed_in(coordinator)),
        saved=_saved(Case, case.pk, "title"),
    )


@pytest.mark.parametrize("kind", sorted(RECORDS))
def test_record_edit_keeps_the_first_save_and_shows_it_to_the_second(
    kind, case, project_leader, coordinator
):
    field, values = RECORDS[kind]
    with scope(organisation=case.organisation_id):
        record = services.case_record_create(actor=coordinator, case=case, kind=kind, values=values)
    assert_second_save_is_refused_then_deliberate(
        url=_url(f"{kind}_edit", case_id=case.pk, **{f"{kind}_id": record.pk}),
        field=field,
        first=(project_leader, signed_in(project_leader)),
        second=(coordinator, signed_in(coordinator)),
        saved=_saved(type(record), record.pk, field),
    )


def test_roadmap_edit_keeps_the_first_version_and_shows_it_to_the_second(
    org, coordinator, make_user
):
    other = make_user("koordinator2@hvaler.test", "Kim Koordinator")
    Membership.objects.create(user=other, organisation=org, role="coordinator")

    def first_step():
        with scope(organisation=org.pk):
            latest = services.latest_template(org)
            return latest.steps.filter(phase=Phase.FORANKRING).first().text

    assert_second_save_is_refused_then_deliberate(
        url=_url("roadmap_edit"),
        field=f"phase_{Phase.FORANKRING}",
        first=(coordinator, signed_in(coordinator)),
        second=(other, signed_in(other)),
        saved=first_step,
    )


@pytest.mark.parametrize("how", MANGLED)
def test_case_edit_without_a_readable_version_is_refused(how, case, coordinator):
    assert_unreadable_version_is_refused(
        url=_url("edit", case_id=case.pk),
        field="title",
        client=signed_in(coordinator),
        saved=_saved(Case, case.pk, "title"),
        how=how,
    )


@pytest.mark.parametrize("how", MANGLED)
@pytest.mark.parametrize("kind", sorted(RECORDS))
def test_record_edit_without_a_readable_version_is_refused(kind, how, case, coordinator):
    field, values = RECORDS[kind]
    with scope(organisation=case.organisation_id):
        record = services.case_record_create(actor=coordinator, case=case, kind=kind, values=values)
    assert_unreadable_version_is_refused(
        url=_url(f"{kind}_edit", case_id=case.pk, **{f"{kind}_id": record.pk}),
        field=field,
        client=signed_in(coordinator),
        saved=_saved(type(record), record.pk, field),
        how=how,
    )


@pytest.mark.parametrize("how", MANGLED)
def test_roadmap_edit_without_a_readable_version_is_refused(how, org, coordinator):
    def first_step():
        with scope(organisation=org.pk):
            latest = services.latest_template(org)
            return latest.steps.filter(phase=Phase.FORANKRING).first().text

    assert_unreadable_version_is_refused(
        url=_url("roadmap_edit"),
        field=f"phase_{Phase.FORANKRING}",
        client=signed_in(coordinator),
        saved=first_step,
        how=how,
    )


def test_case_update_never_writes_back_a_phase_decided_meanwhile(case, leader, coordinator):
    decide(case, leader, GateDecision.Decision.GO)  # the case in the database is in Insight
    with scope(organisation=case.organisation_id):
        copy = Case.objects.get(pk=case.pk)
        copy.phase = Phase.FORANKRING  # what an instance read before the decision holds
        services.case_update(actor=coordinator, case=copy, title="Nytt navn")
        fresh = Case.objects.get(pk=case.pk)
    assert (fresh.title, fresh.phase) == ("Nytt navn", Phase.INNSIKT)


def test_case_update_with_an_old_version_is_refused(case, coordinator):
    with scope(organisation=case.organisation_id):
        services.case_update(actor=coordinator, case=case, title="Først", version=1)
        with pytest.raises(EditConflict) as conflict:
            services.case_update(actor=coordinator, case=case, title="Etterpå", version=1)
        assert conflict.value.current.title == "Først"
        assert Case.objects.get(pk=case.pk).title == "Først"
