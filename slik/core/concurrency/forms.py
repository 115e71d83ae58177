"""The form side of optimistic locking: the hidden state a form was loaded with, the conflict
notice shown when someone saved meanwhile, and `form_save`, which puts a service's refusal on the
form instead of a 500."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.utils import formats
from django.utils.translation import gettext as _

from .versions import CONFLICT_STATUS, EditConflict, StaleState, last_change


class LoadedIntegerField(forms.IntegerField):
    """A hidden integer the form was loaded with (a version, a phase, a weight). Absent, empty
    or unreadable, it becomes -1, which no object has: a form that lost it is refused as stale,
    never trusted unchecked (None is what a write from outside a form sends to skip the check).
    """

    widget = forms.HiddenInput
    unreadable = -1

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def clean(self, value):
        try:
            number = super().clean(value)
        except ValidationError:
            return self.unreadable
        return self.unreadable if number is None else number


class LoadedCharField(forms.CharField):
    """A hidden state the form was loaded with (a status). Absent, empty or not a status-like
    word, it becomes "?", which no object has, so the form is refused as stale (an empty
    expected status would skip the check)."""

    widget = forms.HiddenInput
    unreadable = "?"

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def clean(self, value):
        text = value.strip() if isinstance(value, str) else ""
        return text if re.fullmatch(r"[\w-]{1,40}", text, re.ASCII) else self.unreadable


class LoadedIdsField(forms.CharField):
    """A hidden set of ids the form was loaded with (the cases linked to something), written
    as "ids:1,2,3" so that an empty set differs from a lost field. Absent or unreadable, it
    becomes a set no object has, and the form is refused as stale."""

    widget = forms.HiddenInput
    unreadable = frozenset({-1})

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    @staticmethod
    def shown(ids) -> str:
        return "ids:" + ",".join(str(pk) for pk in sorted(ids))

    def clean(self, value):
        text = value.strip() if isinstance(value, str) else ""
        if not re.fullmatch(r"ids:(\d{1,18}(,\d{1,18})*)?", text, re.ASCII):
            return self.unreadable
        return frozenset(int(pk) for pk in text[4:].split(",") if pk)


LOADED_FIELDS = (LoadedIntegerField, LoadedCharField, LoadedIdsField)


def loaded_unreadable(form, names=None) -> list[str]:
    """The hidden states (of `names`, or all) the cleaned form lost since it was loaded."""
    data = getattr(form, "cleaned_data", {})
    return [
        name
        for name, field in form.fields.items()
        if isinstance(field, LOADED_FIELDS)
        and (names is None or name in names)
        and name in data
        and data[name] == field.unreadable
    ]


class VersionedFormMixin:
    """Adds the hidden `version` field to an edit form, filled from the instance (or from
    `version=` for a form that is not a model form). A form creating an object has none."""

    conflict: Conflict | None = None
    stale = False

    def __init__(self, *args, version: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if version is None and instance is not None and instance.pk:
            version = instance.version
        if version is not None:
            self.fields["version"] = LoadedIntegerField()
            self.initial["version"] = version

    def saved_values(self, obj) -> dict:
        """The object's values as this form shows them; plain forms override it."""
        return model_to_dict(obj, fields=list(self.fields))


@dataclass
class Conflict:
    """What the conflict notice shows: per field, saved now against typed; who saved, when;
    `unknown` when the form lost the version it was loaded with (nobody may have saved)."""

    rows: list[dict] = field(default_factory=list)
    event: object = None
    unknown: bool = False


def _choice_labels(field) -> dict[str, str]:
    labels = {}
    for value, label in field.choices:
        if isinstance(label, list | tuple):  # an option group
            labels.update({str(v): str(lbl) for v, lbl in label})
        else:
            labels[str(value)] = str(label)
    return labels


def _text(field: forms.Field, value) -> str:
    if isinstance(field, forms.ChoiceField):  # model choices too
        prepared = field.prepare_value(value)
        many = isinstance(prepared, list | tuple)
        labels = _choice_labels(field)
        texts = [labels.get(str(v), str(v)) for v in (prepared if many else [prepared])]
        return ", ".join(sorted(texts)) if many else texts[0]
    if isinstance(value, list | tuple):
        return ", ".join(str(formats.localize(v)) for v in value)
    return str(formats.localize(value))


