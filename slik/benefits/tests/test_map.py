import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope

from slik.benefits.forms import MapEdgeForm
from slik.benefits.graph import map_svg
from slik.benefits.models import BenefitMapEdge, BenefitMapNode
from slik.benefits.selectors import benefit_map_for
from slik.benefits.services import map as svc
from slik.cases.tests.factories import CaseFactory
from slik.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def node(case, kind, label, actor, **extra):
    with scope(organisation=case.organisation_id):
        return svc.map_node_create(actor=actor, case=case, kind=kind, label=label, **extra)


def edge(case, source, target, actor):
    with scope(organisation=case.organisation_id):
        return svc.map_edge_create(actor=actor, case=case, source=source, target=target)


def the_map(case):
    with scope(organisation=case.organisation_id):
        return benefit_map_for(organisation=case.organisation, case=case)


def test_edges_go_rightwards_and_skipping_a_level_is_allowed(case, coordinator):
    measure = node(case, "measure", "Velferdsteknologi", coordinator)
    effect = node(case, "effect", "Færre fall", coordinator)
    goal = node(case, "goal", "Trygg alderdom", coordinator)
    edge(case, measure, effect, coordinator)
    edge(case, effect, goal, coordinator)
    with pytest.raises(ValidationError):
        edge(case, goal, measure, coordinator)  # leftwards
    with pytest.raises(ValidationError):
        edge(case, effect, effect, coordinator)  # self-loop
    with pytest.raises(ValidationError):
        edge(case, measure, effect, coordinator)  # duplicate
    with scope(organisation=case.organisation_id):
        assert BenefitMapEdge.objects.filter(case=case).count() == 2


def test_same_kind_cannot_link(case, coordinator):
    a = node(case, "change", "A", coordinator)
    b = node(case, "change", "B", coordinator)
    with pytest.raises(ValidationError):
        edge(case, a, b, coordinator)


def test_edge_to_another_cases_node_is_refused(case, other_case, coordinator, outsider):
    mine = node(case, "measure", "Tiltak", coordinator)
    theirs = node(other_case, "change", "Endring", outsider)
    with (
        pytest.raises(ValidationError),
        scope(organisation=[case.organisation_id, other_case.organisation_id]),
    ):
        svc.map_edge_create(actor=coordinator, case=case, source=mine, target=theirs)


def test_benefit_without_path_from_a_measure_is_a_miracle(case, coordinator, make_benefit):
    linked = make_benefit(case, title="Spart tid")
    unmapped = make_benefit(case, title="Bedre kvalitet")
    measure = node(case, "measure", "Nytt system", coordinator)
    change = node(case, "change", "Ny rutine", coordinator)
    reached = node(case, "benefit", "", coordinator, benefit=linked)
    lonely = node(case, "benefit", "Lykkeligere innbyggere", coordinator)
    edge(case, measure, change, coordinator)
    edge(case, change, reached, coordinator)
    result = the_map(case)
    assert [n.pk for n in result.miracle_nodes] == [lonely.pk]
    assert [b.pk for b in result.unmapped_benefits] == [unmapped.pk]
    assert result.has_miracles
    assert reached.label == "Spart tid"
    chains = [[n.pk for n in chain] for chain in result.chains()]
    assert chains == [[measure.pk, change.pk, reached.pk]]


def test_benefit_link_only_on_benefit_nodes_of_the_same_case(case, coordinator, benefit):
    with pytest.raises(ValidationError):
        node(case, "effect", "x", coordinator, benefit=benefit)
    node(case, "benefit", "", coordinator, benefit=benefit)
    with pytest.raises(ValidationError):
        node(case, "benefit", "igjen", coordinator, benefit=benefit)


def test_svg_is_accessible_and_keeps_norwegian_letters(case, coordinator):
    a = node(case, "measure", "Ærlig økonomi på Åsen <b>\\n", coordinator)
    b = node(case, "benefit", "Færre sykedager", coordinator)
    edge(case, a, b, coordinator)
    svg = map_svg(the_map(case), title="Kart for «Hvaler»")
    assert svg.startswith("<svg")
    assert 'role="img"' in svg
    assert 'aria-label="Kart for «Hvaler»"' in svg
    assert "Ærlig økonomi på" in svg
    assert "&lt;b&gt;" in svg


