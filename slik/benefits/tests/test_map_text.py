"""The map page writes in Python what its template and the `graphviz` package wrote: the
elements' rows, the chains and the links' rows are the template's markup, the edit forms the
form templates' markup, and the DOT source (whose digest keys the drawing) is `Digraph`'s."""

import textwrap

import graphviz
import pytest
from django.forms.forms import BaseForm
from django.template import engines
from django.urls import reverse
from django.utils import translation
from django_scopes import scope

from slik.benefits import graph
from slik.benefits.forms import MapEdgeForm, MapNodeForm
from slik.benefits.selectors import benefit_map_for
from slik.benefits.services import map as map_services
from slik.benefits.views import map_text

pytestmark = pytest.mark.django_db

# The rows, chains and links as map.html wrote them before views/map_text.py.
ROWS_TEMPLATE = """{% load i18n %}{% translate "Yes" as yes_text %}{% translate "No – a miracle is needed" as miracle_text %}{% translate "Delete" as delete_text %}{% for row in rows %}
      <tr data-node-id="{{ row.node.pk }}">
        <td>{{ row.node.kind_label }}</td>
        <th scope="row">{{ row.node.label }}</th>
        <td>{% for target in row.contributes_to %}{{ target.label }}{% if not forloop.last %}; {% endif %}{% empty %}–{% endfor %}</td>
        <td>{% if row.node.kind == "benefit" %}{% if row.is_miracle %}<span class="ds-tag" data-color="warning">{{ miracle_text }}</span>{% else %}{{ yes_text }}{% endif %}{% else %}–{% endif %}</td>
        {% if may_change %}<td><a class="ds-link" href="{{ row.delete_url }}">{{ delete_text }}<span class="ds-sr-only"> {{ row.node.label }}</span></a></td>{% endif %}
      </tr>{% endfor %}"""  # noqa: E501
CHAINS_TEMPLATE = """{% for chain in chains %}
    <li>{% for node in chain %}{{ node.label }} ({{ node.kind_label|lower }}){% if not forloop.last %} → {% endif %}{% endfor %}</li>{% endfor %}"""  # noqa: E501
LINKS_TEMPLATE = """{% load i18n %}{% translate "Delete link" as delete_link_text %}{% for edge in benefit_map.edges %}
      <tr><td>{{ edge.source.label }}</td><td>{{ edge.target.label }}</td>
        <td><a class="ds-link" href="{{ edge.delete_url }}">{{ delete_link_text }}</a></td></tr>{% endfor %}"""  # noqa: E501


@pytest.fixture
def tricky_map(case, coordinator, benefit):
    """A map with every kind, a benefit reached and one not, and labels DOT and HTML must
    quote: keywords, numbers, quotes, backslashes, ampersands and long text."""
    add = map_services.map_node_create
    link = map_services.map_edge_create
    with scope(organisation=case.organisation_id):
        measure = add(actor=coordinator, case=case, kind="measure", label='Sensor "natt" & dag')
        other = add(actor=coordinator, case=case, kind="measure", label="node")
        change = add(actor=coordinator, case=case, kind="change", label="12.5")
        effect = add(
            actor=coordinator,
            case=case,
            kind="effect",
            label="Færre fall om natten på sykehjemmet i Hvaler kommune \\N <b>viktig</b>",
        )
        reached = add(actor=coordinator, case=case, kind="benefit", label="", benefit=benefit)
        add(actor=coordinator, case=case, kind="benefit", label='Strict \\\\"x"')
        goal = add(actor=coordinator, case=case, kind="goal", label="Trygg_alderdom")
        for source, target in (
            (measure, change),
            (other, change),
            (change, effect),
            (effect, reached),
            (reached, goal),
            (measure, effect),
        ):
            link(actor=coordinator, case=case, source=source, target=target)
    return case


def _old_rows(request_slug, case, benefit_map, may_change):
    labels = {kind: str(label) for kind, label in benefit_map.nodes[0].Kind.choices}
    for node in benefit_map.nodes:
        node.kind_label = labels[node.kind]
    rows = benefit_map.node_rows()
    for row in rows:
        row["delete_url"] = reverse(
            "benefits:map_node_delete",
            kwargs={"org_slug": request_slug, "case_id": case.pk, "node_id": row["node"].pk},
        )
    for edge in benefit_map.edges:
        edge.delete_url = reverse(
            "benefits:map_edge_delete",
            kwargs={"org_slug": request_slug, "case_id": case.pk, "edge_id": edge.pk},
        )
    engine = engines["django"]
    return (
        engine.from_string(ROWS_TEMPLATE).render({"rows": rows, "may_change": may_change}),
        engine.from_string(CHAINS_TEMPLATE).render({"chains": benefit_map.chains()}),
        engine.from_string(LINKS_TEMPLATE).render({"benefit_map": benefit_map}),
    )


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
@pytest.mark.parametrize("may_change", [True, False])
def test_map_text_is_the_template_text(rf, org, tricky_map, language, may_change):
    request = rf.get("/")
    request.organisation = org
    with scope(organisation=org.pk), translation.override(language):
        benefit_map = benefit_map_for(organisation=org, case=tricky_map)
        written = (
            map_text.element_rows(request, tricky_map, benefit_map, may_change=may_change),
            map_text.chain_items(benefit_map),
            map_text.link_rows(request, tricky_map, benefit_map),
        )
        assert written == _old_rows(org.slug, tricky_map, benefit_map, may_change)
        assert "&quot;natt&quot; &amp; dag" in written[0]


