"""Floker ("Hva skal vi innovere på?"): challenges, thought-provoking figures, the decision
matrix and stakeholder analysis."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from slik.core.concurrency import Versioned

from .projections.words import computed_words


class ExternalActor(models.TextChoices):
    USERS = "users", _("Users and citizens")
    BUSINESS = "business", _("Business")
    VOLUNTARY = "voluntary", _("Voluntary sector")
    PUBLIC = "public", _("Other public bodies")


class Challenge(Versioned):
    class Status(models.TextChoices):
        CANDIDATE = "candidate", _("Candidate")
        PRIORITISED = "prioritised", _("Prioritised")
        IN_WORK = "in_work", _("In work")
        RESOLVED = "resolved", _("Resolved")
        SET_ASIDE = "set_aside", _("Set aside")

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="challenges"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    sectors = models.ManyToManyField(
        "organisations.Sector", blank=True, related_name="challenges", verbose_name=_("sectors")
    )
    external_actors = models.JSONField(_("external actors"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CANDIDATE
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_challenges",
        verbose_name=_("owner"),
    )
    is_published = models.BooleanField(_("published to politicians"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("floke")
        verbose_name_plural = _("floker")
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self):
        return self.title

    def get_external_actors_display(self):
        labels = dict(ExternalActor.choices)
        return [str(labels.get(value, value)) for value in self.external_actors]


class KeyFigure(Versioned):
    """A thought-provoking figure (tankevekkende tall) behind a floke or the whole municipality."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="key_figures"
    )
    challenge = models.ForeignKey(
        Challenge,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="key_figures",
        verbose_name=_("floke"),
    )
    label = models.CharField(_("what it shows"), max_length=200)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    source = models.CharField(_("source"), max_length=200, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    # A figure computed from the population register, so it can be refreshed from new data.
    computed_code = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("thought-provoking figure")
        verbose_name_plural = _("thought-provoking figures")
        ordering = ["-year", "label"]

    def __str__(self):
        return f"{self.label}: {self.value} {self.unit}".strip()

    def shown(self) -> dict:
        """Label, unit and source in the reader's language when SLIK computed the figure and
        nobody has rewritten them; otherwise as typed."""
        return computed_words(self)


class PopulationProjection(models.Model):
    """The municipality's SSB population projection (table 14288), as its coordinator imported
    it: persons aged 80+ and 20–66 per year from one projection alternative, and the care
    labour-years (årsverk i pleie og omsorg) the municipality has today.

    Only these sums are kept – no text from the file – so nothing in an upload reaches a page,
    a report or an export. A new import replaces the counts and keeps the labour-years.
    """

    organisation = models.OneToOneField(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="population_projection",
    )
    municipality_number = models.CharField(max_length=4)
    table = models.CharField(max_length=5, blank=True)
    # SSB's four-letter code of the alternative, e.g. MMMM for the main alternative.
    alternative = models.CharField(max_length=4)
    first_year = models.PositiveSmallIntegerField()
    # {"2030": {"80+": 412, "20-66": 2530}, …}
    counts = models.JSONField(default=dict)
    care_labour_years = models.DecimalField(
        _("care labour-years today"), max_digits=9, decimal_places=1, null=True, blank=True
    )
    care_labour_years_year = models.PositiveSmallIntegerField(null=True, blank=True)
    imported_at = models.DateTimeField()

    objects = ScopedManager(organisation="organisation")

    def __str__(self):
        return f"{self.municipality_number} {self.alternative} {self.first_year}"

    def persons(self, year: int, group: str) -> int | None:
        return (self.counts.get(str(year)) or {}).get(group)

    @property
    def years(self) -> list[int]:
        return sorted(int(year) for year in self.counts)


class PopulationCount(models.Model):
    """Reference data (SSB 07459 in 2024 borders): people on 1 January by age group.

    Not tenant data – every municipality's figures are public statistics.
    """

    municipality_number = models.CharField(max_length=4)
    year = models.PositiveSmallIntegerField()
    age_group = models.CharField(max_length=10)
    persons = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality_number", "year", "age_group"], name="population_unique"
            )
        ]

    def __str__(self):
        return f"{self.municipality_number} {self.year} {self.age_group}: {self.persons}"


class Criterion(Versioned):
    """A criterion of the decision matrix with its weight (defaults from the method)."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="criteria"
    )
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(0), MaxValueValidator(10)]
    )
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    objects = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["order", "id"]

    def __str__(self):
        return self.name


class CriterionScore(models.Model):
    """One leader's independent score (1–5) of one floke on one criterion."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="scores")
    # A deleted account must not take the leader group's scoring with it: accounts are
    # anonymised (accounts.services.user_anonymise), never deleted while they have scores.
    rater = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="criterion_scores"
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(organisation="organisation")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["criterion", "challenge", "rater"], name="score_unique_per_rater"
            )
        ]
        indexes = [models.Index(fields=["organisation", "challenge"])]

    def __str__(self):
        return f"{self.challenge} / {self.criterion}: {self.score}"


class Stakeholder(Versioned):
    """A row of a stakeholder analysis (interessentanalyse) for a floke or a case."""

    class Attitude(models.TextChoices):
        POSITIVE = "positive", _("Positive")
        NEUTRAL = "neutral", _("Neutral")
        NEGATIVE = "negative", _("Negative")
        UNKNOWN = "unknown", _("Unknown")

    class Strategy(models.TextChoices):
        MANAGE_CLOSELY = "manage_closely", _("Manage closely")
        KEEP_SATISFIED = "keep_satisfied", _("Keep satisfied")
        KEEP_INFORMED = "keep_informed", _("Keep informed")
        MONITOR = "monitor", _("Monitor")

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="stakeholders"
    )
    challenge = models.ForeignKey(
        Challenge, null=True, blank=True, on_delete=models.CASCADE, related_name="stakeholders"
    )
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.CASCADE, related_name="stakeholders"
    )
    name = models.CharField(_("stakeholder"), max_length=200)
    group = models.CharField(_("group"), max_length=100, blank=True)
    interest = models.PositiveSmallIntegerField(
        _("interest (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    influence = models.PositiveSmallIntegerField(
        _("influence (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    attitude = models.CharField(
        _("attitude"), max_length=20, choices=Attitude.choices, default=Attitude.UNKNOWN
    )
    strategy = models.CharField(_("strategy"), max_length=20, choices=Strategy.choices)
    planned_involvement = models.TextField(_("planned involvement"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organisation="organisation")

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        ordering = ["-influence", "-interest", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(challenge__isnull=False) | models.Q(case__isnull=False),
                name="stakeholder_belongs_to_challenge_or_case",
            )
        ]

    def __str__(self):
        return self.name

    def fill_default_strategy(self) -> None:
        """A blank strategy takes the power/interest grid's suggestion (for floke and case
        stakeholders alike)."""
        if not self.strategy and self.interest and self.influence:
            self.strategy = self.suggested_strategy(int(self.interest), int(self.influence))

    @staticmethod
    def suggested_strategy(interest: int, influence: int) -> str:
        """The classic power/interest grid quadrant."""
        high_interest, high_influence = interest >= 3, influence >= 3
        if high_influence and high_interest:
            return Stakeholder.Strategy.MANAGE_CLOSELY
        if high_influence:
            return Stakeholder.Strategy.KEEP_SATISFIED
        if high_interest:
            return Stakeholder.Strategy.KEEP_INFORMED
        return Stakeholder.Strategy.MONITOR
