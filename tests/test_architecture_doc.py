"""docs/architecture.md names every extension point the running apps declare, and every app of
the layer order, so the document cannot fall behind the code."""

from pathlib import Path

from slik.core.registry import EXTENSION_POINTS

from .test_layers import LAYERS

DOC = Path(__file__).resolve().parent.parent / "docs" / "architecture.md"


def test_every_extension_point_is_documented():
    text = DOC.read_text()
    missing = [name for name in EXTENSION_POINTS if f"`{name}`" not in text]
    assert EXTENSION_POINTS, "The apps declare no extension points: were they loaded?"
    assert not missing, f"Describe these in docs/architecture.md: {missing}"


def test_every_registered_item_comes_from_an_app_at_or_above_the_declaring_one():
    rank = {app: index for index, app in enumerate(LAYERS)}
    wrong = []
    for name, registry in EXTENSION_POINTS.items():
        declaring = name.split(".")[0]
        items = registry.items() if hasattr(registry, "items") else ((None, i) for i in registry)
        for _key, item in items:
            module = getattr(item, "__module__", "") or ""
            parts = module.split(".")
            if len(parts) > 1 and parts[0] == "slik" and rank[parts[1]] < rank[declaring]:
                wrong.append(f"{name}: {module}")
    assert not wrong, wrong


def test_the_layer_order_is_drawn_in_the_document():
    text = DOC.read_text()
    assert " → ".join(LAYERS) in text
