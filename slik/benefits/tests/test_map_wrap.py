"""The labels of the map's drawing are wrapped as `textwrap` wraps them, also where the wrapping
is done by hand (graph._wrapped): the dot source, and so the drawing and its cache key, are the
same."""

import random
import textwrap

import pytest

from ..graph import WRAP, _wrapped

LABELS = [
    "",
    "Kortere saksbehandling",
    "Færre feilutbetalinger av sosialhjelp til innbyggere",
    "Et ord som er mye lengre enn en linje kan være",
    "Ordeneerlangeogmangeogflereennenlinje her",
    " ledende og etterfølgende mellomrom ",
    "to  mellomrom mellom ordene her og der",
    "tabulator\tog linjeskift\nmidt i teksten som er lang",
    "bindestrek-ord i en lang tekst om helse-Norge",
    "tankestrek -- mellom ord i en ganske lang tekst",
    "ikke\xa0brytende\xa0mellomrom\xa0i\xa0en\xa0lang\xa0tekst",
    "a" * WRAP + " b",
    "a" * (WRAP - 1) + " b" * 30,
]


@pytest.mark.parametrize("label", LABELS)
def test_wrapped_is_textwrap(label):
    assert _wrapped(label) == textwrap.wrap(label, WRAP)


def test_wrapped_is_textwrap_for_random_labels():
    pieces = ["a", "bb", "ccc", "øæå", "x" * 10, "y" * 24, "z" * 25, " ", " ", "  ", "-", ".",
              "\t", "\n", "\xa0", "!", "—"]  # fmt: skip
    rnd = random.Random(8)
    for _ in range(20_000):
        label = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 16)))
        assert _wrapped(label) == textwrap.wrap(label, WRAP), label