def test_map_page_shows_the_text(client_as, coordinator, tricky_map):
    url = reverse("benefits:map", kwargs={"org_slug": "hvaler", "case_id": tricky_map.pk})
    html = client_as(coordinator).get(url).content.decode()
    assert html.count("<tr data-node-id=") == 7
    assert html.count("<li>Sensor &quot;natt&quot; &amp; dag (tiltak) → ") == 2
    assert 'id="map-edges"' in html and html.count("/kart/kobling/") == 1 + 6  # the form, 6 links


def _templates(form) -> str:
    """The form as forms/form.html and forms/field.html write it, with Django's text input."""
    from django import forms

    for field in form.fields.values():
        if type(field.widget).__name__ == "PlainTextInput":
            field.widget.__class__ = forms.TextInput
    return BaseForm.render(form)


@pytest.mark.parametrize("data", [None, {"node-kind": "benefit", "node-label": 'x "y" <z>'}])
def test_map_forms_are_the_templates_markup(org, tricky_map, data):
    with scope(organisation=org.pk), translation.override("nb"):
        benefit_map = benefit_map_for(organisation=org, case=tricky_map)

        def forms():
            node = MapNodeForm(
                data, case=tricky_map, benefits=benefit_map.unmapped_benefits, prefix="node"
            )
            edge = MapEdgeForm(data, case=tricky_map, nodes=benefit_map.nodes, prefix="edge")
            for form in (node, edge):
                form.is_valid() if data else None
            return node, edge

        written = [str(form) for form in forms()]
        assert written == [_templates(form) for form in forms()]


def _graphviz_source(benefit_map) -> str:
    """The DOT source as the `graphviz` package's `Digraph` wrote it (graph.py before it wrote
    the text itself)."""
    digraph = graphviz.Digraph(
        "gevinstkart",
        engine="dot",
        graph_attr=graph.GRAPH_ATTRS,
        node_attr=graph.NODE_ATTRS,
        edge_attr=graph.EDGE_ATTRS,
    )
    digraph.attr(charset="UTF-8")
    for kind in ("measure", "change", "effect", "benefit", "goal"):
        nodes = [n for n in benefit_map.nodes if n.kind == kind]
        if not nodes:
            continue
        with digraph.subgraph(name=f"rank_{kind}") as sub:
            sub.attr(rank="same")
            for node in nodes:
                flagged = kind == "benefit" and node.pk not in benefit_map.reached
                lines = textwrap.wrap(node.label, graph.WRAP)[:6] or [""]
                if flagged:
                    lines.append("(!) " + translation.gettext("no path from a measure"))
                label = graphviz.nohtml("\\n".join(graph._dot_text(line) for line in lines))
                style = {**graph.STYLE[kind], **(graph.MIRACLE_STYLE if flagged else {})}
                sub.node(f"n{node.pk}", label, **style)
    for edge in benefit_map.edges:
        digraph.edge(f"n{edge.source_id}", f"n{edge.target_id}")
    return digraph.source


@pytest.mark.parametrize("language", ["nb", "en"])
def test_map_source_is_what_graphviz_writes(org, tricky_map, language):
    with scope(organisation=org.pk), translation.override(language):
        benefit_map = benefit_map_for(organisation=org, case=tricky_map)
        assert graph.map_to_dot(benefit_map) == _graphviz_source(benefit_map)
        labels = ("", "node", "EDGE", "-1.5", ".5", "a b", '\\"', "\\", "x\ty", "é_1", " a")
        labels += ("a  b", "a\nb", "a ", "x" * 24, "x" * 25, "y " * 12, "a -b", "\u00a0a", " ")
        labels += ("\u00a0", "a \u00a0", "a\u00a0b")
        for label in labels:
            benefit_map.nodes[0].label = label
            assert graph.map_to_dot(benefit_map) == _graphviz_source(benefit_map)
