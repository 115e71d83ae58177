"""Views: status codes, tenancy (foreign ids are 404), form errors, sanitised Markdown."""

import pytest
from django.urls import reverse
from django_scopes import scope

from slik.challenges.models import Challenge, Criterion, CriterionScore, KeyFigure, Stakeholder
from slik.core.tests.edit_conflict import loaded


def url(name, org, **kwargs):
    return reverse(f"challenges:{name}", kwargs={"org_slug": org.slug, **kwargs})


@pytest.fixture
def figure(org, challenge):
    with scope(organisation=org.pk):
        return KeyFigure.objects.create(
            organisation=org, challenge=challenge, label="Eldre", value=10, year=2025
        )


@pytest.fixture
def stakeholder(org, challenge):
    with scope(organisation=org.pk):
        return Stakeholder.objects.create(
            organisation=org,
            challenge=challenge,
            name="Eldrerådet",
            interest=4,
            influence=2,
            strategy=Stakeholder.Strategy.KEEP_INFORMED,
        )


@pytest.fixture
def foreign_objects(other_org, foreign_challenge):
    with scope(organisation=other_org.pk):
        return {
            "challenge_id": foreign_challenge.pk,
            "figure_id": KeyFigure.objects.create(
                organisation=other_org, label="x", value=1, year=2025
            ).pk,
            "criterion_id": Criterion.objects.filter(organisation=other_org).first().pk,
            "stakeholder_id": Stakeholder.objects.create(
                organisation=other_org,
                challenge=foreign_challenge,
                name="x",
                interest=1,
                influence=1,
                strategy="monitor",
            ).pk,
        }


URLS_WITH_IDS = [
    ("detail", ["challenge_id"]),
    ("edit", ["challenge_id"]),
    ("status", ["challenge_id"]),
    ("publish", ["challenge_id"]),
    ("delete", ["challenge_id"]),
    ("score", ["challenge_id"]),
    ("challenge_figures", ["challenge_id"]),
    ("challenge_figure_create", ["challenge_id"]),
    ("challenge_figure_add_ready", ["challenge_id"]),
    ("figure_edit", ["figure_id"]),
    ("figure_delete", ["figure_id"]),
    ("stakeholders", ["challenge_id"]),
    ("stakeholder_create", ["challenge_id"]),
    ("stakeholder_edit", ["challenge_id", "stakeholder_id"]),
    ("stakeholder_delete", ["challenge_id", "stakeholder_id"]),
    ("criterion_edit", ["criterion_id"]),
    ("criterion_toggle", ["criterion_id"]),
]


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize(("name", "kwargs"), URLS_WITH_IDS)
def test_foreign_ids_are_404(org, leader, foreign_objects, client_as, name, kwargs, method):
    client = client_as(leader)
    response = getattr(client, method)(url(name, org, **{k: foreign_objects[k] for k in kwargs}))
    assert response.status_code == 404


@pytest.mark.parametrize(("name", "kwargs"), URLS_WITH_IDS)
def test_missing_ids_are_404(org, leader, client_as, name, kwargs):
    response = client_as(leader).get(url(name, org, **{k: 999999 for k in kwargs}))
    assert response.status_code == 404


def test_outsider_gets_404_everywhere(org, outsider, challenge, client_as):
    client = client_as(outsider)
    for name in ("list", "create", "matrix", "figures", "criteria"):
        assert client.get(url(name, org)).status_code == 404
    assert client.get(url("detail", org, challenge_id=challenge.pk)).status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("coordinator", 200),
        ("leader", 200),
        ("project_leader", 200),
        ("employee", 200),
        ("politician", 200),
        ("observer", 200),
    ],
)
def test_list_for_every_role(personas, org, client_as, role, status, make_challenge):
    make_challenge(org, title="Hemmelig")
    make_challenge(org, title="Åpen", is_published=True)
    response = client_as(personas[role]).get(url("list", org))
    assert response.status_code == status
    assert (b"Hemmelig" in response.content) is (role != "politician")
    assert b"\xc3\x85pen" in response.content


