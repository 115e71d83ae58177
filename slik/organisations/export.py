"""Exporting everything an organisation owns: JSON for machines, CSV and a README for people,
and the files of its rows. Used for a GDPR request (access or portability) before an erasure.

The rows are found through `tenant_data`, so a new app's models are exported without anyone
listing them here.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope

from slik.core.audit import audit_log
from slik.core.exports import safe_cell

from .models import Membership, Organisation
from .tenant_data import file_fields, rows_of, tenant_models

USER_FIELDS = ("email", "full_name", "language", "is_active", "date_joined")


@dataclass
class ExportSummary:
    path: Path
    rows: dict[str, int] = field(default_factory=dict)  # model label → rows exported
    files: int = 0


def _user_ids(model: type[models.Model], queryset) -> set[int]:
    user_model = get_user_model()
    names = [
        f.attname
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model is user_model
    ]
    ids = set()
    for name in names:
        ids.update(queryset.exclude(**{name: None}).values_list(name, flat=True))
    return ids


def _cell(obj: models.Model, model_field) -> object:
    if model_field.choices:
        return getattr(obj, f"get_{model_field.name}_display")()
    value = getattr(obj, model_field.name)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, cls=DjangoJSONEncoder)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return "" if value is None else value


def _write_csv(path: Path, model: type[models.Model], queryset) -> None:
    columns = list(model._meta.concrete_fields)
    relations = [f.name for f in columns if f.is_relation]
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow([str(f.verbose_name) for f in columns])
        for obj in queryset.select_related(*relations).iterator(chunk_size=500):
            writer.writerow([safe_cell(_cell(obj, f)) for f in columns])


def _copy_files(model, queryset, media: Path) -> int:
    copied = 0
    for name in file_fields(model):
        storage = model._meta.get_field(name).storage
        for value in queryset.exclude(**{name: ""}).values_list(name, flat=True):
            # Names come from our own upload_to; a name leaving the folder is never followed.
            if value and ".." not in Path(value).parts and storage.exists(value):
                target = media / value
                target.parent.mkdir(parents=True, exist_ok=True)
                with storage.open(value, "rb") as source, open(target, "wb") as copy:
                    shutil.copyfileobj(source, copy)
                copied += 1
    return copied


def _readme(organisation: Organisation, summary: ExportSummary) -> str:
    lines = [
        _("SLIK – everything stored for %(name)s (%(slug)s), exported %(time)s.")
        % {
            "name": organisation.name,
            "slug": organisation.slug,
            "time": timezone.localtime().isoformat(timespec="seconds"),
        },
        "",
        _("data.json: every row as JSON (model, id and fields), with the members' accounts."),
        _("csv/: one table per kind of data, for a spreadsheet."),
        _("media/: the files that belong to the rows (reports)."),
        "",
        _("Rows per kind of data:"),
    ]
    for model in tenant_models():
        label = model._meta.label
        lines.append(f"  {model._meta.verbose_name_plural} ({label}): {summary.rows.get(label, 0)}")
    lines.append(_("Files: %(count)d") % {"count": summary.files})
    return "\n".join(str(line) for line in lines) + "\n"


def _collect(organisation: Organisation, folder: Path, summary: ExportSummary) -> dict:
    (folder / "csv").mkdir()
    data: dict[str, list] = {}
    user_ids = set(
        Membership.objects.filter(organisation=organisation).values_list("user_id", flat=True)
    )
    for model in tenant_models():
        label = model._meta.label
        queryset = rows_of(model, organisation).order_by("pk")
        data[label] = serializers.serialize("python", queryset.iterator(chunk_size=500))
        summary.rows[label] = len(data[label])
        user_ids |= _user_ids(model, queryset)
        _write_csv(folder / "csv" / f"{label.lower()}.csv", model, queryset)
        summary.files += _copy_files(model, queryset, folder / "media")
    users = get_user_model().objects.filter(pk__in=user_ids).order_by("pk")
    return {
        "format": 1,
        "exported_at": timezone.now(),
        "organisation": serializers.serialize("python", [organisation])[0],
        "users": serializers.serialize("python", users, fields=USER_FIELDS),
        "models": data,
    }


def organisation_export(*, actor, organisation: Organisation, destination: Path) -> ExportSummary:
    """Write the export into the new folder `destination` (it appears only when complete)."""
    if destination.exists():
        raise FileExistsError(destination)
    partial = destination.with_name(f".{destination.name}.partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True, mode=0o700)
    summary = ExportSummary(path=destination)
    try:
        # The scope also limits many-to-many values to the organisation's own rows.
        with scope(organisation=organisation.pk):
            document = _collect(organisation, partial, summary)
        with open(partial / "data.json", "w", encoding="utf-8") as handle:
            json.dump(document, handle, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
        (partial / "README.txt").write_text(_readme(organisation, summary), encoding="utf-8")
        os.replace(partial, destination)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    audit_log(
        actor=actor,
        action="organisation.exported",
        obj=organisation,
        organisation=organisation,
        data={"rows": sum(summary.rows.values()), "files": summary.files},
    )
    return summary
