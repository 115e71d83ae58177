"""The benefit map as text on the map page: the table of its elements, the chains from measure
to goal and the table of its links, written here in one go.

In the template each element's row, chain and link cost lookups, a loop, a filter and its
translations: for a map of 17 elements and 23 links that was three quarters of the page's
template. The markup is the template's (`test_map_text_is_the_template_text` compares).
"""

from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from slik.core import formats
from slik.core.links import link_maker

from ..models import BenefitMapNode

_ELEMENT = (
    '\n      <tr data-node-id="{pk}">\n'
    "        <td>{kind}</td>\n"
    '        <th scope="row">{label}</th>\n'
    "        <td>{targets}</td>\n"
    "        <td>{path}</td>\n"
    "        {delete}\n"
    "      </tr>"
)
_ELEMENT_DELETE = (
    '<td><a class="ds-link" href="{url}">{text}<span class="ds-sr-only"> {label}</span></a></td>'
)
_LINK = (
    "\n      <tr><td>{source}</td><td>{target}</td>\n"
    '        <td><a class="ds-link" href="{url}">{text}</a></td></tr>'
)


def _safe(text: str) -> SafeString:
    return mark_safe(text)  # noqa: S308 – the callers escape every value they write


def element_rows(request, case, benefit_map, *, may_change: bool) -> SafeString:
    """The rows of the elements' table, each with what it contributes to and, for a benefit,
    whether a measure leads to it; a delete link for whoever may change the map."""
    kinds = {kind: escape(str(label)) for kind, label in BenefitMapNode.Kind.choices}
    labels = {node.pk: escape(node.label) for node in benefit_map.nodes}
    yes, miracle = escape(_("Yes")), escape(_("No – a miracle is needed"))
    miracle_tag = f'<span class="ds-tag" data-color="warning">{miracle}</span>'
    delete_text = escape(_("Delete"))
    delete_url = link_maker(
        "benefits:map_node_delete",
        id_name="node_id",
        org_slug=request.organisation.slug,
        case_id=case.pk,
    )
    rows = []
    for row in benefit_map.node_rows():
        node = row["node"]
        targets = "; ".join(labels[target.pk] for target in row["contributes_to"])
        if node.kind == "benefit":
            path = miracle_tag if row["is_miracle"] else yes
        else:
            path = formats.EMPTY
        delete = (
            _ELEMENT_DELETE.format(
                url=escape(delete_url(node.pk)), text=delete_text, label=labels[node.pk]
            )
            if may_change
            else ""
        )
        rows.append(
            _ELEMENT.format(
                pk=node.pk,
                kind=kinds.get(node.kind, escape(node.kind)),
                label=labels[node.pk],
                targets=targets or formats.EMPTY,
                path=path,
                delete=delete,
            )
        )
    return _safe("".join(rows))


def chain_items(benefit_map) -> SafeString:
    """The list items of the chains: each element with its kind, joined by arrows."""
    kinds = {kind: escape(str(label).lower()) for kind, label in BenefitMapNode.Kind.choices}
    items = (
        " → ".join(
            f"{escape(node.label)} ({kinds.get(node.kind, escape(node.kind.lower()))})"
            for node in chain
        )
        for chain in benefit_map.chains()
    )
    return _safe("".join(f"\n    <li>{item}</li>" for item in items))


def link_rows(request, case, benefit_map) -> SafeString:
    """The rows of the links' table, each with its delete link (shown to those who may change
    the map)."""
    delete_text = escape(_("Delete link"))
    delete_url = link_maker(
        "benefits:map_edge_delete",
        id_name="edge_id",
        org_slug=request.organisation.slug,
        case_id=case.pk,
    )
    return _safe(
        "".join(
            _LINK.format(
                source=escape(edge.source.label),
                target=escape(edge.target.label),
                url=escape(delete_url(edge.pk)),
                text=delete_text,
            )
            for edge in benefit_map.edges
        )
    )
