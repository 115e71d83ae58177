"""Natural bounds on indicators and new periods of the control chart.

Existing indicators get a lowest possible value of 0 when nothing recorded on them (baseline,
target, measurements) is negative: hours, kroner, counts and scores cannot be. A percentage
keeps empty bounds and is read as 0 to 100 (Indicator.natural_bounds). One statement, the
measurements looked up through the index (indicator, date, value)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

FILL = """
UPDATE benefits_indicator SET lower_bound = 0
WHERE LOWER(TRIM(unit)) NOT IN ('%', 'prosent', 'percent')
  AND COALESCE(baseline_value, 0) >= 0
  AND COALESCE(target_value, 0) >= 0
  AND NOT EXISTS (
    SELECT 1 FROM benefits_measurement m
    WHERE m.indicator_id = benefits_indicator.id AND m.value < 0
  )
"""


class Migration(migrations.Migration):
    dependencies = [
        ("benefits", "0009_indicator_measurement_summary"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="indicator",
            name="lower_bound",
            field=models.DecimalField(
                blank=True,
                decimal_places=4,
                max_digits=16,
                null=True,
                verbose_name="lowest possible value",
            ),
        ),
        migrations.AddField(
            model_name="indicator",
            name="upper_bound",
            field=models.DecimalField(
                blank=True,
                decimal_places=4,
                max_digits=16,
                null=True,
                verbose_name="highest possible value",
            ),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
        migrations.CreateModel(
            name="LimitPeriod",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("starts_on", models.DateField(verbose_name="new period from")),
                ("reason", models.CharField(max_length=300, verbose_name="reason")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "indicator",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="periods",
                        to="benefits.indicator",
                    ),
                ),
            ],
            options={
                "verbose_name": "period of the control chart",
                "ordering": ["starts_on", "id"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("indicator", "starts_on"), name="limit_period_unique"
                    )
                ],
            },
        ),
    ]
