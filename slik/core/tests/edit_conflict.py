"""Two people editing one object: the shared steps of every app's edit-conflict tests.

Both load the edit form, the first saves, the second saves a different value: the second must
get the form back (409) with a notice naming the first person's value and keeping their own,
the first value must stay saved, and saving again (with the version the notice gave) is a
deliberate overwrite.
"""

from __future__ import annotations

from django import forms
from django.test import Client

FIRST, SECOND = "Endret av den første", "Endret av den andre"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_data(form) -> dict:
    """What a browser sends for `form` as it is rendered (hidden fields included)."""
    data = {}
    for field in form:
        value = field.value()
        if isinstance(field.field, forms.BooleanField):
            if value:
                data[field.html_name] = "on"
            continue
        shown = field.field.widget.format_value(value)
        data[field.html_name] = "" if shown is None else shown
    return data


def _edit(client, url, field, value):
    response = client.get(url)
    assert response.status_code == 200, url
    return {**form_data(response.context["form"]), field: value}


def assert_second_save_is_refused_then_deliberate(*, url, field, first, second, saved):
    """`first`/`second`: (user, client); `saved()`: the field's value in the database now."""
    (first_user, first_client), (_second_user, second_client) = first, second
    first_post = _edit(first_client, url, field, FIRST)
    second_post = _edit(second_client, url, field, SECOND)

    assert first_client.post(url, first_post).status_code == 302
    refused = second_client.post(url, second_post)

    assert refused.status_code == 409, "the second save went through over the first"
    assert saved() == FIRST
    form = refused.context["form"]
    row = next(row for row in form.conflict.rows if row["typed"] == SECOND)
    assert row["saved"] == FIRST
    assert form.conflict.event is not None and form.conflict.event.actor == first_user
    assert form[field].value() == SECOND  # what the second person typed is kept
    page = refused.content.decode()
    assert 'id="edit-conflict"' in page and FIRST in page

    again = second_client.post(url, form_data(form))
    assert again.status_code == 302, "saving again after the notice overwrites deliberately"
    assert saved() == SECOND
