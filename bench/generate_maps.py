"""The benefit map of every case: measures → changes → effects → the case's benefits → a goal.

Per case MEASURES measures, CHANGES changes and EFFECTS effects, one node per benefit (linked
to it) and one goal; each element contributes to one to the right, and in one case of three the
last benefit is reached by no effect (the map flags it). `ensure_maps` draws a map for every
case that has none, so it tops up an existing database and the 10× data alike. bulk_create
only, outside any tenant scope. Imported after Django is set up (by bench.generate).
"""

from __future__ import annotations

from slik.benefits.models import Benefit, BenefitMapEdge, BenefitMapNode
from slik.cases.models import Case

BATCH = 2000
CHUNK = 500
MEASURES = CHANGES = EFFECTS = 2
LABELS = {
    "measure": ["Ny digital løsning", "Endret arbeidsprosess", "Opplæring av ansatte"],
    "change": ["Færre manuelle steg", "Samlet informasjon", "Raskere saksbehandling"],
    "effect": ["Mindre dobbeltarbeid", "Kortere ventetid", "Bedre oversikt"],
    "goal": ["Bærekraftige tjenester", "Trygge innbyggere"],
}


def ensure_maps(gen) -> int:
    """A map for every case without one; the number of cases that got one."""
    done = 0
    case_ids = list(
        Case.objects.exclude(pk__in=BenefitMapNode.objects.values("case_id"))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(case_ids), CHUNK):
        chunk = case_ids[start : start + CHUNK]
        benefits: dict[int, list] = {case_id: [] for case_id in chunk}
        for row in (
            Benefit.objects.filter(case_id__in=chunk)
            .order_by("pk")
            .values_list("case_id", "pk", "title")
        ):
            benefits[row[0]].append(row[1:])
        _add_maps(gen, benefits)
        done += len(chunk)
    return done


def _node(case_id: int, kind: str, index: int) -> BenefitMapNode:
    words = LABELS[kind]
    label = f"{words[(case_id + index) % len(words)]} {index + 1}"
    return BenefitMapNode(case_id=case_id, kind=kind, label=label)


def _add_maps(gen, benefits: dict[int, list]) -> None:
    layers_of: dict[int, list[list]] = {}
    nodes = []
    for case_id, case_benefits in benefits.items():
        layers = [
            [_node(case_id, "measure", i) for i in range(MEASURES)],
            [_node(case_id, "change", i) for i in range(CHANGES)],
            [_node(case_id, "effect", i) for i in range(EFFECTS)],
            [
                BenefitMapNode(case_id=case_id, kind="benefit", label=title[:200], benefit_id=pk)
                for pk, title in case_benefits
            ],
            [_node(case_id, "goal", 0)],
        ]
        layers_of[case_id] = layers
        nodes.extend(node for layer in layers for node in layer)
    BenefitMapNode.objects.bulk_create(nodes, batch_size=BATCH)
    edges = []
    for case_id, layers in layers_of.items():
        edges.extend(_edges(gen, case_id, layers))
    BenefitMapEdge.objects.bulk_create(edges, batch_size=BATCH)


def _edges(gen, case_id: int, layers: list[list]) -> list[BenefitMapEdge]:
    """Each element contributes to one in the next layer; every benefit to the goal."""
    edges = []
    measures, changes, effects, benefits, goals = layers
    reached = benefits[:-1] if benefits and gen.rng.random() < 1 / 3 else benefits
    pairs = [(m, changes[i % len(changes)]) for i, m in enumerate(measures)]
    pairs += [(c, effects[i % len(effects)]) for i, c in enumerate(changes)]
    pairs += [(effects[i % len(effects)], b) for i, b in enumerate(reached)]
    pairs += [(b, goals[0]) for b in benefits]
    for source, target in pairs:
        edges.append(BenefitMapEdge(case_id=case_id, source=source, target=target))
    return edges
