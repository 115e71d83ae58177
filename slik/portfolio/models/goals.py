"""The plan system: goals from kommuneplan, handlingsplan and budget, and political commissions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from slik.core.concurrency import Versioned


class PlanGoal(Versioned):
    class Source(models.TextChoices):
        COMMUNITY_PLAN = "community_plan", _("Municipal master plan (community part)")
        ACTION_PLAN = "action_plan", _("Action plan")
        BUDGET = "budget", _("Budget")

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="plan_goals"
    )
    source = models.CharField(_("plan"), max_length=20, choices=Source.choices)
    title = models.CharField(_("goal"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    cases = models.ManyToManyField(
        "cases.Case", blank=True, related_name="plan_goals", verbose_name=_("innovation cases")
    )
    benefits = models.ManyToManyField(
        "benefits.Benefit", blank=True, related_name="plan_goals", verbose_name=_("benefits")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organisation="organisation")

    class Meta:
        ordering = ["-year", "source", "title"]
        verbose_name = _("plan goal")
        verbose_name_plural = _("plan goals")

    def __str__(self):
        return self.title


class Commission(Versioned):
    """A council decision (vedtak) that orders innovation (innovasjonsoppdrag)."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        IN_PROGRESS = "in_progress", _("In progress")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="commissions"
    )
    body = models.CharField(_("decided by (body)"), max_length=100)
    decided_on = models.DateField(_("date of decision"))
    case_number = models.CharField(_("case number"), max_length=50)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text of the decision"))
    challenges = models.ManyToManyField(
        "challenges.Challenge", blank=True, related_name="commissions", verbose_name=_("floker")
    )
    plan_goals = models.ManyToManyField(
        PlanGoal, blank=True, related_name="commissions", verbose_name=_("plan goals")
    )
    cases = models.ManyToManyField(
        "cases.Case", blank=True, related_name="commissions", verbose_name=_("innovation cases")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    status_comment = models.TextField(_("status comment"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organisation="organisation")

    class Meta:
        ordering = ["-decided_on", "-id"]
        verbose_name = _("commission")
        verbose_name_plural = _("commissions")

    def __str__(self):
        return f"{self.case_number} {self.title}"
