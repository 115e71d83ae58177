"""Optimistic locking for edit forms, and refusal of stale state transitions.

Two people may open the same edit form; without a check the second save silently overwrites
the first. Every edited model carries an integer `version`; its edit form carries the version it
was loaded from (a hidden field); the update service locks the row, compares and raises
`EditConflict` when someone saved in between. The view then shows the form again with what the
user typed, what is saved now, who saved it and when, and the current version, so a second save
is a deliberate overwrite. See docs/decisions/0005-optimistic-locking.md.

State transitions (a gate decision, publishing, a status change) are not edits: their forms
carry the state they were shown for, and the service refuses with `StaleState` when the object
has left it (two «go» on one case must not move it twice). A repeated transition to the state
the object is already in (a double click on "publish") is answered as done.

A form never leaves a check out: the hidden state it was loaded with arrives absent or mangled
from an old page or a hand-made request, and is then read as a value no object has, so the form
is refused as stale and shown again as things are now. `None` (not checked) is only for writes
that do not come from a form.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.forms.models import model_to_dict
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled

CONFLICT_STATUS = 409


class Versioned(models.Model):
    """A model whose edit forms are checked for lost updates."""

    version = models.PositiveIntegerField(gettext_lazy("version"), default=1, editable=False)

    class Meta:
        abstract = True


class StaleState(ValidationError):
    """The action was chosen for a state the object has since left."""

    def __init__(self, message, code: str = "stale"):
        super().__init__(message, code=code)


class EditConflict(StaleState):
    """Someone saved the object after the form was loaded; `current` is the object as saved."""

    def __init__(self, current: models.Model):
        super().__init__(
            _("Someone else saved this while you were editing. Nothing of yours is saved yet."),
            code="conflict",
        )
        self.current = current


# --- Services ----------------------------------------------------------------------------------


def lock(obj: models.Model) -> models.Model:
    """Reload `obj` in place from its row, locked until the transaction ends.

    Decisions made on a copy read before the lock (a phase, a status, "already published?")
    would race; everything a service checks must come from the locked row.
    """
    obj.refresh_from_db(from_queryset=type(obj)._base_manager.select_for_update())
    return obj


def lock_version(obj: Versioned, version: int | None) -> Versioned:
    """Lock `obj`'s row and refuse when it was saved since `version` was loaded.

    A write without a version (the demo loader, a script) is not checked; every edit form
    sends one, and a form that lost it sends -1 (`LoadedIntegerField`), which is refused.
    """
    lock(obj)
    if version is not None and obj.version != version:
        raise EditConflict(obj)
    return obj


def save_versioned(obj: Versioned, fields: Iterable[str]) -> None:
    """Save only `fields` of the locked row, one version up.

    Never a plain `save()`: it would write back every field of the instance, including ones
    another transaction changed (a case's phase after a gate decision).
    """
    obj.version += 1
    names = [*dict.fromkeys(fields), "version"]
    if any(f.name == "updated_at" for f in obj._meta.concrete_fields):
        names.append("updated_at")
    obj.save(update_fields=names)


def bump_version(queryset) -> int:
    """Mark rows changed outside their edit form (a bulk update), so open forms see it."""
    return queryset.update(version=models.F("version") + 1)


def subject_of(obj: models.Model) -> dict:
    """Audit data naming the changed object when the event is logged against another one
    (a hypothesis's change appears in its case's history)."""
    return {"subject": f"{obj._meta.label_lower}:{obj.pk}"}


def last_change(obj: models.Model):
    """The latest audit event that created or changed `obj`: who saved it last, and when."""
    from .models import AuditEvent

    own = Q(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        data__subject__isnull=True,
    )
    subject = Q(data__subject=subject_of(obj)["subject"])
    # The object was fetched inside its tenant; the event is looked up by its identity.
    with scopes_disabled():
        return (
            AuditEvent.objects.filter(own | subject)
            .filter(Q(action__endswith=".changed") | Q(action__endswith=".created"))
            .select_related("actor")
            .order_by("-created_at", "-id")
            .first()
        )


# --- Forms -------------------------------------------------------------------------------------


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
