"""Fill `covered_from` on the measurement tasks made before it existed.

The rule is copied here as it stands today (a migration must not change with the code): a
measurement counts for a task from the due date less the lead, 3 days for weekly indicators
and 7 for the others, held at the first date Python knows.
"""

import datetime

from django.db import migrations

LEAD_DAYS = {"weekly": 3}
DEFAULT_LEAD_DAYS = 7


def fill_covered_from(apps, schema_editor):
    MeasurementTask = apps.get_model("benefits", "MeasurementTask")
    tasks = MeasurementTask.objects.filter(covered_from__isnull=True).select_related("indicator")
    for task in tasks.iterator():
        lead = LEAD_DAYS.get(task.indicator.frequency, DEFAULT_LEAD_DAYS)
        try:
            task.covered_from = task.due_on - datetime.timedelta(days=lead)
        except OverflowError:
            task.covered_from = datetime.date.min
        task.save(update_fields=["covered_from"])


class Migration(migrations.Migration):
    dependencies = [("benefits", "0005_measurement_one_per_date")]

    operations = [migrations.RunPython(fill_covered_from, migrations.RunPython.noop)]
