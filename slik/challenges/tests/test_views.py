"""Floker views: status codes, tenancy (foreign ids are 404), form errors, sanitised Markdown."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope

from slik.challenges.models import Challenge, Criterion, KeyFigure, Stakeholder

from .conftest import url


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
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["owner"]
    with scope(organisation=org.pk):
        assert not Challenge.objects.filter(title="X").exists()


def test_status_change(org, employee, leader, client_as, make_challenge):
    challenge = make_challenge(org, owner=employee)
    status_url = url("status", org, challenge_id=challenge.pk)
    data = {"status": "prioritised", "expected_status": "candidate"}
    response = client_as(employee).post(status_url, data)
    # Prioritising is the leader group's choice: not offered to the employee, and not made.
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["status"]
    assert "prioritised" not in dict(response.context["form"].fields["status"].choices)
    with scope(organisation=org.pk):
        assert Challenge.objects.get(pk=challenge.pk).status == "candidate"
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


def test_list_query_count_is_constant(org, coordinator, employee, client_as, make_challenge):
    with scope(organisation=org.pk):
        sectors = list(org.sectors.filter(is_active=True)[:2])

    def add(n):
        for i in range(n):
            challenge = make_challenge(org, title=f"Floke {i}", owner=coordinator)
            with scope(organisation=org.pk):
                challenge.sectors.set(sectors)

    client = client_as(employee)
    add(2)
    client.get(url("list", org))
    with CaptureQueriesContext(connection) as few:
        client.get(url("list", org))
    add(18)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url("list", org)).content.count(b'<th scope="row">') == 20
    # Session, user, membership; the organisation's sectors (the filter's options and the
    # rows' names) and the filter's owners; the page, which carries the count (COUNT(*) OVER
    # ()), and the floker's links to their sectors.
    assert len(few.captured_queries) == len(many.captured_queries) == 7


# The list's row as the template wrote it before the rows were written in Python (the loop's
# body, with the line breaks around it).
ROW_TEMPLATE = """
    <tr>
      <th scope="row"><a class="ds-link" href="{{ challenge.detail_url }}">{{ challenge.title }}</a></th>
      <td><span class="ds-tag" data-status="{{ challenge.status }}">{{ challenge.get_status_display }}</span></td>
      <td>{{ challenge.sector_names|default:"–" }}</td>
      <td>{{ challenge.owner|default:"–" }}</td>
      <td>{% if challenge.is_published %}{% translate "Yes" %}{% else %}{% translate "No" %}{% endif %}</td>
    </tr>
  """  # noqa: E501


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_list_rows_are_the_template_rows(
    org, coordinator, employee, client_as, make_challenge, language
):
    """Every kind of value: no owner, an anonymised owner, a title to escape, sectors in the
    organisation's order (their default names in the reader's language), none, published."""
    from django.template import engines
    from django.utils import timezone, translation

    from slik.core.seed import seed_text

    with scope(organisation=org.pk):
        sectors = list(org.sectors.filter(is_active=True))
    make_challenge(org, title="Tom & <Jerry>", owner=None)
    both = make_challenge(org, title="Åpen «floke»", owner=coordinator, is_published=True)
    gone = make_challenge(org, title="Borte", owner=employee, status=Challenge.Status.SET_ASIDE)
    with scope(organisation=org.pk):
        both.sectors.set([sectors[2], sectors[0]])
        gone.sectors.set(sectors[1:2])
    type(employee).objects.filter(pk=employee.pk).update(anonymised_at=timezone.now())
    client = client_as(coordinator)
    client.post(reverse("accounts:set_language"), {"language": language})
    response = client.get(url("list", org))
    template = engines["django"].from_string(ROW_TEMPLATE)
    with translation.override(language), scope(organisation=org.pk):
        shown = list(Challenge.objects.filter(organisation=org).select_related("owner"))
        for challenge in shown:
            challenge.detail_url = url("detail", org, challenge_id=challenge.pk)
            challenge.sector_names = ", ".join(seed_text(s.name) for s in challenge.sectors.all())
        expected = "".join(template.render({"challenge": challenge}) for challenge in shown)
    assert response.context["rows"] == expected
    assert expected in response.content.decode()
    assert "&amp; &lt;Jerry&gt;" in expected and ", " in expected
