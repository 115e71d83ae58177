"""What a row of a list page shows, written in Python once per page rather than by a template
tag or filter per row: a `{% url %}`, a date filter or a `get_FOO_display` cost 30–40 µs each,
and a list page has 25 rows of them."""

from __future__ import annotations

from slik.core.links import link_maker


def choice_labels(choices) -> dict:
    """{value: label} of a field's choices, each label translated once."""
    return {value: str(label) for value, label in choices}


def with_links(objects, name: str, *, id_name: str, **kwargs) -> list:
    """`objects` as a list, each with its page's address as `.url` (one reverse())."""
    url = link_maker(name, id_name=id_name, **kwargs)
    objects = list(objects)
    for obj in objects:
        obj.url = url(obj.pk)
    return objects
