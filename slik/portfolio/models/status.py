"""Portfolio settings (capacity) and the status reports of cases."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from slik.core.concurrency import Versioned


class PortfolioSettings(Versioned):
    """ "Absorption has its limit": how many active cases the organisation can carry."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="portfolio_settings"
    )
    wip_limit = models.PositiveSmallIntegerField(
        _("limit for active cases"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Cases in Anchoring to Transition to operations that are not stopped."),
    )
    stuck_after_days = models.PositiveSmallIntegerField(
        _("a case is stuck after this many days in one phase"), default=180
    )

    objects = ScopedManager(organisation="organisation")

    def __str__(self):
        return str(self.organisation)


class StatusLevel(models.TextChoices):
    """The status scale of METHOD.md §6."""

    AHEAD = "ahead", _("Ahead")
    ON_PLAN = "on_plan", _("On plan")
    MINOR_DELAYS = "minor_delays", _("Minor delays")
    DELAYED = "delayed", _("Delayed")
    NOT_STARTED = "not_started", _("Not started")


def _level(label):
    return models.CharField(label, max_length=20, choices=StatusLevel.choices)


class StatusReport(Versioned):
    """A dated status report of a case; the dashboard shows the latest published one."""

    DIMENSIONS = ("overall", "time", "budget", "quality", "risk", "benefits")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="status_reports")
    reported_on = models.DateField(_("date"))
    overall = _level(_("overall"))
    overall_comment = models.TextField(_("comment on overall status"), blank=True)
    time = _level(_("time"))
    time_comment = models.TextField(_("comment on time"), blank=True)
    budget = _level(_("budget"))
    budget_comment = models.TextField(_("comment on budget"), blank=True)
    quality = _level(_("quality"))
    quality_comment = models.TextField(_("comment on quality"), blank=True)
    risk = _level(_("risk"))
    risk_comment = models.TextField(_("comment on risk"), blank=True)
    benefits = _level(_("benefits"))
    benefits_comment = models.TextField(_("comment on benefits"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organisation="case__organisation")

    class Meta:
        ordering = ["-reported_on", "-id"]
        verbose_name = _("status report")
        verbose_name_plural = _("status reports")
        indexes = [models.Index(fields=["case", "-reported_on"])]

    def __str__(self):
        return f"{self.case} {self.reported_on}"
