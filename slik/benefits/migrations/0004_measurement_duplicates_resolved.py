"""Before measurements become one per indicator and date: resolve the duplicates stored so far.

Two confirmations of one import (or the form, which accepted a date twice) stored the same
date more than once. For each (indicator, date) the latest recorded value is kept (newest
`created_at`, then highest id) and the others are deleted; each resolution is printed and
recorded as an audit event on the benefit, with the removed values, so nothing disappears
without a trace. The constraint itself comes in the next migration.
"""

from django.db import migrations
from django.db.models import Count


def _removed(measurement) -> dict:
    return {
        "id": measurement.pk,
        "value": str(measurement.value),
        "comment": measurement.comment,
        "recorded_by": measurement.recorded_by_id,
        "created_at": measurement.created_at.isoformat() if measurement.created_at else None,
    }


def resolve_duplicates(apps, schema_editor):
    Measurement = apps.get_model("benefits", "Measurement")
    AuditEvent = apps.get_model("core", "AuditEvent")
    ContentType = apps.get_model("contenttypes", "ContentType")
    groups = (
        Measurement.objects.values("indicator_id", "measured_on")
        .annotate(copies=Count("id"))
        .filter(copies__gt=1)
        .order_by("indicator_id", "measured_on")
    )
    benefit_type = None
    for group in groups:
        copies = list(
            Measurement.objects.filter(
                indicator_id=group["indicator_id"], measured_on=group["measured_on"]
            )
            .select_related("indicator__benefit")
            .order_by("-created_at", "-id")
        )
        kept, removed = copies[0], copies[1:]
        benefit = kept.indicator.benefit
        print(
            f"\n  Measurement duplicates, indicator {kept.indicator_id} on "
            f"{kept.measured_on.isoformat()}: kept #{kept.pk} ({kept.value}), removed "
            + ", ".join(f"#{m.pk} ({m.value})" for m in removed)
        )
        if benefit_type is None:
            benefit_type, _created = ContentType.objects.get_or_create(
                app_label="benefits", model="benefit"
            )
        AuditEvent.objects.create(
            organisation_id=benefit.organisation_id,
            actor=None,
            action="measurement.duplicate_removed",
            content_type=benefit_type,
            object_id=benefit.pk,
            object_repr=str(benefit.title)[:300],
            changes={},
            data={
                "indicator": kept.indicator.name,
                "measured_on": kept.measured_on.isoformat(),
                "kept": {"id": kept.pk, "value": str(kept.value)},
                "removed": [_removed(m) for m in removed],
            },
        )
        Measurement.objects.filter(pk__in=[m.pk for m in removed]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("benefits", "0003_edit_version"),
        ("core", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(resolve_duplicates, migrations.RunPython.noop)]
