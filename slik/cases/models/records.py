"""What a case records along the way: gate decisions, insight, hypotheses, other decisions,
the N3 readiness check and the responsibility matrix (RACI)."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from slik.core.concurrency import Versioned

from .case import Case
from .roadmap import Phase


class GateDecision(models.Model):
    """A decision at a phase change (modelled on Prosjektveiviseren's decision points)."""

    class Decision(models.TextChoices):
        GO = "go", _("Go")
        ADJUST = "adjust", _("Adjust")
        STOP = "stop", _("Stop")
        POSTPONE = "postpone", _("Postpone")
        RESUME = "resume", _("Resume")
        BACK = "back", _("Go back to an earlier phase")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="gate_decisions")
    from_phase = models.PositiveSmallIntegerField(_("from phase"), choices=Phase.choices)
    to_phase = models.PositiveSmallIntegerField(_("to phase"), choices=Phase.choices)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    decided_by = models.CharField(_("decided by"), max_length=200)
    decided_on = models.DateField(_("date of decision"))
    basis = models.TextField(_("basis for the decision"), blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    reason = models.TextField(_("reason"), blank=True)
    override_reason = models.TextField(_("reason for going on without insight"), blank=True)
    checklist = models.JSONField(_("checklist at the time"), default=list)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organisation="case__organisation")

    class Meta:
        verbose_name = _("gate decision")
        verbose_name_plural = _("gate decisions")
        ordering = ["-decided_on", "-id"]

    def __str__(self):
        return f"{self.get_decision_display()}: {self.get_from_phase_display()}"


class Insight(Versioned):
    """Recorded insight – needs, interviews, observations. "Needs first" checks for these."""

    class Kind(models.TextChoices):
        NEED = "need", _("Need")
        INTERVIEW = "interview", _("Interview")
        OBSERVATION = "observation", _("Observation")
        LEARNING = "learning", _("Learning from others")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="insights")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what we learnt"), blank=True)
    recorded_on = models.DateField(_("date"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organisation="case__organisation")

    class Meta:
        ordering = ["-recorded_on", "-id"]

    def __str__(self):
        return self.title


class Hypothesis(Versioned):
    class Result(models.TextChoices):
        OPEN = "open", _("Open")
        CONFIRMED = "confirmed", _("Confirmed")
        REFUTED = "refuted", _("Refuted")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="hypotheses")
    statement = models.TextField(_("hypothesis"))
    test_method = models.TextField(_("how it will be tested"), blank=True)
    result = models.CharField(
        _("result"), max_length=20, choices=Result.choices, default=Result.OPEN
    )
    learning = models.TextField(_("what we learnt"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(organisation="case__organisation")

    class Meta:
        verbose_name = _("hypothesis")
        verbose_name_plural = _("hypotheses")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.statement[:80]


class CaseDecision(Versioned):
    """Another formal decision in the case's decision log (not a phase change)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="decisions")
    title = models.CharField(_("decision"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    decided_by = models.CharField(_("decided by"), max_length=200)
    decided_on = models.DateField(_("date of decision"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when the entry becomes part of approved minutes (the portfolio board's): from then
    # on it is final, and a correction is a new entry pointing at it (`corrects`).
    locked_at = models.DateTimeField(_("locked"), null=True, blank=True)
    locked_by = models.CharField(_("approved in"), max_length=300, blank=True)
    corrects = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
        verbose_name=_("corrects"),
    )

    objects = ScopedManager(organisation="case__organisation")

    class Meta:
        ordering = ["-decided_on", "-id"]

    def __str__(self):
        return self.title

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None


class N3Check(Versioned):
    """N3 (Nytt, nyttig, nyttiggjort) readiness: five fundamentals rated 0–3."""

    class Rating(models.IntegerChoices):
        MISSING = 0, _("Missing")
        WEAK = 1, _("Weak")
        PARTLY = 2, _("Partly in place")
        IN_PLACE = 3, _("In place")

    FUNDAMENTS = ("need", "solution", "driving_force", "team", "anchoring")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="n3_checks")
    need = models.PositiveSmallIntegerField(
        _("need"), choices=Rating.choices, validators=[MaxValueValidator(3)]
    )
    solution = models.PositiveSmallIntegerField(
        _("solution"), choices=Rating.choices, validators=[MaxValueValidator(3)]
    )
    driving_force = models.PositiveSmallIntegerField(
        _("driving force"), choices=Rating.choices, validators=[MaxValueValidator(3)]
    )
    team = models.PositiveSmallIntegerField(
        _("team"), choices=Rating.choices, validators=[MaxValueValidator(3)]
    )
    anchoring = models.PositiveSmallIntegerField(
        _("anchoring"), choices=Rating.choices, validators=[MaxValueValidator(3)]
    )
    comment = models.TextField(_("comment"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organisation="case__organisation")

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        date = self.created_at.date().isoformat() if self.created_at else ""
        return f"N3 {date}: {self.total}/15"

    @property
    def total(self) -> int:
        return sum(getattr(self, name) for name in self.FUNDAMENTS)


class Responsibility(Versioned):
    """A row of the responsibility matrix (RACI) of the case team."""

    class Raci(models.TextChoices):
        RESPONSIBLE = "R", _("Responsible")
        ACCOUNTABLE = "A", _("Accountable")
        CONSULTED = "C", _("Consulted")
        INFORMED = "I", _("Informed")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="responsibilities")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("person"),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    area = models.CharField(_("task or area"), max_length=200)
    raci = models.CharField(_("role"), max_length=1, choices=Raci.choices)

    objects = ScopedManager(organisation="case__organisation")

    class Meta:
        ordering = ["area", "raci", "id"]

    def __str__(self):
        return f"{self.display_name}: {self.get_raci_display()} – {self.area}"

    @property
    def display_name(self) -> str:
        return str(self.user) if self.user_id else self.name
