"""Drawing the benefit map as SVG with Graphviz (`dot`), for the page and the reports alike."""

from __future__ import annotations

import re
import textwrap

import graphviz
from django.utils.html import escape
from django.utils.translation import gettext as _

from .models import BenefitMapNode

# Light fills with dark outlines: black text on each fill is well above 4.5:1, and the kind
# is carried by the shape and the column as well as the colour.
STYLE = {
    "measure": {"shape": "box", "fillcolor": "#E3F2FD", "color": "#0B4F8A"},
    "change": {
        "shape": "box",
        "style": "rounded,filled",
        "fillcolor": "#E8F5E9",
        "color": "#1B5E20",
    },
    "effect": {"shape": "ellipse", "fillcolor": "#FFF8E1", "color": "#7A4F01"},
    "benefit": {"shape": "hexagon", "fillcolor": "#F3E5F5", "color": "#4A148C"},
    "goal": {"shape": "box", "peripheries": "2", "fillcolor": "#ECEFF1", "color": "#263238"},
}
MIRACLE_STYLE = {"color": "#B3261E", "penwidth": "2.5", "style": "filled,dashed"}
WRAP = 24
DOT_TIMEOUT = 20


def _label(text: str, *, flagged: bool = False) -> graphviz.nohtml:
    lines = textwrap.wrap(text, WRAP)[:6] or [""]
    if flagged:
        lines.append("(!) " + _("no path from a measure"))
    # Backslashes are doubled so user text never becomes a dot escape; `\n` breaks lines.
    return graphviz.nohtml("\\n".join(line.replace("\\", "\\\\") for line in lines))


def map_to_dot(benefit_map) -> graphviz.Digraph:
    graph = graphviz.Digraph(
        "gevinstkart",
        engine="dot",
        graph_attr={"rankdir": "LR", "bgcolor": "white", "nodesep": "0.3", "ranksep": "0.6"},
        node_attr={
            "fontname": "Inter",
            "fontsize": "11",
            "fontcolor": "#111111",
            "style": "filled",
            "penwidth": "1.5",
        },
        edge_attr={"color": "#333333", "arrowsize": "0.8"},
    )
    graph.attr(charset="UTF-8")
    for kind in BenefitMapNode.ORDER:
        nodes = [n for n in benefit_map.nodes if n.kind == kind]
        if not nodes:
            continue
        with graph.subgraph(name=f"rank_{kind}") as sub:
            sub.attr(rank="same")
            for node in nodes:
                flagged = kind == "benefit" and node.pk not in benefit_map.reached
                attrs = {**STYLE[kind], **(MIRACLE_STYLE if flagged else {})}
                sub.node(f"n{node.pk}", _label(node.label, flagged=flagged), **attrs)
    for edge in benefit_map.edges:
        graph.edge(f"n{edge.source_id}", f"n{edge.target_id}")
    return graph


def map_svg(benefit_map, *, title: str) -> str:
    """The map as inline SVG with role="img" and an accessible name; "" for an empty map."""
    if not benefit_map.nodes:
        return ""
    svg = map_to_dot(benefit_map).pipe(format="svg", encoding="utf-8")
    svg = svg[svg.find("<svg") :]
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    return svg.replace("<svg", f'<svg role="img" aria-label="{escape(title)}" focusable="false"', 1)


def benefit_map_for_page(*, organisation, case) -> dict:
    """The map's data without the drawing, for the case page (links and the miracle flag)."""
    from .services.map import benefit_map_for

    return {"benefit_map": benefit_map_for(organisation=organisation, case=case), "svg": None}


def map_context(*, organisation, case) -> dict:
    """Context for `benefits/map_include.html` on the case page: the map and its SVG."""
    from django.utils.translation import gettext

    from .services.map import benefit_map_for

    benefit_map = benefit_map_for(organisation=organisation, case=case)
    return {
        "benefit_map": benefit_map,
        "svg": map_svg(benefit_map, title=gettext("Benefit map for %s") % case.title),
    }
