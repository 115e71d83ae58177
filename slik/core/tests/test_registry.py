"""The extension points: ordered and keyed, registered once, declared once."""

import pytest

from slik.core.registry import EXTENSION_POINTS, KeyedRegistry, Registry


@pytest.fixture
def points():
    before = dict(EXTENSION_POINTS)
    yield
    EXTENSION_POINTS.clear()
    EXTENSION_POINTS.update(before)


def test_a_registry_keeps_order_and_adds_each_item_once(points):
    panels = Registry("test.panels", "Panels for a test")
    first, second = object(), object()
    panels.register(first)
    panels.register(second)
    panels.register(first)  # ready() running twice
    assert list(panels) == [first, second] and len(panels) == 2


def test_a_keyed_registry_refuses_a_second_item_under_a_key(points):
    labels = KeyedRegistry("test.labels", "Labels for a test")
    labels.update({"case.created": "Created"})
    labels.register("case.created", "Created")
    with pytest.raises(ValueError):
        labels.register("case.created", "Made")
    assert labels["case.created"] == "Created" and "case.created" in labels


def test_an_extension_point_is_declared_once(points):
    Registry("test.once", "Once")
    with pytest.raises(ValueError):
        KeyedRegistry("test.once", "Twice")
