"""The audit log. Services call `audit_log` for every state change (never signals).

Action codes are dotted (`case.phase.advanced`); each app registers a human label per code in
its AppConfig.ready() (`register_actions`), so the history on an object's page reads as
Norwegian text.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import models

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


def history_for(obj: models.Model, *, limit: int = 50):
    """The history shown on an object's page, newest first, with actors in the same query."""
    return (
        AuditEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        )
        .select_related("actor")
        .order_by("-created_at", "-id")[:limit]
    )


_FIELD_LABELS: dict[str, object] | None = None


def field_label(name: str) -> str:
    """A readable label for a field name in the history, from the models' verbose names.

    Histories mix fields of a case and of its records (a hypothesis logged against its case),
    so labels are looked up across SLIK's models by name; the same name means the same thing
    throughout the domain (title, status, decided_by …).
    """
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
