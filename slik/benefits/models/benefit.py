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

    objects = ScopedManager(organisation="organisation")

    class Meta:
        ordering = ["case_id", "-priority", "id"]
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")
        indexes = [models.Index(fields=["organisation", "status"])]

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
