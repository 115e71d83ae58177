"""The benefits rows of the benchmark data set: benefits, indicators and measurements.

Benefits and indicators go through bulk_create (tens of thousands); the 2.5 million measurements
are written with one `executemany` per batch of plain tuples – about ten times faster than
building model instances – and each batch updates its indicators' summaries (latest value,
count) in one statement, as the services do. Imported after Django is set up (by bench.generate).
"""

from __future__ import annotations

import datetime

from django.db import connection, transaction
from django.utils import timezone

from slik.benefits.models import Benefit, BenefitCategory, Indicator, Measurement
from slik.benefits.services.summaries import indicator_summaries_update
from slik.core.models import AuditEvent

BATCH = 2000
MEASUREMENT_BATCH = 50_000
BASELINE_POINTS = 12
# (name, unit, direction, typical level); kroner and årsverk are summed in the roll-up.
KINDS = [
    ("Sykefravær", "%", "lower", 9.0),
    ("Tid brukt på koordinering", "timer per uke", "lower", 14.0),
    ("Brukertilfredshet", "poeng (1–6)", "higher", 4.2),
    ("Driftsutgifter", "kr", "lower", 250_000.0),
    ("Årsverk brukt på oppgaven", "årsverk", "lower", 1.5),
    ("Andel brukere som mestrer hverdagen", "%", "higher", 40.0),
]
STATUSES = [("expected", 3), ("tracking", 5), ("partly_realised", 2), ("realised", 1)]
PROGRESS = [("on_plan", 5), ("minor_delays", 2), ("delayed", 1), ("not_started", 2)]
REALISATIONS = ["budget_cut", "reallocation", "quality"]


