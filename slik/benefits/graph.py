"""Drawing the benefit map as SVG with Graphviz (`dot`), for the page and the reports alike.

`dot` runs under a time limit, and its SVG is cached under a digest of the dot source, which
holds every label, link and flag of the map: any change to the map is a new key, an unchanged
map is drawn once. When `dot` is missing, fails or runs out of time, `draw_map` gives a message
for the page and the PDF instead of an error (the map as text is complete without the drawing).
The map page never waits for `dot`: it shows the drawing when `drawn_map` finds it made, and
otherwise loads it as a panel after the page (a dense map takes `dot` seconds).
"""

from __future__ import annotations

import hashlib
import logging
import re
import subprocess
import textwrap
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.html import escape
from django.utils.translation import gettext as _
from graphviz.quoting import a_list, nohtml, quote

from slik.core.exports import xml_text

from .models import BenefitMapNode

logger = logging.getLogger(__name__)

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
# Seconds `dot` may take; a dense map of 600 elements takes 1–5 s. Longer shows a message.
# Well under gunicorn's 30 s worker timeout, with room for the PDF that draws the map.
DOT_TIMEOUT = 10
DOT_COMMAND = ["dot", "-Kdot", "-Tsvg"]
# The key is a digest of the content, so an entry is never stale; the expiry only frees room.
SVG_CACHE_SECONDS = 7 * 24 * 3600
SVG_CACHE_PREFIX = "benefits:map-svg:v1:"
# A map too large to draw in time is remembered for a while, so that every view of it does not
# hold a worker for DOT_TIMEOUT seconds again; a change to the map is a new key.
TOO_LARGE = "too-large"
TOO_LARGE_CACHE_SECONDS = 15 * 60


# The whitespace other than spaces that `textwrap` turns into spaces.
_WRAP_OTHER_SPACE = frozenset("\t\n\x0b\x0c\r")


def _wrapped(text: str) -> list[str]:
    """`textwrap.wrap(text, WRAP)`, without `textwrap` for a label that has no whitespace at
    either end, single spaces between its words and no hyphen (`textwrap` may break after one),
    and no word longer than a line (most labels): for those `textwrap` fills each line with as
    many words as fit, which is done here by hand (`textwrap` cost half of `map_to_dot`, made
    on every view of the map). `test_wrapped_is_textwrap` compares the two."""
    if text.strip() != text or "-" in text or "  " in text or _WRAP_OTHER_SPACE.intersection(text):
        return textwrap.wrap(text, WRAP)
    if len(text) <= WRAP:
        return [text] if text else []
    words = text.split(" ")
    if max(map(len, words)) > WRAP:
        return textwrap.wrap(text, WRAP)
    lines, line = [], words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= WRAP:
            line += " " + word
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def _label(text: str, *, flagged: bool = False) -> str:
    lines = _wrapped(text)[:6] or [""]
    if flagged:
        lines.append("(!) " + _("no path from a measure"))
    # Backslashes are doubled so user text never becomes a dot escape (`\N`, `\G`), `&` is
    # written as `&amp;` so dot shows "&lt;" as typed instead of reading it as an entity,
    # and control characters, which SVG cannot hold, are dropped. `\n` breaks lines.
    return "\\n".join(_dot_text(line) for line in lines)


def _dot_text(text: str) -> str:
    return xml_text(text).replace("\\", "\\\\").replace("&", "&amp;")


# Quoting stays with the `graphviz` package (`quote`, `a_list`); labels are plain text, never
# HTML-like labels (`nohtml`).
def _quote(text: str) -> str:
    return quote(nohtml(text))


def _attrs(attrs: dict) -> str:
    return a_list(kwargs=attrs)


GRAPH_ATTRS = {"rankdir": "LR", "bgcolor": "white", "nodesep": "0.3", "ranksep": "0.6"}
NODE_ATTRS = {
    "fontname": "Inter",
    "fontsize": "11",
    "fontcolor": "#111111",
    "style": "filled",
    "penwidth": "1.5",
}
EDGE_ATTRS = {"color": "#333333", "arrowsize": "0.8"}
_HEAD = (
    f"digraph gevinstkart {{\n\tgraph [{_attrs(GRAPH_ATTRS)}]\n\tnode [{_attrs(NODE_ATTRS)}]\n"
    f'\tedge [{_attrs(EDGE_ATTRS)}]\n\tcharset="UTF-8"\n'
)
# The attributes of an element of each kind, flagged ("no path from a measure") or not.
_KIND_ATTRS = {
    (kind, flagged): _attrs({**STYLE[kind], **(MIRACLE_STYLE if flagged else {})})
    for kind in STYLE
    for flagged in (False, True)
}


