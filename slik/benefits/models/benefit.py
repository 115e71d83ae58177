"""Benefits (gevinster) of a case, their categories and the case's benefits realisation plan."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from slik.core.concurrency import Versioned


class BenefitCategory(models.Model):
    """A category in one of the configurable sets (Saman om, DFØ, KS Veikart …)."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="benefit_categories"
    )
    category_set = models.CharField(_("category set"), max_length=60)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    objects = ScopedManager(organisation="organisation")

    class Meta:
        ordering = ["category_set", "order", "id"]
        verbose_name = _("benefit category")
        verbose_name_plural = _("benefit categories")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "category_set", "name"], name="benefit_category_unique"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.category_set})"


class BenefitSettings(Versioned):
    """Per-organisation rules for how gates use benefits data."""

    class GateMode(models.TextChoices):
        WARN = "warn", _("Warn")
        BLOCK = "block", _("Block")

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="benefit_settings"
    )
    pilot_gate = models.CharField(
        _("entering Piloting without baselines and targets"),
        max_length=10,
        choices=GateMode.choices,
        default=GateMode.WARN,
    )
    measurement_overdue_days = models.PositiveSmallIntegerField(
        _("days before a measurement counts as missing"), default=30
    )

    objects = ScopedManager(organisation="organisation")

    def __str__(self):
        return f"{self.organisation}: {self.get_pilot_gate_display()}"


class Benefit(Versioned):
    class Status(models.TextChoices):
        EXPECTED = "expected", _("Expected")
        TRACKING = "tracking", _("Tracking")
        PARTLY_REALISED = "partly_realised", _("Partly realised")
        REALISED = "realised", _("Realised")
        NOT_REALISED = "not_realised", _("Not realised")
        CANCELLED = "cancelled", _("Cancelled")

    class Progress(models.TextChoices):
        AHEAD = "ahead", _("Ahead")
        ON_PLAN = "on_plan", _("On plan")
        MINOR_DELAYS = "minor_delays", _("Minor delays")
        DELAYED = "delayed", _("Delayed")
        NOT_STARTED = "not_started", _("Not started")

    class Realisation(models.TextChoices):
        BUDGET_CUT = "budget_cut", _("Budget cut")
        REALLOCATION = "reallocation", _("Reallocation of freed time")
        QUALITY = "quality", _("Better quality")

    class Level(models.TextChoices):
        LOW = "low", _("Low")
        MEDIUM = "medium", _("Medium")
        HIGH = "high", _("High")

    OPEN_STATUSES = (Status.EXPECTED, Status.TRACKING, Status.PARTLY_REALISED)

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="benefits"
    )
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="benefits")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    category = models.ForeignKey(
        BenefitCategory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="benefits",
        verbose_name=_("category"),
    )
    beneficiary = models.CharField(_("beneficiary stakeholder"), max_length=200, blank=True)
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    realisation = models.CharField(
        _("how the gain is taken out"), max_length=20, choices=Realisation.choices, blank=True
    )
    reallocation_to = models.CharField(_("freed time is used for"), max_length=300, blank=True)
    calculation_basis = models.TextField(_("calculation basis and assumptions"), blank=True)
    uncertainty = models.CharField(
        _("uncertainty"), max_length=10, choices=Level.choices, default=Level.MEDIUM
    )
    is_disbenefit = models.BooleanField(_("dis-benefit (negative effect)"), default=False)
    priority = models.CharField(
        _("priority"), max_length=10, choices=Level.choices, default=Level.MEDIUM
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responsible_benefits",
        verbose_name=_("benefit responsible (line manager)"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_benefits",
        verbose_name=_("benefit owner"),
    )
    planned_realisation_on = models.DateField(_("planned realisation date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.EXPECTED
    )
    progress = models.CharField(
        _("benefits status"), max_length=20, choices=Progress.choices, default=Progress.NOT_STARTED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # A summary of the benefit's indicators, written by every service that writes indicators
    # or measurements (services.summaries) in the same transaction: the roll-up sums and the
    # pitfall lists of a whole municipality read one row per benefit, no indicator.
    indicator_count = models.PositiveIntegerField(default=0, editable=False)
    # Target − baseline and latest − baseline of the indicators measured in kroner or in
    # labour-years (rollup.unit_kind), improvement positive, in ten-thousandths (exact sums).
    gain_planned_kr = models.BigIntegerField(default=0, editable=False)
    gain_realised_kr = models.BigIntegerField(default=0, editable=False)
    gain_planned_years = models.BigIntegerField(default=0, editable=False)
    gain_realised_years = models.BigIntegerField(default=0, editable=False)
    # Where to look for the indicators' pitfalls: how many have no target, how many main
    # indicators have no baseline, and the earliest next measurement due.
    targetless_indicators = models.PositiveIntegerField(default=0, editable=False)
    unbased_main_indicators = models.PositiveIntegerField(default=0, editable=False)
    next_due_on = models.DateField(null=True, blank=True, editable=False)

    objects = ScopedManager(organisation="organisation")

    class Meta:
        ordering = ["case_id", "-priority", "id"]
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")
        indexes = [
            # The roll-up's counts and sums read this index alone (SQLite, and PostgreSQL's
            # index-only scan), never the rows with their long texts; it serves every lookup
            # by organisation and status as well.
            models.Index(
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
            # The pitfall lists check every open benefit's own columns and summary in this
            # index alone, in case order (the case of each is looked up in turn), and read the
            # titles only of the benefits a page shows.
            models.Index(
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
        ]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class BenefitsPlan(Versioned):
    """The header of the case's benefits realisation plan (gevinstrealiseringsplan)."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="benefits_plan"
    )
    rationale = models.TextField(_("rationale"), blank=True)
    goals = models.TextField(_("goals"), blank=True)
    main_deliverables = models.TextField(_("main deliverables"), blank=True)
    risks = models.TextField(_("risks"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(organisation="case__organisation")

    def __str__(self):
        return str(self.case)