def test_empty_map_has_no_svg(case):
    assert map_svg(the_map(case), title="x") == ""


def test_map_reads_take_constant_queries(case, coordinator):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            the_map(case)
        return len(ctx)

    node(case, "measure", "M", coordinator)
    small = count()
    previous = node(case, "measure", "M0", coordinator)
    for i in range(8):
        current = node(case, BenefitMapNode.ORDER[1 + i % 4], f"N{i}", coordinator)
        if BenefitMapNode.ORDER.index(current.kind) > BenefitMapNode.ORDER.index(previous.kind):
            edge(case, previous, current, coordinator)
        previous = current
    assert count() == small


# --- views ---------------------------------------------------------------------------------


def url(name, case, **kwargs):
    return reverse(f"benefits:{name}", kwargs={"org_slug": "hvaler", "case_id": case.pk, **kwargs})


def test_map_page_shows_svg_and_text_alternative(client_as, coordinator, case):
    """The page never waits for `dot`: a map not drawn yet comes as a panel after the page,
    and once drawn it is part of the page."""
    node(case, "measure", "Sensorer", coordinator)
    client = client_as(coordinator)
    first = client.get(url("map", case)).content.decode()
    assert 'role="img"' not in first and 'id="map-elements"' in first
    assert f'hx-get="{url("map_drawing", case)}"' in first
    panel = client.get(url("map_drawing", case), headers={"HX-Request": "true"})
    assert panel.status_code == 200 and "HX-Request" in panel["Vary"]
    assert 'role="img"' in panel.content.decode() and b"<html" not in panel.content
    html = client.get(url("map", case)).content.decode()
    assert 'role="img"' in html and 'id="map-elements"' in html


def test_drawing_address_without_htmx_is_the_map_page_drawn(client_as, coordinator, case):
    node(case, "measure", "Sensorer", coordinator)
    html = client_as(coordinator).get(url("map_drawing", case)).content.decode()
    assert 'role="img"' in html and 'id="map-elements"' in html and "<html" in html


def test_add_nodes_and_edge_through_forms(client_as, coordinator, case):
    client = client_as(coordinator)
    response = client.post(
        url("map_node_add", case), {"node-kind": "measure", "node-label": "Åpen tjeneste"}
    )
    assert response.status_code == 302
    client.post(url("map_node_add", case), {"node-kind": "goal", "node-label": "Mål"})
    with scope(organisation=case.organisation_id):
        measure, goal = BenefitMapNode.objects.filter(case=case).order_by("id")
    bad = client.post(
        url("map_edge_add", case), {"edge-source": goal.pk, "edge-target": measure.pk}
    )
    assert bad.status_code == 422
    good = client.post(
        url("map_edge_add", case), {"edge-source": measure.pk, "edge-target": goal.pk}
    )
    assert good.status_code == 302
    with scope(organisation=case.organisation_id):
        assert BenefitMapEdge.objects.filter(source=measure, target=goal).exists()
        assert AuditEvent.objects.filter(
            action="benefit_map.edge.added", object_id=case.pk
        ).exists()


def test_edge_form_says_what_the_service_refuses_and_reads_nothing(case, coordinator):
    measure = node(case, "measure", "Sensorer", coordinator)
    goal = node(case, "goal", "Trygghet", coordinator)
    nodes = the_map(case).nodes
    with CaptureQueriesContext(connection) as ctx:
        html = str(MapEdgeForm(case=case, nodes=nodes, prefix="edge"))
    assert not ctx.captured_queries  # the choices are the map's elements, read already
    assert f'<option value="{measure.pk}">Tiltak: Sensorer</option>' in html
    with scope(organisation=case.organisation_id):
        leftwards = MapEdgeForm(
            {"edge-source": goal.pk, "edge-target": measure.pk},
            case=case,
            nodes=nodes,
            prefix="edge",
        )
        assert not leftwards.is_valid()
        with pytest.raises(ValidationError) as refused:
            svc.map_edge_clean(case=case, source=goal, target=measure)
    assert leftwards.non_field_errors() == refused.value.messages


