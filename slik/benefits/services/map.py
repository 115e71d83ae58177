"""The benefit map (gevinstkart): adding and deleting elements and links, and the checks the
forms show before a write would refuse (`map_node_clean`, `map_edge_clean`).

Edges "contribute to" and always point rightwards in the chain measure → change → effect →
benefit → goal (skipping a level is allowed). The read model is `selectors.map`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from slik.core.audit import audit_log

from ..models import Benefit, BenefitMapEdge, BenefitMapNode


def _log(actor, action, case, data):
    # Logged against the case so the map's changes show in the case's history.
    audit_log(actor=actor, action=action, obj=case, organisation=case.organisation, data=data)


def map_node_clean(*, case, kind: str, label: str, benefit: Benefit | None = None) -> str:
    """The element's text, or ValidationError unless it is a valid new element of the case's
    map (the form shows these errors before `map_node_create` would refuse)."""
    label = (label or "").strip()
    if kind not in BenefitMapNode.RANK:
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
    return label[:200]


@transaction.atomic
def map_node_create(*, actor, case, kind: str, label: str, benefit: Benefit | None = None):
    label = map_node_clean(case=case, kind=kind, label=label, benefit=benefit)
    node = BenefitMapNode.objects.create(case=case, kind=kind, label=label, benefit=benefit)
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
    if BenefitMapNode.RANK[source.kind] >= BenefitMapNode.RANK[target.kind]:
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