def month_start(today: datetime.date, months_ago: int) -> datetime.date:
    index = today.year * 12 + today.month - 1 - months_ago
    return datetime.date(index // 12, index % 12 + 1, 1)


def org_categories(org) -> list[int]:
    return list(BenefitCategory.objects.filter(organisation=org).values_list("pk", flat=True))


def add_benefits(gen, contexts, cases, *, per_case: int, indicators: int, measurements: int):
    """`per_case` benefits on every case, each with `indicators` × `measurements` rows."""
    rng = gen.rng
    by_org = {ctx["org"].pk: ctx for ctx in contexts}
    benefits = []
    for case in cases:
        ctx = by_org[case.organisation_id]
        for index in range(per_case):
            realisation = rng.choice(REALISATIONS)
            benefits.append(
                Benefit(
                    organisation=ctx["org"],
                    case=case,
                    title=f"Gevinst {index + 1}: {case.title}"[:200],
                    description="Generert gevinst for ytelsestesten. " * 4,
                    category_id=rng.choice(ctx["categories"]) if ctx["categories"] else None,
                    realisation=realisation,
                    reallocation_to="Mer tid hos brukerne" if rng.random() < 0.6 else "",
                    responsible=rng.choice(ctx["leaders"]) if rng.random() < 0.9 else None,
                    owner=rng.choice(ctx["leaders"]) if rng.random() < 0.8 else None,
                    planned_realisation_on=gen.today + datetime.timedelta(days=rng.randint(0, 700)),
                    status=_weighted(rng, STATUSES),
                    progress=_weighted(rng, PROGRESS),
                )
            )
    Benefit.objects.bulk_create(benefits, batch_size=BATCH)
    AuditEvent.objects.bulk_create(
        [_created_event(gen, benefit) for benefit in benefits], batch_size=BATCH
    )
    dates = series_dates(gen.today, measurements)
    rows = [
        _indicator(gen, benefit, i, baseline_on=baseline_date(dates))
        for benefit in benefits
        for i in range(indicators)
    ]
    Indicator.objects.bulk_create(rows, batch_size=BATCH)
    add_measurements(gen, rows, dates)
    return benefits


def _weighted(rng, pairs) -> str:
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _created_event(gen, benefit) -> AuditEvent:
    return AuditEvent(
        organisation=benefit.organisation,
        actor=benefit.responsible,
        action="benefit.created",
        content_type=gen.benefit_type,
        object_id=benefit.pk,
        object_repr=benefit.title[:300],
        data={"case": benefit.case_id},
    )


def series_dates(today: datetime.date, count: int, *, weekly: bool = False):
    """The dates of `count` monthly (or weekly) measurements, the oldest first."""
    if weekly:
        return [today - datetime.timedelta(weeks=count - i) for i in range(count)]
    return [month_start(today, count - i) for i in range(count)]


def baseline_date(dates) -> datetime.date:
    """The baseline (nullpunkt) is the 12th measurement: a year of data before the change."""
    return dates[min(BASELINE_POINTS, len(dates)) - 1]


def _indicator(gen, benefit, index: int, *, baseline_on, name: str = "") -> Indicator:
    rng = gen.rng
    kind, unit, direction, level = KINDS[(benefit.pk + index) % len(KINDS)]
    baseline = round(level * rng.uniform(0.8, 1.2), 2)
    change = baseline * rng.uniform(0.1, 0.3) * (1 if direction == "higher" else -1)
    return Indicator(
        benefit=benefit,
        name=name or kind,
        unit=unit,
        direction=direction,
        is_main=index == 0,
        baseline_value=baseline,
        baseline_on=baseline_on,
        target_value=round(baseline + change, 2),
        target_on=month_start(gen.today, -rng.randint(3, 18)),
        data_source="Fagsystemet",
        frequency="monthly",
    )


def add_measurements(gen, indicators, dates) -> None:
    """A measurement per indicator and date. A third of the series shift after the baseline
    date (towards the target), the rest are only noise."""
    rng = gen.rng
    ops = connection.ops
    db_dates = [ops.adapt_datefield_value(d) for d in dates]
    created = ops.adapt_datetimefield_value(timezone.now())
    baseline_index = dates.index(baseline_date(dates))
    sql = _measurement_insert_sql()
    batch = []
    measured = []
    for indicator in indicators:
        level = float(indicator.baseline_value)
        noise = abs(level) * 0.04
        shift = (float(indicator.target_value) - level) * 0.8 if rng.random() < 0.33 else 0.0
        for i, day in enumerate(db_dates):
            value = level + rng.uniform(-noise, noise) + (shift if i > baseline_index else 0.0)
            batch.append((indicator.pk, day, round(value, 2), "", None, created))
        measured.append(indicator.pk)
        if len(batch) >= MEASUREMENT_BATCH:
            _insert(sql, batch, measured)
            batch, measured = [], []
    if batch:
        _insert(sql, batch, measured)


def _measurement_insert_sql() -> str:
    meta = Measurement._meta
    names = ["indicator", "measured_on", "value", "comment", "recorded_by", "created_at"]
    columns = ", ".join(connection.ops.quote_name(meta.get_field(n).column) for n in names)
    table = connection.ops.quote_name(meta.db_table)
    return f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(names))})"


def _insert(sql: str, rows: list, indicator_ids: list[int]) -> None:
    """Insert the measurements and update their indicators' summaries (latest value, count),
    as the services that record measurements do."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(sql, rows)
        indicator_summaries_update(indicator_ids)


# --- the chosen municipality's showcase -----------------------------------------------------

SHOWCASE_CASE = "Benk: gevinstplan med 10 gevinster"
SHOWCASE_BENEFITS = 10
LONG_SERIES = "Benk: 500 målinger"
SHORT_SERIES = "Benk: 50 målinger"


def add_showcase(gen, context, add_cases) -> None:
    """One case with 10 benefits (the PDF plan), and two indicators with 500 and 50 weekly
    measurements (the indicator page; its queries must not depend on the number)."""
    from slik.cases.models import Case
    from slik.challenges.models import Challenge

    challenges = list(Challenge.objects.filter(organisation=context["org"]).order_by("pk")[:10])
    cases = add_cases(gen, [context], 1, {context["org"].pk: challenges})
    case = cases[0]
    Case.objects.filter(pk=case.pk).update(title=SHOWCASE_CASE)
    benefits = add_benefits(
        gen, [context], cases, per_case=SHOWCASE_BENEFITS, indicators=2, measurements=40
    )
    for name, count in ((LONG_SERIES, 500), (SHORT_SERIES, 50)):
        dates = series_dates(gen.today, count, weekly=True)
        indicator = _indicator(gen, benefits[0], 1, baseline_on=baseline_date(dates), name=name)
        indicator.is_main = False
        indicator.frequency = "weekly"
        indicator.save()
        add_measurements(gen, [indicator], dates)