def map_to_dot(benefit_map) -> str:
    """The map as DOT source: a column (rank) per kind, left to right, and the links.

    The statements are written here rather than built with the `graphviz` package's `Digraph`,
    which quoted every attribute of every element again (0.7 ms for a map of 17 elements; the
    source is made on every view of the map, its digest is the drawing's cache key); the
    attribute lists of each kind are quoted once, by the package. The text is the
    same as `Digraph` wrote (`test_map_source_is_what_graphviz_writes`)."""
    lines = [_HEAD]
    for kind in BenefitMapNode.ORDER:
        nodes = [n for n in benefit_map.nodes if n.kind == kind]
        if not nodes:
            continue
        lines.append(f"\tsubgraph rank_{kind} {{\n\t\trank=same\n")
        for node in nodes:
            flagged = kind == "benefit" and node.pk not in benefit_map.reached
            label = _quote(_label(node.label, flagged=flagged))
            lines.append(f"\t\tn{node.pk} [label={label} {_KIND_ATTRS[kind, flagged]}]\n")
        lines.append("\t}\n")
    lines += [f"\tn{edge.source_id} -> n{edge.target_id}\n" for edge in benefit_map.edges]
    lines.append("}\n")
    return "".join(lines)


class MapNotDrawn(Exception):
    """Graphviz could not draw the map; the message says so in the user's language."""


class MapTooLarge(MapNotDrawn):
    """`dot` ran out of time on this map."""


@dataclass(frozen=True)
class MapDrawing:
    svg: str = ""  # "" for an empty map or when it could not be drawn
    problem: str = ""  # why it could not be drawn, for the page and the PDF


def _too_large() -> str:
    return _("The benefit map is too large to draw in time.")


def _run_dot(source: str) -> str:
    try:
        done = subprocess.run(
            DOT_COMMAND, input=source.encode(), capture_output=True, timeout=DOT_TIMEOUT, check=True
        )
    except OSError as exc:  # not installed, or not executable
        logger.error("Graphviz `dot` cannot run (%s); benefit maps are not drawn.", exc)
        raise MapNotDrawn(
            _("The benefit map cannot be drawn: Graphviz is not installed on the server.")
        ) from exc
    except subprocess.TimeoutExpired as exc:
        logger.warning("Graphviz `dot` took more than %s s; the map is not drawn.", DOT_TIMEOUT)
        raise MapTooLarge(_too_large()) from exc
    except subprocess.CalledProcessError as exc:
        logger.error("Graphviz `dot` failed: %s", exc.stderr[:500].decode(errors="replace"))
        raise MapNotDrawn(_("The benefit map could not be drawn.")) from exc
    return done.stdout.decode("utf-8")


def _cache_key(benefit_map) -> tuple[str, str]:
    """(dot source, cache key): the key is a digest of everything the drawing shows."""
    source = map_to_dot(benefit_map)
    return source, SVG_CACHE_PREFIX + hashlib.sha256(source.encode()).hexdigest()


def _drawn_svg(benefit_map) -> str:
    """The SVG of the map from `dot`, once per distinct dot source. A failure is not kept
    (Graphviz may be installed a minute later), except running out of time."""
    source, key = _cache_key(benefit_map)
    svg = cache.get(key)
    if svg == TOO_LARGE:
        raise MapNotDrawn(_too_large())
    if svg is None:
        try:
            svg = _run_dot(source)
        except MapTooLarge:
            cache.set(key, TOO_LARGE, TOO_LARGE_CACHE_SECONDS)
            raise
        svg = re.sub(r"<!--.*?-->", "", svg[svg.find("<svg") :], flags=re.S)
        cache.set(key, svg, SVG_CACHE_SECONDS)
    return svg


def _titled(svg: str, title: str) -> str:
    return svg.replace("<svg", f'<svg role="img" aria-label="{escape(title)}" focusable="false"', 1)


def map_svg(benefit_map, *, title: str) -> str:
    """The map as inline SVG with role="img" and an accessible name; "" for an empty map.

    Raises MapNotDrawn when Graphviz is missing, fails or runs out of time.
    """
    if not benefit_map.nodes:
        return ""
    return _titled(_drawn_svg(benefit_map), title)


def draw_map(benefit_map, *, title: str) -> MapDrawing:
    """The map's SVG, or the message to show in its place when it cannot be drawn."""
    try:
        return MapDrawing(svg=map_svg(benefit_map, title=title))
    except MapNotDrawn as problem:
        return MapDrawing(problem=str(problem))


def drawn_map(benefit_map, *, title: str) -> MapDrawing | None:
    """The drawing if this version of the map has been drawn already (or was too large to draw
    in time), else None, without running `dot`: for a page that must not wait for it."""
    if not benefit_map.nodes:
        return MapDrawing()
    svg = cache.get(_cache_key(benefit_map)[1])
    if svg is None:
        return None
    if svg == TOO_LARGE:
        return MapDrawing(problem=_too_large())
    return MapDrawing(svg=_titled(svg, title))