def test_edge_form_refuses_an_element_of_another_map(case, other_case, coordinator, outsider):
    mine = node(case, "measure", "Mitt", coordinator)
    theirs = node(other_case, "goal", "Deres", outsider)
    form = MapEdgeForm(
        {"edge-source": mine.pk, "edge-target": theirs.pk},
        case=case,
        nodes=the_map(case).nodes,
        prefix="edge",
    )
    assert not form.is_valid() and "target" in form.errors


def test_bad_node_input_keeps_form(client_as, coordinator, case):
    response = client_as(coordinator).post(
        url("map_node_add", case), {"node-kind": "nonsense", "node-label": "Behold meg"}
    )
    assert response.status_code == 422
    assert "Behold meg" in response.content.decode()


def test_delete_node_and_edge_need_confirmation(client_as, coordinator, case):
    a = node(case, "measure", "A", coordinator)
    b = node(case, "effect", "B", coordinator)
    link = edge(case, a, b, coordinator)
    client = client_as(coordinator)
    assert client.get(url("map_edge_delete", case, edge_id=link.pk)).status_code == 200
    assert client.post(url("map_edge_delete", case, edge_id=link.pk)).status_code == 302
    assert client.get(url("map_node_delete", case, node_id=a.pk)).status_code == 200
    assert client.post(url("map_node_delete", case, node_id=a.pk)).status_code == 302
    with scope(organisation=case.organisation_id):
        assert list(BenefitMapNode.objects.filter(case=case)) == [b]


def test_svg_endpoint(client_as, coordinator, case):
    client = client_as(coordinator)
    assert client.get(url("map_svg", case)).status_code == 404
    node(case, "measure", "A", coordinator)
    response = client.get(url("map_svg", case))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")


def test_foreign_ids_are_404(client_as, coordinator, outsider, case, other_case):
    theirs = node(other_case, "measure", "Råde-tiltak", outsider)
    mine = node(case, "measure", "Hvaler-tiltak", coordinator)
    client = client_as(coordinator)
    assert client.get(url("map", other_case)).status_code == 404
    assert client.get(url("map_node_delete", case, node_id=theirs.pk)).status_code == 404
    assert client.post(url("map_node_delete", case, node_id=theirs.pk)).status_code == 404
    outsider_client = client_as(outsider)
    assert outsider_client.get(url("map", case)).status_code == 404
    assert outsider_client.post(url("map_node_delete", case, node_id=mine.pk)).status_code == 404


VIEW = {"coordinator": 200, "leader": 200, "project_leader": 200, "employee": 200, "observer": 200}
CHANGE_OK = {"coordinator", "leader", "project_leader"}


@pytest.mark.parametrize(
    "role", ["coordinator", "leader", "project_leader", "employee", "politician", "observer"]
)
def test_permission_matrix(client_as, personas, role, case, coordinator):
    user = personas[role]
    client = client_as(user)
    expected_view = 404 if role == "politician" else 200  # unpublished case
    assert client.get(url("map", case)).status_code == expected_view
    response = client.post(url("map_node_add", case), {"node-kind": "measure", "node-label": "X"})
    if role in CHANGE_OK:
        assert response.status_code == 302
    else:
        assert response.status_code in (403, 404)


def test_politician_sees_published_map_but_cannot_change(client_as, politician, case):
    with scope(organisation=case.organisation_id):
        case.is_published = True
        case.save(update_fields=["is_published"])
    client = client_as(politician)
    assert client.get(url("map", case)).status_code == 200
    assert (
        client.post(
            url("map_node_add", case), {"node-kind": "measure", "node-label": "X"}
        ).status_code
        == 403
    )


def test_case_owner_employee_may_change(client_as, employee, make_benefit, org, coordinator):
    own = CaseFactory(organisation=org, actor=coordinator, title="Eget", owner=employee)
    response = client_as(employee).post(
        url("map_node_add", own), {"node-kind": "measure", "node-label": "X"}
    )
    assert response.status_code == 302


def test_outsider_gets_404(client_as, outsider, case):
    assert client_as(outsider).get(url("map", case)).status_code == 404