def shown_value(field: forms.Field, value) -> str:
    """A field's value as a person reads it: labels for choices, local dates and numbers."""
    if isinstance(field, forms.BooleanField):
        return _("Yes") if value else _("No")
    if value is None or value == "":
        return "–"
    return _text(field, value).strip() or "–"


def conflict_rows(form, current) -> list[dict]:
    saved = form.saved_values(current)
    rows = []
    for name, bound in ((n, form[n]) for n in form.fields if n != "version"):
        if bound.is_hidden:
            continue
        typed = form.cleaned_data.get(name) if hasattr(form, "cleaned_data") else None
        now, mine = shown_value(bound.field, saved.get(name)), shown_value(bound.field, typed)
        if now != mine:
            rows.append({"label": bound.label, "saved": now, "typed": mine})
    return rows


def reload_hidden(form, **values) -> None:
    """Set hidden fields of a bound form to the object's state now (a version, a phase): shown
    again after a refusal, the form keeps what the user typed and sending it again is a
    deliberate choice made on the current state."""
    data = form.data.copy()
    for name, value in values.items():
        data[form.add_prefix(name)] = "" if value is None else str(value)
    form.data = data


def show_conflict(form, current) -> None:
    """Prepare `form` to be shown again after an EditConflict: the notice, the user's input
    kept, and the current version so that saving again overwrites deliberately."""
    form.conflict = Conflict(
        rows=conflict_rows(form, current),
        event=last_change(current),
        unknown=bool(loaded_unreadable(form, ["version"])),
    )
    form.stale = True
    reload_hidden(form, version=current.version)


def _lost_state(form) -> bool:
    """Whether the form lost a state other than its version (which the notice explains)."""
    return any(name != "version" for name in loaded_unreadable(form))


def stale_message(form, message) -> str:
    """The reason a stale form is refused: the service's (the case has moved on), unless the
    form lost the state it was loaded with – then that reason would not be true."""
    if _lost_state(form):
        return _(
            "Nothing was saved: the form did not say which state it was opened for. It is "
            "shown again as things are now; check it and send it again."
        )
    return message


def refuse_stale(form, message, **current) -> None:
    """Refuse `form` in its own clean() because the object has left the state it was loaded
    for; it is shown again with the hidden state set to `current`, so sending it again is a
    deliberate choice made on the state of now."""
    form.add_error(None, StaleState(stale_message(form, message)))
    form.stale = True
    reload_hidden(form, **current)


def add_service_error(form, error: ValidationError) -> None:
    """Put a service's refusal on the form. Errors naming a field the form does not have
    (a field it left out for this state) become errors of the whole form, never a 500."""
    if isinstance(error, StaleState):
        form.stale = True
        if _lost_state(form):
            error = StaleState(stale_message(form, ""))
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def form_save(form, write: Callable):
    """Run a service write for a valid form. Returns its result, or None when it refused; the
    refusal is then on the form (field errors, a stale state or an edit conflict)."""
    form.stale = False
    try:
        return write()
    except EditConflict as conflict:
        show_conflict(form, conflict.current)
    except ValidationError as error:
        add_service_error(form, error)
    return None


def requested_flag(request, name: str, *, current: bool) -> bool:
    """The on/off state a button asks for ("1"/"0" in `name`). Buttons send the state they
    show, not "toggle", so a second click or a page opened before someone else's click asks
    for the same state again instead of undoing it. Without a readable field (a hand-made or
    mangled post) nothing changes: a toggle would undo the click it repeats."""
    value = request.POST.get(name)
    if value in ("0", "1"):
        return value == "1"
    return current


def is_stale(form) -> bool:
    """Whether the form was refused because the object changed since it was loaded."""
    return getattr(form, "stale", False)


def form_status(form) -> int:
    """409 for a form refused because the object changed meanwhile; 200 otherwise."""
    return CONFLICT_STATUS if is_stale(form) else 200
