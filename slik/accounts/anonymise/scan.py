"""Scan first, then write: which rows in scope would change, and changing exactly those.

The scan only reads, outside any transaction, so on SQLite it blocks no one however much data
the person's organisations hold. The write re-reads just the rows the scan found, locked, and
scrubs them from their current values (an edit made between the scan and the write is kept).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models

from .terms import Scrubber

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)
# Columns that identify rather than describe (an organisation number, a slug, a case number, a
# token, a task path, an object id): never rewritten, even when a term happens to match.
IDENTIFIER_WORDS = {"number", "code", "slug", "token", "hash", "key", "path", "id", "ids", "uuid"}
# Rows that hold no copied text, or are handled on their own (sessions are deleted).
NOT_SEARCHED = {"sessions.Session", "contenttypes.ContentType", "auth.Permission"}
CHUNK = 500


def scrubbed_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, TEXT_FIELDS)
        and not (f.primary_key or f.choices or isinstance(f, models.SlugField))
        and f.name.rsplit("_", 1)[-1] not in IDENTIFIER_WORDS
    ]


@dataclass
class Findings:
    """Rows that would change, by model and column (primary keys only, never values)."""

    columns: dict[tuple[type[models.Model], str], set] = field(
        default_factory=lambda: defaultdict(set)
    )

    def by_model(self) -> dict[type[models.Model], set]:
        rows = defaultdict(set)
        for (model, _column), pks in self.columns.items():
            rows[model] |= pks
        return rows

    def report(self) -> list[tuple[str, int, list]]:
        """(`app.Model.column`, rows, sorted ids) per column, in a stable order."""
        lines = [
            (f"{model._meta.label}.{column}", len(pks), sorted(pks))
            for (model, column), pks in self.columns.items()
            if pks
        ]
        return sorted(lines)

    @property
    def rows(self) -> int:
        return sum(len(pks) for pks in self.by_model().values())


def _scan_queryset(queryset, scrubber: Scrubber, findings: Findings) -> None:
    model = queryset.model
    fields = scrubbed_fields(model)
    if not fields or model._meta.label in NOT_SEARCHED:
        return
    names = [f.attname for f in fields]
    rows = queryset.filter(scrubber.candidates(fields)).values_list("pk", *names)
    for pk, *values in rows.iterator(chunk_size=CHUNK):
        for f, value in zip(fields, values, strict=True):
            if scrubber.field_value(f, value) != value:
                findings.columns[(model, f.name)].add(pk)


def scan(querysets: Iterable[models.QuerySet], scrubber: Scrubber, *, skip=()) -> Findings:
    """The rows of `querysets` (models in `skip` aside) that hold a term."""
    findings = Findings()
    for queryset in querysets:
        if queryset.model not in skip:
            _scan_queryset(queryset, scrubber, findings)
    return findings


def _write_model(model, pks: list, scrubber: Scrubber) -> int:
    fields = scrubbed_fields(model)
    changed = 0
    for start in range(0, len(pks), CHUNK):
        rows = model._base_manager.select_for_update().filter(pk__in=pks[start : start + CHUNK])
        for obj in rows.only("pk", *[f.name for f in fields]):
            updates = {}
            for f in fields:
                old = getattr(obj, f.attname)
                new = scrubber.field_value(f, old)
                if new != old:
                    updates[f.attname] = new
            if updates:
                # An update, not save(): no "changed at" moves, no model logic runs.
                model._base_manager.filter(pk=obj.pk).update(**updates)
                changed += 1
    return changed


def write(findings: Findings, scrubber: Scrubber) -> int:
    """Scrub the rows found; call inside the transaction that anonymises the account."""
    return sum(
        _write_model(model, sorted(pks), scrubber) for model, pks in findings.by_model().items()
    )
