"""What a row of a list page shows, written in Python once per page rather than by a template
tag or filter per row: a `{% url %}`, a `|date` or a `get_FOO_display` cost 30–40 µs each, and a
list page has 25 rows of them."""

from __future__ import annotations

import datetime

from django.utils.dates import MONTHS

from slik.core.links import link_maker


def long_date(value) -> str:
    """What `value|date:"j. F Y"` writes for a date ("5. mars 2026"), in the active language."""
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        return ""
    return f"{value.day}. {MONTHS[value.month]} {value.year:04d}"


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
