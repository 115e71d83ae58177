"""The decision matrix: weights (htmx and without), own scores, criteria."""

from django_scopes import scope

from slik.challenges.models import Criterion, CriterionScore
from slik.core.tests.edit_conflict import loaded

from .conftest import url


def test_matrix_pages_by_role(personas, org, client_as, challenge):
    expected = {
        "coordinator": 200,
        "leader": 200,
        "project_leader": 200,
        "employee": 200,
        "politician": 403,
        "observer": 200,
    }
    for role, status in expected.items():
        assert client_as(personas[role]).get(url("matrix", org)).status_code == status
        criteria_status = 200 if role in ("coordinator", "leader") else 403
        assert client_as(personas[role]).get(url("criteria", org)).status_code == criteria_status


def _weights(criteria, values):
    """A weights POST from a page loaded now: each weight and the weight it started from."""
    with scope(organisation=criteria[0].organisation_id):
        now = {c.pk: c.weight for c in Criterion.objects.filter(pk__in=[c.pk for c in criteria])}
    return {
        **{f"was_{pk}": str(weight) for pk, weight in now.items()},
        **{f"weight_{c.pk}": str(v) for c, v in zip(criteria, values, strict=True)},
    }


def test_weights_htmx_returns_ranked_partial(org, coordinator, client_as, criteria, challenge):
    client = client_as(coordinator)
    response = client.post(
        url("matrix_weights", org), _weights(criteria, [5, 1, 0]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert b'id="matrix-ranking"' in response.content and b"<html" not in response.content
    with scope(organisation=org.pk):
        assert [c.weight for c in Criterion.objects.filter(organisation=org)] == [5, 1, 0]


def test_weights_without_js_redirects_and_errors_keep_input(
    org, coordinator, employee, client_as, criteria
):
    client = client_as(coordinator)
    response = client.post(url("matrix_weights", org), _weights(criteria, [2, 2, 2]))
    assert response.status_code == 302 and response.url == url("matrix", org)
    bad = client.post(url("matrix_weights", org), _weights(criteria, [2, 99, "x"]))
    assert bad.status_code == 200
    assert b'value="99"' in bad.content and b'id="weights-errors"' in bad.content
    with scope(organisation=org.pk):
        assert [c.weight for c in Criterion.objects.filter(organisation=org)] == [2, 2, 2]
    assert (
        client_as(employee)
        .post(url("matrix_weights", org), _weights(criteria, [1, 1, 1]))
        .status_code
        == 403
    )


def test_score_form_shows_only_own_scores(
    org, leader, second_leader, coordinator, client_as, criteria, challenge
):
    score_url = url("score", org, challenge_id=challenge.pk)
    field = f"criterion_{criteria[0].pk}"
    assert client_as(coordinator).get(score_url).status_code == 403
    assert client_as(second_leader).post(score_url, {field: "2"}).status_code == 302
    client = client_as(leader)
    assert client.post(score_url, {field: "9"}).status_code == 200
    assert client.post(score_url, {field: "4"}).status_code == 302
    page = client.get(score_url).content.decode()
    assert '<option value="4" selected>' in page and '<option value="2" selected>' not in page
    with scope(organisation=org.pk):
        assert CriterionScore.objects.filter(challenge=challenge).count() == 2


def test_criteria_management(org, coordinator, client_as, criteria):
    client = client_as(coordinator)
    assert client.post(url("criteria", org), {"name": "", "weight": "3"}).status_code == 200
    assert client.post(url("criteria", org), {"name": "Behov", "weight": "3"}).status_code == 302
    edit = url("criterion_edit", org, criterion_id=criteria[0].pk)
    state = loaded(client, edit)
    assert client.post(edit, {**state, "name": "Letthet", "weight": "11"}).status_code == 200
    assert client.post(edit, {**state, "name": "Letthet", "weight": "4"}).status_code == 302
    assert client.get(url("criterion_toggle", org, criterion_id=criteria[0].pk)).status_code == 405
    toggle = url("criterion_toggle", org, criterion_id=criteria[0].pk)
    assert client.post(toggle, {"active": "0"}).status_code == 302
    with scope(organisation=org.pk):
        first = Criterion.objects.get(pk=criteria[0].pk)
        assert (first.weight, first.is_active) == (4, False)
        assert Criterion.objects.filter(organisation=org).count() == 4


def test_weight_inputs_match_django_markup():
    """The plain weight input writes what django/forms/widgets/input.html would, with the
    save-alone htmx attributes, a value, no value, and errors (aria-invalid)."""
    from types import SimpleNamespace

    from django import forms as django_forms

    from slik.challenges.forms import PlainInput, WeightsForm

    criteria = [SimpleNamespace(pk=7, name="Nytte «x»", weight=3)]
    for data in (None, {"weight_7": "4", "was_7": "3"}, {"weight_7": "x", "was_7": "3"}, {}):
        plain = WeightsForm(data, criteria=criteria, save_url="/k/a/?b=1&c=2")
        django = WeightsForm(data, criteria=criteria, save_url="/k/a/?b=1&c=2")
        field = django.fields["weight_7"]
        field.widget = django_forms.NumberInput(attrs=field.widget.attrs)
        assert isinstance(plain.fields["weight_7"].widget, PlainInput)
        if data is not None:
            plain.is_valid(), django.is_valid()
        assert str(plain["weight_7"]) == str(django["weight_7"])
        assert plain["weight_7"].as_field_group() == django["weight_7"].as_field_group()
