"""Lost updates on the challenges app's edit forms (floke, figure, criterion, stakeholder), and
the status change and the criterion switch asked twice."""

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from slik.challenges import services
from slik.challenges.models import Challenge, Criterion, KeyFigure, Stakeholder
from slik.core.concurrency import StaleState
from slik.core.models import AuditEvent
from slik.core.tests.edit_conflict import (
    assert_second_save_is_refused_then_deliberate,
    form_data,
    signed_in,
)


def _url(name, **kwargs):
    return reverse(f"challenges:{name}", kwargs={"org_slug": "hvaler", **kwargs})


def _saved(model, pk, field):
    def read():
        with scopes_disabled():
            return getattr(model.objects.get(pk=pk), field)

    return read


def _figure(org, actor, challenge):
    with scope(organisation=org.pk):
        return services.key_figure_create(
            actor=actor,
            organisation=org,
            challenge=challenge,
            label="Andel eldre",
            value=12,
            unit="%",
            year=2024,
        )


def _criterion(org, actor, challenge):
    with scope(organisation=org.pk):
        return services.criterion_create(actor=actor, organisation=org, name="Gevinst")


def _stakeholder(org, actor, challenge):
    with scope(organisation=org.pk):
        return services.stakeholder_create(
            actor=actor,
            organisation=org,
            challenge=challenge,
            name="Eldrerådet",
            interest=4,
            influence=2,
        )


# name → (make the object, its URL, the field both change, its model)
EDITS = {
    "challenge": (lambda org, actor, ch: ch, lambda o, ch: _url("edit", challenge_id=o.pk)),
    "figure": (_figure, lambda o, ch: _url("figure_edit", figure_id=o.pk)),
    "criterion": (_criterion, lambda o, ch: _url("criterion_edit", criterion_id=o.pk)),
    "stakeholder": (
        _stakeholder,
        lambda o, ch: _url("stakeholder_edit", challenge_id=ch.pk, stakeholder_id=o.pk),
    ),
}
FIELDS = {
    "challenge": ("title", Challenge),
    "figure": ("label", KeyFigure),
    "criterion": ("name", Criterion),
    "stakeholder": ("name", Stakeholder),
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_edit_keeps_the_first_save_and_shows_it_to_the_second(
    name, org, challenge, coordinator, leader
):
    make, url = EDITS[name]
    field, model = FIELDS[name]
    obj = make(org, coordinator, challenge)
    assert_second_save_is_refused_then_deliberate(
        url=url(obj, challenge),
        field=field,
        first=(leader, signed_in(leader)),
        second=(coordinator, signed_in(coordinator)),
        saved=_saved(model, obj.pk, field),
    )


def test_status_form_opened_before_another_change_is_refused(org, challenge, leader):
    client = signed_in(leader)
    url = _url("status", challenge_id=challenge.pk)
    hidden = {"expected_status": client.get(url).context["form"]["expected_status"].value()}
    with scope(organisation=org.pk):
        services.challenge_set_status(actor=leader, challenge=challenge, status="set_aside")

    response = client.post(url, {**hidden, "status": "prioritised", "reason": "Viktig"})

    assert response.status_code == 409
    assert response.context["form"]["reason"].value() == "Viktig"
    with scope(organisation=org.pk):
        assert Challenge.objects.get(pk=challenge.pk).status == "set_aside"


def test_asking_for_the_status_the_floke_has_changes_nothing(org, challenge, leader):
    with scope(organisation=org.pk):
        for _click in range(2):
            services.challenge_set_status(
                actor=leader, challenge=challenge, status="prioritised", expected_status="candidate"
            )
        assert AuditEvent.objects.filter(action="challenge.status.changed").count() == 1
        with pytest.raises(StaleState):
            services.challenge_set_status(
                actor=leader, challenge=challenge, status="set_aside", expected_status="candidate"
            )


def test_taking_a_criterion_out_of_use_twice_leaves_it_out(org, coordinator):
    criterion = _criterion(org, coordinator, None)
    client = signed_in(coordinator)
    url = _url("criterion_toggle", criterion_id=criterion.pk)
    for _click in range(2):  # both clicks on the button the page showed
        assert client.post(url, {"active": "0"}).status_code == 302
    with scope(organisation=org.pk):
        assert Criterion.objects.get(pk=criterion.pk).is_active is False


def test_publishing_twice_from_one_page_logs_once(org, challenge, leader):
    with scope(organisation=org.pk):
        for _click in range(2):
            services.challenge_set_published(actor=leader, challenge=challenge, is_published=True)
            challenge.is_published = False  # what the page both clicks came from showed
        assert AuditEvent.objects.filter(action="challenge.published").count() == 1


@pytest.mark.parametrize("how", ["one field at a time (htmx)", "the whole form (no script)"])
def test_weights_from_a_page_opened_before_another_change_keep_that_change(
    how, org, coordinator, leader, criteria
):
    url = _url("matrix_weights")
    page = signed_in(coordinator).get(_url("matrix")).context["weights_form"]
    loaded = form_data(page)  # every weight 1, as the page was opened
    first, second = criteria[0], criteria[1]
    signed_in(leader).post(url, {**form_data(page), f"weight_{first.pk}": "5"})

    typed = {**loaded, f"weight_{second.pk}": "3"}
    if how.startswith("one field"):
        typed["only"] = str(second.pk)
    signed_in(coordinator).post(url, typed, HTTP_HX_REQUEST="true")

    with scope(organisation=org.pk):
        weights = {c.pk: c.weight for c in Criterion.objects.filter(organisation=org)}
    assert (weights[first.pk], weights[second.pk]) == (5, 3)
