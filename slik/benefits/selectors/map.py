"""The benefit map (gevinstkart) as the page, the SVG and the reports read it.

Edges "contribute to" and always point rightwards in the chain measure → change → effect →
benefit → goal (skipping a level is allowed; `services.map` keeps it so). A benefit that no
measure reaches is flagged: "and then a miracle occurs".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..models import Benefit, BenefitMapEdge, BenefitMapNode

MAX_CHAINS = 200


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
            for node in sorted(self.nodes, key=lambda n: (BenefitMapNode.RANK[n.kind], n.pk))
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


def benefit_map_for(*, organisation, case, benefits=None) -> BenefitMap:
    """The case's map with reachability computed in Python: three queries whatever its size,
    two when given the case's `benefits` read already."""
    nodes = list(
        BenefitMapNode.objects.filter(case=case, case__organisation=organisation).order_by("id")
    )
    by_id = {node.pk: node for node in nodes}
    edges = list(
        BenefitMapEdge.objects.filter(case=case, case__organisation=organisation).order_by("id")
    )
    targets_of: dict[int, list[int]] = defaultdict(list)
    for edge in edges:
        # Both ends are elements of the same map (`map_edge_clean`): already read above.
        edge.source, edge.target = by_id[edge.source_id], by_id[edge.target_id]
        targets_of[edge.source_id].append(edge.target_id)
    benefit_ids = {n.benefit_id for n in nodes if n.benefit_id}
    if benefits is None:
        # What the page, the form and the service's check read of them: their titles.
        benefits = (
            Benefit.objects.filter(organisation=organisation, case=case)
            .only("id", "organisation_id", "case_id", "title")
            .order_by("id")
        )
    unmapped = [b for b in benefits if b.pk not in benefit_ids]
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
