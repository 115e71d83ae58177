"""The benefit map (gevinstkart): writes, validation and the read model the page draws.

Edges "contribute to" and always point rightwards in the chain measure → change → effect →
benefit → goal (skipping a level is allowed). A benefit that no measure reaches is flagged:
"and then a miracle occurs".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from slik.core.audit import audit_log

from ..models import Benefit, BenefitMapEdge, BenefitMapNode

KIND_RANK = {kind: rank for rank, kind in enumerate(BenefitMapNode.ORDER)}
MAX_CHAINS = 200


def _log(actor, action, case, data):
    # Logged against the case so the map's changes show in the case's history.
    audit_log(actor=actor, action=action, obj=case, organisation=case.organisation, data=data)


@transaction.atomic
def map_node_create(*, actor, case, kind: str, label: str, benefit: Benefit | None = None):
    label = (label or "").strip()
    if kind not in KIND_RANK:
        raise ValidationError(_("Choose a valid kind of element."))
    if not label and benefit is None:
        raise ValidationError(_("Write a text for the element."))
    if benefit is not None:
        if kind != BenefitMapNode.Kind.BENEFIT:
            raise ValidationError(_("Only a benefit element can be linked to a benefit."))
        if benefit.case_id != case.pk:
            raise ValidationError(_("The benefit belongs to another case."))
        if BenefitMapNode.objects.filter(benefit=benefit).exists():
            raise ValidationError(_("This benefit is already in the map."))
        label = label or benefit.title
    node = BenefitMapNode.objects.create(case=case, kind=kind, label=label[:200], benefit=benefit)
    _log(actor, "benefit_map.node.added", case, {"kind": kind, "label": node.label})
    return node


@transaction.atomic
def map_node_delete(*, actor, node: BenefitMapNode) -> None:
    case = node.case
    data = {"kind": node.kind, "label": node.label}
    node.delete()
    _log(actor, "benefit_map.node.deleted", case, data)


def map_edge_clean(*, case, source: BenefitMapNode, target: BenefitMapNode) -> None:
    """Raise ValidationError unless source → target is a valid new link in the case's map."""
    if source.case_id != case.pk or target.case_id != case.pk:
        raise ValidationError(_("Both elements must belong to this case's map."))
    if source.pk == target.pk:
        raise ValidationError(_("An element cannot contribute to itself."))
    if KIND_RANK[source.kind] >= KIND_RANK[target.kind]:
        raise ValidationError(
            _(
                "Links go rightwards in the chain: measure → change → effect → benefit → goal. "
                "Swap the two elements or choose others."
            )
        )
    if BenefitMapEdge.objects.filter(source=source, target=target).exists():
        raise ValidationError(_("These two elements are already linked."))


@transaction.atomic
def map_edge_create(*, actor, case, source: BenefitMapNode, target: BenefitMapNode):
    map_edge_clean(case=case, source=source, target=target)
    edge = BenefitMapEdge.objects.create(case=case, source=source, target=target)
    _log(
        actor,
        "benefit_map.edge.added",
        case,
        {"source": source.label, "target": target.label},
    )
    return edge


@transaction.atomic
def map_edge_delete(*, actor, edge: BenefitMapEdge) -> None:
    case = edge.case
    data = {"source": edge.source.label, "target": edge.target.label}
    edge.delete()
    _log(actor, "benefit_map.edge.deleted", case, data)


@dataclass
class BenefitMap:
    """Everything the map page, the SVG and the reports need, from three queries."""

    nodes: list
    edges: list
    unmapped_benefits: list
    targets_of: dict = field(default_factory=dict)
    reached: set = field(default_factory=set)

    @property
    def miracle_nodes(self) -> list:
        return [n for n in self.nodes if n.kind == "benefit" and n.pk not in self.reached]

    @property
    def has_miracles(self) -> bool:
        return bool(self.unmapped_benefits or self.miracle_nodes)

    def node_rows(self) -> list[dict]:
        """One row per element: what it contributes to, and whether it is a "miracle"."""
        by_id = {n.pk: n for n in self.nodes}
        return [
            {
                "node": node,
                "contributes_to": [by_id[t] for t in self.targets_of.get(node.pk, ())],
                "is_miracle": node.kind == "benefit" and node.pk not in self.reached,
            }
            for node in sorted(self.nodes, key=lambda n: (KIND_RANK[n.kind], n.pk))
        ]

    def chains(self) -> list[list]:
        """Every path from a measure to an element with no outgoing link (capped)."""
        by_id = {n.pk: n for n in self.nodes}
        result: list[list] = []
        stack = [[n.pk] for n in self.nodes if n.kind == "measure"]
        while stack and len(result) < MAX_CHAINS:
            path = stack.pop()
            nexts = [t for t in self.targets_of.get(path[-1], ()) if t not in path]
            if not nexts:
                result.append([by_id[pk] for pk in path])
            stack.extend(path + [t] for t in reversed(nexts))
        return result


def benefit_map_for(*, organisation, case) -> BenefitMap:
    """The case's map with reachability computed in Python: three queries whatever its size."""
    nodes = list(
        BenefitMapNode.objects.filter(case=case, case__organisation=organisation).order_by("id")
    )
    edges = list(
        BenefitMapEdge.objects.filter(case=case, case__organisation=organisation)
        .select_related("source", "target")
        .order_by("id")
    )
    benefit_ids = {n.benefit_id for n in nodes if n.benefit_id}
    unmapped = [
        b
        for b in Benefit.objects.filter(organisation=organisation, case=case).order_by("id")
        if b.pk not in benefit_ids
    ]
    targets_of: dict[int, list[int]] = defaultdict(list)
    for edge in edges:
        targets_of[edge.source_id].append(edge.target_id)
    return BenefitMap(
        nodes=nodes,
        edges=edges,
        unmapped_benefits=unmapped,
        targets_of=dict(targets_of),
        reached=_reachable_from_measures(nodes, targets_of),
    )


def _reachable_from_measures(nodes, targets_of) -> set[int]:
    frontier = [n.pk for n in nodes if n.kind == "measure"]
    reached = set(frontier)
    while frontier:
        current = frontier.pop()
        for target in targets_of.get(current, ()):
            if target not in reached:
                reached.add(target)
                frontier.append(target)
    return reached
