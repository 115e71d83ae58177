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
    MANGLED,
    assert_second_save_is_refused_then_deliberate,
    assert_unreadable_version_is_refused,
    form_data,
    loaded_state,
    mangle,
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


@pytest.mark.parametrize("how", MANGLED)
@pytest.mark.parametrize("name", sorted(EDITS))
def test_edit_without_a_readable_version_is_refused(name, how, org, challenge, coordinator):
    make, url = EDITS[name]
    field, model = FIELDS[name]
    obj = make(org, coordinator, challenge)
    assert_unreadable_version_is_refused(
        url=url(obj, challenge),
        field=field,
        client=signed_in(coordinator),
        saved=_saved(model, obj.pk, field),
        how=how,
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


@pytest.mark.parametrize("how", MANGLED)
def test_status_form_without_a_readable_status_is_refused(how, org, challenge, leader):
    client = signed_in(leader)
    url = _url("status", challenge_id=challenge.pk)
    post = mangle({"status": "prioritised", "reason": "Viktig"}, ["expected_status"], how)

    response = client.post(url, post)

    assert response.status_code == 409
    form = response.context["form"]
    assert [e.code for e in form.non_field_errors().as_data()] == ["stale"]
    assert form["reason"].value() == "Viktig"
    with scope(organisation=org.pk):
        assert Challenge.objects.get(pk=challenge.pk).status == "candidate"
    # Shown again for the status the floke has now: sending it again is a deliberate change.
    assert client.post(url, form_data(form)).status_code == 302
    with scope(organisation=org.pk):
        assert Challenge.objects.get(pk=challenge.pk).status == "prioritised"


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


def _weights(org):
    with scope(organisation=org.pk):
        return {c.pk: c.weight for c in Criterion.objects.filter(organisation=org)}


def _send(how, pk, data):
    """A weights POST as the page sends it: one field alone (htmx) or the whole form."""
    if how.startswith("one field"):
        return {**data, "only": str(pk)}, {"HTTP_HX_REQUEST": "true"}
    return data, {}


@pytest.mark.parametrize("how", ["one field at a time (htmx)", "the whole form (no script)"])
def test_a_weight_changed_from_a_page_opened_before_someone_changed_it_is_refused(
    how, org, coordinator, leader, criteria
):
    url = _url("matrix_weights")
    loaded = form_data(signed_in(coordinator).get(_url("matrix")).context["weights_form"])
    first, second = criteria[0], criteria[1]
    their = {f"weight_{first.pk}": "5", f"weight_{second.pk}": "7"}
    signed_in(leader).post(url, {**loaded, **their})
    client = signed_in(coordinator)

    data, headers = _send(how, first.pk, {**loaded, f"weight_{first.pk}": "3"})
    response = client.post(url, data, **headers)

    assert _weights(org)[first.pk] == 5, "the first change of this weight was overwritten"
    page = response.content.decode()
    assert 'id="weights-errors"' in page and f"{first.name}: 5" in page
    if headers:  # the ranking is swapped (htmx swaps only a success); the field keeps 3
        assert response.status_code == 200
        # The page learns the weight saved now, out of band: changing it again is deliberate.
        assert f'name="was_{first.pk}" value="5"' in page
        again = {**data, f"was_{first.pk}": "5"}
    else:
        assert response.status_code == 409
        form = response.context["weights_form"]
        assert form[f"weight_{first.pk}"].value() == "3"  # what was typed is kept
        # The weight nobody here touched is shown as saved now, so sending does not undo it.
        assert form[f"weight_{second.pk}"].value() == "7"
        again = form_data(form)
    client.post(url, again, **headers)
    assert (_weights(org)[first.pk], _weights(org)[second.pk]) == (3, 7)


def test_a_weight_saved_alone_twice_from_one_page_is_not_a_conflict(org, coordinator, criteria):
    url = _url("matrix_weights")
    client = signed_in(coordinator)
    loaded = form_data(client.get(_url("matrix")).context["weights_form"])
    pk = criteria[0].pk
    data, headers = _send("one field", pk, {**loaded, f"weight_{pk}": "4"})
    saved = client.post(url, data, **headers)
    assert f'name="was_{pk}" value="4"' in saved.content.decode()  # the page now knows 4

    data, headers = _send("one field", pk, {**loaded, f"was_{pk}": "4", f"weight_{pk}": "6"})
    client.post(url, data, **headers)

    assert _weights(org)[pk] == 6


@pytest.mark.parametrize("mangled", MANGLED)
@pytest.mark.parametrize("how", ["one field at a time (htmx)", "the whole form (no script)"])
def test_weights_without_the_loaded_weights_are_refused(how, mangled, org, coordinator, criteria):
    url = _url("matrix_weights")
    page = signed_in(coordinator).get(_url("matrix")).context["weights_form"]
    pk = criteria[0].pk
    typed = mangle({**form_data(page), f"weight_{pk}": "8"}, loaded_state(page), mangled)
    data, headers = _send(how, pk, typed)

    response = signed_in(coordinator).post(url, data, **headers)

    assert response.status_code == (200 if headers else 409)
    assert 'id="weights-errors"' in response.content.decode()
    assert set(_weights(org).values()) == {1}