def test_list_search_filter_sort_and_paging(org, employee, client_as, make_challenge, settings):
    settings.PAGE_SIZE = 2
    for title in ("Ørret", "Ål", "Zebra", "Ærfugl"):
        make_challenge(org, title=title)
    make_challenge(org, title="Satt bort", status=Challenge.Status.SET_ASIDE)
    client = client_as(employee)
    assert b"Zebra" not in client.get(url("list", org), {"q": "ål"}).content
    sorted_page = client.get(url("list", org), {"sort": "title", "status": "candidate"}).content
    assert sorted_page.index(b"Zebra") < sorted_page.index("Ærfugl".encode())
    page3 = client.get(url("list", org), {"sort": "title", "side": "3"}).content
    assert "Ål".encode() in page3
    assert (
        client.get(url("list", org), {"status": "bogus", "sector": "x", "side": "z"}).status_code
        == 200
    )
    filtered = client.get(url("list", org), {"status": "set_aside"}).content
    assert b"Satt bort" in filtered and b"Zebra" not in filtered


def test_create_keeps_typed_input_on_error(org, employee, client_as):
    client = client_as(employee)
    response = client.post(url("create", org), {"title": "", "description": "Min tekst her"})
    assert response.status_code == 200
    assert b"Min tekst her" in response.content
    with scope(organisation=org.pk):
        assert not Challenge.objects.exists()


def test_create_and_detail(org, employee, client_as):
    client = client_as(employee)
    with scope(organisation=org.pk):
        sector = org.sectors.filter(is_active=True).first()
    response = client.post(
        url("create", org),
        {
            "title": "Ny floke",
            "description": "**viktig**",
            "sectors": [sector.pk],
            "external_actors": ["users", "voluntary"],
            "owner": employee.pk,
        },
    )
    assert response.status_code == 302
    with scope(organisation=org.pk):
        challenge = Challenge.objects.get()
        assert challenge.external_actors == ["users", "voluntary"]
        assert list(challenge.sectors.all()) == [sector]
    detail = client.get(response.url)
    assert detail.status_code == 200 and b"<strong>viktig</strong>" in detail.content


def test_markdown_is_sanitised(org, employee, client_as, make_challenge):
    challenge = make_challenge(
        org, description="Hei <script>alert(1)</script> [x](javascript:alert(2))"
    )
    content = client_as(employee).get(url("detail", org, challenge_id=challenge.pk)).content
    assert b"<script>alert" not in content
    assert b'href="javascript' not in content


def test_politician_sees_only_published_detail(org, politician, client_as, make_challenge):
    hidden = make_challenge(org, title="Skjult")
    shown = make_challenge(org, title="Synlig", is_published=True)
    client = client_as(politician)
    assert client.get(url("detail", org, challenge_id=hidden.pk)).status_code == 404
    page = client.get(url("detail", org, challenge_id=shown.pk))
    assert page.status_code == 200 and b"history-heading" not in page.content
    assert client.get(url("edit", org, challenge_id=shown.pk)).status_code == 403


def test_edit_by_owner_and_not_by_others(org, employee, project_leader, client_as, make_challenge):
    challenge = make_challenge(org, title="Gammel", owner=employee)
    data = {"title": "Ny tittel", "description": "", "owner": employee.pk, "version": "1"}
    assert (
        client_as(project_leader)
        .post(url("edit", org, challenge_id=challenge.pk), data)
        .status_code
        == 403
    )
    assert (
        client_as(employee).post(url("edit", org, challenge_id=challenge.pk), data).status_code
        == 302
    )
    with scope(organisation=org.pk):
        assert Challenge.objects.get(pk=challenge.pk).title == "Ny tittel"


def test_owner_from_other_organisation_is_refused(org, employee, outsider, client_as, challenge):
    response = client_as(employee).post(url("create", org), {"title": "X", "owner": outsider.pk})
    assert response.status_code == 200  # form error, not saved


def test_status_change(org, employee, leader, client_as, make_challenge):
    challenge = make_challenge(org, owner=employee)
    status_url = url("status", org, challenge_id=challenge.pk)
    data = {"status": "prioritised", "expected_status": "candidate"}
    response = client_as(employee).post(status_url, data)
    assert response.status_code == 200  # not among the employee's choices
    assert client_as(leader).post(status_url, data).status_code == 302
    with scope(organisation=org.pk):
        assert Challenge.objects.get(pk=challenge.pk).status == "prioritised"


