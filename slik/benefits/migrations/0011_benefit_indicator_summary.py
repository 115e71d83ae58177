"""The summary of its indicators kept on each benefit (how many, the gains the roll-up sums,
where their pitfalls may be) and each indicator's next due date, filled here from the
indicators; from now on the services that write indicators and measurements keep them
(services.summaries).

The values are worked out in Python by the services' own functions (`benefit_summary`,
`pitfalls.next_measurement_due`): which units are summed (`rollup.unit_kind`: «Årsverk», «NOK»)
and the next of an indicator's given dates cannot be written in portable SQL. One pass over the
indicators in benefit order and one `executemany` per table: ≈ 10 s for the benchmark's 67,000
indicators and 34,000 benefits on SQLite, most of it SQLite rebuilding the benefit table for
each new column."""

from itertools import groupby

from django.db import migrations, models

from slik.benefits.pitfalls import next_measurement_due
from slik.benefits.services.summaries import (
    SUMMARY_COLUMNS,
    SUMMED_FIELDS,
    IndicatorRow,
    benefit_summary,
)

DUE_SQL = "UPDATE benefits_indicator SET next_due_on = %s WHERE id = %s"


def fill(apps, schema_editor):
    indicator_model = apps.get_model("benefits", "Indicator")
    ops = schema_editor.connection.ops
    rows = (
        indicator_model.objects.order_by("benefit_id", "id")
        .values_list(*SUMMED_FIELDS)
        .iterator(chunk_size=5000)
    )
    due_dates, summaries = [], []
    for benefit_id, values in groupby(rows, key=lambda values: values[1]):
        indicators = [IndicatorRow(*row) for row in values]
        for indicator in indicators:
            indicator.next_due_on = next_measurement_due(indicator)
            if indicator.next_due_on is not None:
                due_dates.append((ops.adapt_datefield_value(indicator.next_due_on), indicator.pk))
        summary = benefit_summary(indicators)
        values = [getattr(summary, name) for name in SUMMARY_COLUMNS]
        values[-1] = ops.adapt_datefield_value(values[-1])
        summaries.append((*values, benefit_id))
    columns = ", ".join(f"{name} = %s" for name in SUMMARY_COLUMNS)
    with schema_editor.connection.cursor() as cursor:
        cursor.executemany(DUE_SQL, due_dates)
        cursor.executemany(f"UPDATE benefits_benefit SET {columns} WHERE id = %s", summaries)


def count(name: str) -> migrations.AddField:
    return migrations.AddField(
        model_name="benefit",
        name=name,
        field=models.PositiveIntegerField(default=0, editable=False),
    )


def gain(name: str) -> migrations.AddField:
    return migrations.AddField(
        model_name="benefit",
        name=name,
        field=models.BigIntegerField(default=0, editable=False),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("benefits", "0010_indicator_bounds_and_limit_periods"),
    ]

    operations = [
        count("indicator_count"),
        gain("gain_planned_kr"),
        gain("gain_realised_kr"),
        gain("gain_planned_years"),
        gain("gain_realised_years"),
        count("targetless_indicators"),
        count("unbased_main_indicators"),
        migrations.AddField(
            model_name="benefit",
            name="next_due_on",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="indicator",
            name="next_due_on",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        # The roll-up's index starts with the one it replaces (organisation, status).
        migrations.RemoveIndex(model_name="benefit", name="benefits_be_organis_79230a_idx"),
        migrations.AddIndex(
            model_name="benefit",
            index=models.Index(
                fields=[
                    "organisation",
                    "status",
                    "progress",
                    "category",
                    "gain_planned_kr",
                    "gain_realised_kr",
                    "gain_planned_years",
                    "gain_realised_years",
                    "case",
                ],
                name="benefit_rollup",
            ),
        ),
        migrations.AddIndex(
            model_name="benefit",
            index=models.Index(
                fields=[
                    "organisation",
                    "status",
                    "case",
                    "owner",
                    "responsible",
                    "indicator_count",
                    "targetless_indicators",
                    "unbased_main_indicators",
                    "next_due_on",
                    "realisation",
                    "reallocation_to",
                ],
                name="benefit_pitfalls",
            ),
        ),
    ]
