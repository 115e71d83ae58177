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
# How the hidden state a form was loaded with (a version, a phase, a status) can arrive: left
# out by an old page or a hand-made request, or mangled (not a number, longer than any status).
MANGLED = ("missing", "garbage")
GARBAGE = "²x" * 15


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


def loaded(client, url, form_name="form") -> dict:
    """The hidden fields of the form at `url` as a browser loads them (the version, the state
    it is shown for): a test posting its own values sends these along, as the page does."""
    form = client.get(url).context[form_name]
    return {name: value for name, value in form_data(form).items() if name in loaded_state(form)}


def loaded_state(form) -> list[str]:
    """The hidden fields carrying the state `form` was loaded for."""
    return [
        bound.html_name
        for bound in form.hidden_fields()
        if bound.name == "version" or bound.name.startswith(("expected_", "was_"))
    ]


def mangle(data: dict, names, how: str) -> dict:
    """`data` with the hidden fields `names` left out (`how` "missing") or mangled."""
    data = dict(data)
    for name in names:
        if how == "missing":
            data.pop(name, None)
        else:
            data[name] = GARBAGE
    return data


def _edit(client, url, field, value, form_name="form", extra=None):
    response = client.get(url)
    assert response.status_code == 200, url
    return {**form_data(response.context[form_name]), **(extra or {}), field: value}


def assert_second_save_is_refused_then_deliberate(
    *, url, field, first, second, saved, values=(FIRST, SECOND), form_name="form", extra=None
):
    """`first`/`second`: (user, client); `saved()`: the field's value in the database now;
    `values`: what the first and the second person type; `extra`: more of the POST (which of
    the page's forms is sent)."""
    (first_user, first_client), (_second_user, second_client) = first, second
    mine, theirs = values
    first_post = _edit(first_client, url, field, mine, form_name, extra)
    second_post = _edit(second_client, url, field, theirs, form_name, extra)

    assert first_client.post(url, first_post).status_code == 302
    refused = second_client.post(url, second_post)

    assert refused.status_code == 409, "the second save went through over the first"
    assert str(saved()) == mine
    form = refused.context[form_name]
    row = next(row for row in form.conflict.rows if row["typed"] == theirs)
    assert row["saved"] == mine
    assert form.conflict.event is not None and form.conflict.event.actor == first_user
    assert form[field].value() == theirs  # what the second person typed is kept
    page = refused.content.decode()
    assert 'id="edit-conflict"' in page and mine in page

    again = second_client.post(url, {**form_data(form), **(extra or {})})
    assert again.status_code == 302, "saving again after the notice overwrites deliberately"
    assert str(saved()) == theirs


def assert_unreadable_version_is_refused(
    *, url, field, client, saved, how, value=SECOND, form_name="form", extra=None
):
    """A save whose version is missing or mangled is refused like a stale one, changes
    nothing and shows the form again with what was typed and the version saved now; saving
    that is a deliberate overwrite."""
    loaded = client.get(url).context[form_name]
    names = loaded_state(loaded)
    assert names, "the edit form carries no version"
    before = saved()
    post = mangle({**form_data(loaded), **(extra or {}), field: value}, names, how)

    refused = client.post(url, post)

    assert refused.status_code == 409, "a save without a readable version went through"
    assert saved() == before
    form = refused.context[form_name]
    assert form.conflict is not None and form.conflict.unknown
    assert form[field].value() == value
    again = client.post(url, {**form_data(form), **(extra or {})})
    assert again.status_code == 302, "saving the form shown again is a deliberate overwrite"
    assert str(saved()) == value