def test_publish_delete_flow(org, leader, employee, client_as, challenge):
    client = client_as(leader)
    publish = url("publish", org, challenge_id=challenge.pk)
    assert client.get(publish).status_code == 405
    assert client_as(employee).post(publish, {"publish": "1"}).status_code == 403
    client = client_as(leader)
    assert client.post(publish, {"publish": "1"}).status_code == 302
    delete = url("delete", org, challenge_id=challenge.pk)
    assert client.get(delete).status_code == 200
    with scope(organisation=org.pk):
        assert Challenge.objects.get(pk=challenge.pk).is_published
    assert client.post(delete).status_code == 302
    with scope(organisation=org.pk):
        assert not Challenge.objects.exists()


def test_figure_crud(org, employee, politician, client_as, challenge, figure):
    client = client_as(employee)
    assert client.get(url("figures", org)).status_code == 200
    create = url("challenge_figure_create", org, challenge_id=challenge.pk)
    bad = client.post(create, {"label": "Tall", "value": "mye", "year": "2025"})
    assert bad.status_code == 200 and b'value="Tall"' in bad.content
    assert client.post(create, {"label": "Tall", "value": "3,5", "year": "2025"}).status_code in (
        200,
        302,
    )
    assert client.post(create, {"label": "Tall", "value": "3.5", "year": "2025"}).status_code == 302
    edit = url("figure_edit", org, figure_id=figure.pk)
    data = {**loaded(client, edit), "label": "Eldre", "value": "11", "year": "2024"}
    assert client.post(edit, data).status_code == 302
    assert client.get(url("figure_delete", org, figure_id=figure.pk)).status_code == 200
    # The figure belongs to an unpublished floke: hidden from politicians altogether.
    assert (
        client_as(politician).post(url("figure_delete", org, figure_id=figure.pk)).status_code
        == 404
    )
    assert (
        client_as(employee).post(url("figure_delete", org, figure_id=figure.pk)).status_code == 302
    )
    with scope(organisation=org.pk):
        assert not KeyFigure.objects.filter(pk=figure.pk).exists()


def test_stakeholder_crud_and_grid(org, coordinator, employee, client_as, challenge, stakeholder):
    client = client_as(coordinator)
    listing = client.get(url("stakeholders", org, challenge_id=challenge.pk))
    assert listing.status_code == 200
    assert (
        b'id="stakeholder-grid-spec"' in listing.content
        and b'id="stakeholder-table"' in listing.content
    )
    create = url("stakeholder_create", org, challenge_id=challenge.pk)
    assert client_as(employee).get(create).status_code == 403
    client = client_as(coordinator)
    bad = client.post(
        create, {"name": "Ungdomsrådet", "interest": "9", "influence": "1", "attitude": "unknown"}
    )
    assert bad.status_code == 200 and b"Ungdomsr" in bad.content
    ok = client.post(
        create,
        {
            "name": "Ungdomsrådet",
            "interest": "2",
            "influence": "4",
            "attitude": "positive",
            "strategy": "",
        },
    )
    assert ok.status_code == 302
    with scope(organisation=org.pk):
        assert Stakeholder.objects.get(name="Ungdomsrådet").strategy == "keep_satisfied"
    edit = url("stakeholder_edit", org, challenge_id=challenge.pk, stakeholder_id=stakeholder.pk)
    assert (
        client.post(
            edit,
            {
                **loaded(client, edit),
                "name": "Eldrerådet",
                "interest": "5",
                "influence": "5",
                "attitude": "negative",
                "strategy": "",
            },
        ).status_code
        == 302
    )
    delete = url(
        "stakeholder_delete", org, challenge_id=challenge.pk, stakeholder_id=stakeholder.pk
    )
    assert client.get(delete).status_code == 200
    assert client.post(delete).status_code == 302


def test_stakeholder_of_another_floke_is_404(
    org, coordinator, client_as, make_challenge, stakeholder
):
    other = make_challenge(org, title="Annen")
    edit = url("stakeholder_edit", org, challenge_id=other.pk, stakeholder_id=stakeholder.pk)
    assert client_as(coordinator).get(edit).status_code == 404


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
