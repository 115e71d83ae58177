"""How computed figures are named to the reader, in the reader's language: the population
statistics' and the projection's figures, the projection's alternative and source line.

Kept apart from the models and the computations, so the model can ask for a figure's words
without importing what computes the figures."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

POPULATION_SOURCE = gettext_lazy("SSB, population on 1 January (table 07459)")

ALTERNATIVES = {
    "MMMM": gettext_lazy("the main alternative (MMMM)"),
    "LLML": gettext_lazy("low national growth (LLML)"),
    "HHMH": gettext_lazy("high national growth (HHMH)"),
    "MMML": gettext_lazy("low immigration (MMML)"),
    "MMMH": gettext_lazy("high immigration (MMMH)"),
    "MMM0": gettext_lazy("no net immigration (MMM0)"),
    "LHML": gettext_lazy("strong ageing (LHML)"),
    "HLMH": gettext_lazy("weak ageing (HLMH)"),
}
DEFAULT_TABLE = "14288"


def alternative_name(code: str) -> str:
    name = ALTERNATIVES.get(code)
    return str(name) if name else _("alternative %(code)s") % {"code": code}


def projection_source(alternative: str, first_year, table: str) -> str:
    """«SSB, population projections 2024 (table 14288), the main alternative (MMMM)»."""
    return _("SSB, population projections %(year)s (table %(table)s), %(alternative)s") % {
        "year": first_year,
        "table": table or DEFAULT_TABLE,
        "alternative": alternative_name(alternative),
    }


# The kind is the code's first part («share80:2026», «p80:2040:MMMM:2024:14288»).
FIGURE_WORDS = {
    "share80": (gettext_lazy("Share of the population aged 80 or over"), "%"),
    "workers80": (
        gettext_lazy("People aged 20–66 per person aged 80 or over"),
        gettext_lazy("persons"),
    ),
    "p80": (gettext_lazy("Persons aged 80 or over"), gettext_lazy("persons")),
    "pratio": (
        gettext_lazy("People aged 20–66 per person aged 80 or over"),
        gettext_lazy("persons"),
    ),
    "pcare": (
        gettext_lazy(
            "Care labour-years needed per 1,000 inhabitants aged 20–66, at today's coverage"
        ),
        gettext_lazy("labour-years"),
    ),
}
PROJECTION_KINDS = ("p80", "pratio", "pcare")


def _words(code: str) -> dict[str, Callable[[], str]] | None:
    kind, *rest = code.split(":")
    if kind not in FIGURE_WORDS:
        return None
    label, unit = FIGURE_WORDS[kind]
    if kind in PROJECTION_KINDS:
        # «p80:2040:MMMM:2024:14288»: the projection the figure came from.
        alternative, first_year, table = (rest[1:] + ["", "", ""])[:3]
        source = lambda: projection_source(alternative, first_year, table)  # noqa: E731
    else:
        source = lambda: str(POPULATION_SOURCE)  # noqa: E731
    return {"label": lambda: str(label), "unit": lambda: str(unit), "source": source}


@lru_cache(maxsize=512)
def _variants(code: str, part: str) -> frozenset[str]:
    """The part's text in every language SLIK speaks: a stored text among them is untouched."""
    words = _words(code)
    texts = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            texts.add(words[part]())
    return frozenset(texts)


def computed_words(figure) -> dict[str, str]:
    """`label`, `unit` and `source` of a key figure as the reader should see them."""
    typed = {"label": figure.label, "unit": figure.unit, "source": figure.source}
    words = _words(figure.computed_code) if figure.computed_code else None
    if words is None:
        return typed
    return {
        part: words[part]() if text in _variants(figure.computed_code, part) else text
        for part, text in typed.items()
    }
