import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from slik.core.concurrency import Versioned

from .benefit import Benefit


def planned_dates(measurement_dates) -> list[datetime.date]:
    """The explicit measurement dates in order, skipping any a bulk load left unreadable."""
    dates = []
    for value in measurement_dates or []:
        try:
            dates.append(datetime.date.fromisoformat(str(value)))
        except ValueError:
            continue
    return sorted(dates)


PERCENT_UNITS = ("%", "prosent", "percent")


def is_percent(unit: str) -> bool:
    return (unit or "").strip().lower() in PERCENT_UNITS


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class Indicator(Versioned):
    """A measurable indicator (måleindikator) with baseline (nullpunkt) and target (måltall)."""

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", _("Weekly")
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")
        YEARLY = "yearly", _("Yearly")
        DATES = "dates", _("On given dates")

    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    is_main = models.BooleanField(_("main indicator"), default=True)
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    baseline_on = models.DateField(_("baseline date"), null=True, blank=True)
    target_value = models.DecimalField(
        _("target value"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    target_on = models.DateField(_("target date"), null=True, blank=True)
    data_source = models.CharField(_("data source"), max_length=200, blank=True)
    method = models.TextField(_("method"), blank=True)
    frequency = models.CharField(
        _("measurement frequency"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.MONTHLY,
    )
    measurement_dates = models.JSONField(_("measurement dates"), default=list, blank=True)
    cost_of_measuring = models.CharField(_("cost of measuring"), max_length=200, blank=True)
    # What the quantity can take at all (0 for a count, 0 and 100 for a share): the noise limits
    # are held within these, so a share's lower limit is never drawn at −34 %.
    lower_bound = models.DecimalField(
        _("lowest possible value"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    upper_bound = models.DecimalField(
        _("highest possible value"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # A summary of the measurements, written by every service that writes them
    # (services.summaries) in the same transaction: the roll-up, the pitfalls and the lists
    # read the latest value of thousands of indicators without a lookup per indicator.
    latest_on = models.DateField(null=True, blank=True, editable=False)
    latest_value = models.DecimalField(
        max_digits=16, decimal_places=4, null=True, blank=True, editable=False
    )
    measurement_count = models.PositiveIntegerField(default=0, editable=False)
    # When the next measurement is due (pitfalls.next_measurement_due): one period after the
    # latest measurement or the baseline, or the next of the given dates. Kept with the summary.
    next_due_on = models.DateField(null=True, blank=True, editable=False)

    objects = ScopedManager(organisation="benefit__organisation")

    class Meta:
        ordering = ["-is_main", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return f"{self.name} ({self.unit})"

    def planned_dates(self) -> list[datetime.date]:
        return planned_dates(self.measurement_dates)

    def natural_bounds(self) -> tuple[float | None, float | None]:
        """The bounds set on the indicator; a percentage is 0 to 100 unless set otherwise."""
        default = (0.0, 100.0) if is_percent(self.unit) else (None, None)
        bounds = (self.lower_bound, self.upper_bound)
        return tuple(  # type: ignore[return-value]
            float(value) if value is not None else fallback
            for value, fallback in zip(bounds, default, strict=True)
        )

    @property
    def has_baseline_and_target(self) -> bool:
        return None not in (
            self.baseline_value,
            self.baseline_on,
            self.target_value,
            self.target_on,
        )


class Measurement(models.Model):
    """One value per indicator and date: a second value for the date replaces the first
    (audited) or is not recorded; the constraint stops two requests storing both."""

    # No index of its own: the constraint's index (indicator, date) serves lookups by indicator.
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="measurements", db_index=False
    )
    measured_on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4)
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organisation="indicator__benefit__organisation")

    class Meta:
        ordering = ["measured_on", "id"]
        # The constraint's index also serves lookups by indicator and date.
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "measured_on"], name="measurement_one_per_date"
            )
        ]
        # The latest value of each indicator (the roll-up's sums, a case's indicators) read
        # from the index alone, without a visit to the table per indicator (SQLite and
        # PostgreSQL's index-only scan). It replaces the foreign key's own index.
        indexes = [
            models.Index(fields=["indicator", "measured_on", "value"], name="measurement_latest")
        ]

    def __str__(self):
        return f"{self.measured_on}: {self.value}"


class LimitPeriod(models.Model):
    """A new period of the XmR chart from `starts_on`: after a sustained shift the old limits
    describe a process that is no more, so the measurements from this date get limits of their
    own (from their first points). Removing the period restores the limits before it."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="periods")
    starts_on = models.DateField(_("new period from"))
    reason = models.CharField(_("reason"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organisation="indicator__benefit__organisation")

    class Meta:
        ordering = ["starts_on", "id"]
        verbose_name = _("period of the control chart")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "starts_on"], name="limit_period_unique")
        ]

    def __str__(self):
        return f"{self.indicator}: {self.starts_on}"


class MeasurementTask(models.Model):
    """A measurement that has fallen due: a task for the benefit responsible."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="tasks")
    due_on = models.DateField(_("due"))
    # A measurement on or after this day counts for the task. Computed when the task is made
    # (the due date less the reminder's lead, see services.reminders), so the queries that close
    # tasks compare dates and never do date arithmetic in SQL.
    covered_from = models.DateField(null=True, blank=True, editable=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="measurement_tasks",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    notified_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organisation="indicator__benefit__organisation")

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "due_on"], name="measurement_task_unique")
        ]

    def __str__(self):
        return f"{self.indicator}: {self.due_on}"
