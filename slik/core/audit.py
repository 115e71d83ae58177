"""The audit log. Services call `audit_log` for every state change (never signals).

Action codes are dotted (`case.phase.advanced`); each app registers a human label per code in
its AppConfig.ready() (`register_actions`), so the history on an object's page reads as text in
the user's language. `history_entries` turns events into the lines the history shows: field
names as the object's model names them, values written the Norwegian way (dates, numbers), the
record an event is about named, and repeated identical lines told once with a count.
"""

from __future__ import annotations

import dataclasses
import datetime
import decimal
import re
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext

from . import formats
from .models import AuditEvent
from .registry import KeyedRegistry

ACTION_LABELS = KeyedRegistry(
    "core.audit_labels", "A readable label per audit action code: code -> label (lazy text)"
)


def register_actions(labels: dict[str, str]) -> None:
    """Labels for an app's action codes; a code claimed twice with another label is an error."""
    ACTION_LABELS.update(labels)


def action_label(code: str) -> str:
    return str(ACTION_LABELS.get(code, code))


def _plain(value):
    """Make a field value JSON-safe and readable in the history."""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict:
    """The values of `fields` now, for a before/after comparison."""
    result = {}
    for name in fields:
        value = getattr(obj, name)
        display = getattr(obj, f"get_{name}_display", None)
        result[name] = _plain(display() if callable(display) else value)
    return result


def diff(before: dict, after: dict) -> dict:
    return {
        key: [before.get(key), after.get(key)]
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


def audit_log(
    *,
    actor,
    action: str,
    obj: models.Model,
    organisation=None,
    before: dict | None = None,
    after: dict | None = None,
    data: dict | None = None,
) -> AuditEvent:
    if organisation is None:
        organisation = getattr(obj, "organisation", None)
    changes = diff(before or {}, after or {})
    return AuditEvent.objects.create(
        organisation=organisation,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        object_repr=str(obj)[:300],
        changes=changes,
        data={k: _plain(v) for k, v in (data or {}).items()},
    )


def history_for(obj: models.Model, *, limit: int = 50) -> list[HistoryEntry]:
    """The history shown on an object's page: its lines (`history_entries`) of the latest
    `limit` events, newest first."""
    return history_entries(history_events(obj, limit=limit))


def history_events(obj: models.Model, *, limit: int = 50):
    """An object's latest events, newest first, with actors and models in the same query."""
    return (
        AuditEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        )
        .select_related("actor", "content_type")
        .order_by("-created_at", "-id")[:limit]
    )


_FIELD_LABELS: dict[str, object] | None = None


def field_label(name: str, model: type[models.Model] | None = None) -> str:
    """A readable label for a field name in the history, from the models' verbose names.

    The event's own model names its fields first (a commission's `text` is «the text of the
    decision», not a roadmap step). Histories also mix in fields of an object's records (a
    hypothesis logged against its case): those are looked up across SLIK's models by name.
    """
    if model is not None:
        try:
            verbose = getattr(model._meta.get_field(name), "verbose_name", None)
        except FieldDoesNotExist:
            verbose = None
        if verbose:
            return str(verbose)
    global _FIELD_LABELS
    if _FIELD_LABELS is None:
        from collections import Counter, defaultdict

        from django.apps import apps

        # The most common verbose name for a field name wins ("name" over "official name").
        votes: dict[str, Counter] = defaultdict(Counter)
        lazy: dict[str, object] = {}
        for model in apps.get_models():
            if not model.__module__.startswith("slik."):
                continue
            for field in model._meta.get_fields():
                verbose = getattr(field, "verbose_name", None)
                if verbose:
                    votes[field.name][str(verbose)] += 1
                    lazy.setdefault(f"{field.name}:{verbose}", verbose)
        _FIELD_LABELS = {
            name: lazy[f"{name}:{counter.most_common(1)[0][0]}"] for name, counter in votes.items()
        }
    label = _FIELD_LABELS.get(name)
    return str(label) if label is not None else name.replace("_", " ")


# --- The history as people read it ----------------------------------------------------------

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
ISO_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(?:Z|[+-][0-9]{2}:?[0-9]{2})?")
# What `_plain` writes for a Decimal (str: "1250.5000"); whole numbers stay as typed.
DECIMAL_TEXT = re.compile(r"-?[0-9]+\.[0-9]+")


def value_text(value) -> str:
    """A before/after value as people read it: yes/no, lists joined, a dash for blanks, dates
    and numbers the Norwegian way (the log stores ISO dates and Decimal text)."""
    if value is True:
        return gettext("Yes")
    if value is False:
        return gettext("No")
    if value in (None, "", []):
        return formats.EMPTY
    if isinstance(value, list):
        return ", ".join(value_text(item) for item in value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return formats.format_number(value, None)
    text = str(value)
    try:
        if ISO_DATE.fullmatch(text):
            return formats.format_date(datetime.date.fromisoformat(text))
        if ISO_DATETIME.fullmatch(text):
            return formats.format_datetime(datetime.datetime.fromisoformat(text))
    except ValueError:
        return text
    if DECIMAL_TEXT.fullmatch(text):
        return formats.format_number(decimal.Decimal(text), None)
    return text


@dataclasses.dataclass
class HistoryEntry:
    """One line of the history: an event, or several identical ones in a row (`count`)."""

    event: AuditEvent
    label: str
    subject: str
    changes: list[tuple[str, str, str]]
    reason: str
    count: int = 1

    @property
    def created_at(self):
        return self.event.created_at

    @property
    def actor(self):
        return self.event.actor

    @property
    def action(self) -> str:
        return self.event.action

    def reads_as(self) -> tuple:
        return (
            self.event.actor_id,
            self.event.action,
            self.subject,
            self.changes,
            self.reason,
            formats.format_date(self.event.created_at),
        )


def _subject(event: AuditEvent) -> str:
    """What the event is about, when it is not the object whose history this is: the record
    added to a case, the element or link of its benefit map."""
    data = event.data or {}
    if data.get("record"):
        return str(data["record"])
    if data.get("source") and data.get("target"):
        return f"{data['source']} → {data['target']}"
    return str(data.get("label") or "")


def _changes(event: AuditEvent) -> list[tuple[str, str, str]]:
    """(field label, before, after) for each changed field. A record added to or deleted from
    a case is named in the line itself, so its fields are not listed one by one."""
    data = event.data or {}
    if data.get("record") and not event.action.endswith(".changed"):
        return []
    model = event.content_type.model_class() if event.content_type_id else None
    rows = []
    for name, pair in (event.changes or {}).items():
        before, after = (list(pair) + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        label = field_label(name, model)
        rows.append((label[:1].upper() + label[1:], value_text(before), value_text(after)))
    return rows


def history_entries(events) -> list[HistoryEntry]:
    """The history's lines, newest first; identical lines in a row (same person, action, what
    it is about and changes, on the same day) become one line with a count."""
    entries: list[HistoryEntry] = []
    for event in events:
        entry = HistoryEntry(
            event=event,
            label=action_label(event.action),
            subject=_subject(event),
            changes=_changes(event),
            reason=str((event.data or {}).get("reason") or ""),
        )
        if entries and entries[-1].reads_as() == entry.reads_as():
            entries[-1].count += 1
        else:
            entries.append(entry)
    return entries
