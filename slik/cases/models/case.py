from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from slik.core.concurrency import Versioned

from .roadmap import Phase, PhaseStep, RoadmapTemplate


class InnovationType(models.TextChoices):
    INCREMENTAL = "incremental", _("Incremental")
    RADICAL = "radical", _("Radical")


class OecdFacet(models.TextChoices):
    """OECD OPSI innovation facets, for the balance of the portfolio."""

    ENHANCEMENT = "enhancement", _("Enhancement-oriented")
    MISSION = "mission", _("Mission-oriented")
    ADAPTIVE = "adaptive", _("Adaptive")
    ANTICIPATORY = "anticipatory", _("Anticipatory")


class SharingLevel(models.TextChoices):
    PRIVATE = "private", _("Private to the municipality")
    PROGRAMME = "programme", _("Shared with programme")
    PUBLIC = "public", _("Public")


class Case(Versioned):
    """An innovation case (innovasjonscase) on the six-phase roadmap. Phases change only by
    recorded gate decisions, never by dates."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        POSTPONED = "postponed", _("Postponed")
        STOPPED = "stopped", _("Stopped")

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="cases"
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    challenges = models.ManyToManyField(
        "challenges.Challenge", blank=True, related_name="cases", verbose_name=_("floker")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_cases",
        verbose_name=_("case owner"),
    )
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_cases",
        verbose_name=_("project leader"),
    )
    units = models.CharField(_("units involved"), max_length=300, blank=True)
    partners = models.CharField(_("external partners"), max_length=300, blank=True)
    innovation_type = models.CharField(
        _("innovation type"),
        max_length=20,
        choices=InnovationType.choices,
        default=InnovationType.INCREMENTAL,
    )
    oecd_facet = models.CharField(
        _("OECD facet"), max_length=20, choices=OecdFacet.choices, blank=True
    )
    sharing_level = models.CharField(
        _("sharing"), max_length=20, choices=SharingLevel.choices, default=SharingLevel.PRIVATE
    )
    phase = models.PositiveSmallIntegerField(
        _("phase"), choices=Phase.choices, default=Phase.FORANKRING
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    template = models.ForeignKey(
        RoadmapTemplate, on_delete=models.PROTECT, related_name="cases", verbose_name=_("roadmap")
    )
    # Resources, for the portfolio's balance (budget in kroner, estimated hours of work).
    budget = models.DecimalField(
        _("budget (NOK)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    hours = models.PositiveIntegerField(_("estimated hours"), null=True, blank=True)
    is_published = models.BooleanField(_("published to politicians"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("innovation case")
        verbose_name_plural = _("innovation cases")
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["organisation", "phase", "status"])]

    def __str__(self):
        return self.title


class PhasePeriod(models.Model):
    """A stretch of time a case spent in one phase; a phase visited twice has two periods."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="phase_periods")
    phase = models.PositiveSmallIntegerField(_("phase"), choices=Phase.choices)
    started_on = models.DateField(_("started"))
    ended_on = models.DateField(_("ended"), null=True, blank=True)

    objects = ScopedManager(organisation="case__organisation")

    class Meta:
        ordering = ["started_on", "id"]
        indexes = [
            # The start of a case's current phase (`current_phase_since`) is read for every case
            # of the case list and the portfolio dashboard from this index alone.
            models.Index(
                fields=["case", "ended_on", "started_on"], name="cases_phaseperiod_current"
            )
        ]

    def __str__(self):
        return f"{self.get_phase_display()}: {self.started_on} – {self.ended_on or ''}"


class CaseStepCheck(models.Model):
    """The state of one checklist step of the case's roadmap template."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="step_checks")
    step = models.ForeignKey(PhaseStep, on_delete=models.CASCADE, related_name="+")
    is_done = models.BooleanField(default=False)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    done_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager(organisation="case__organisation")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "step"], name="case_step_check_unique")
        ]

    def __str__(self):
        return f"{self.step_id}: {self.is_done}"
