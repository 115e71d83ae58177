from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from slik.core.concurrency import Versioned


class Organisation(models.Model):
    """A tenant: a municipality, county, inter-municipal partnership or programme operator."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        COUNTY = "county", _("County")
        PARTNERSHIP = "partnership", _("Inter-municipal partnership")
        PROGRAMME_OPERATOR = "programme_operator", _("Programme operator")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # Official number: 4 digits for a municipality, 2 for a county (SSB KLASS 131 and 104).
    number = models.CharField(_("number"), max_length=4, blank=True, db_index=True)
    name = models.CharField(_("official name"), max_length=200)
    short_name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("address"), max_length=60, unique=True)
    county = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="municipalities",
        limit_choices_to={"kind": "county"},
        verbose_name=_("county"),
    )
    member_municipalities = models.ManyToManyField(
        "self",
        blank=True,
        symmetrical=False,
        related_name="partnerships",
        verbose_name=_("member municipalities"),
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "number"],
                condition=~models.Q(number=""),
                name="organisation_unique_kind_number",
            )
        ]

    def __str__(self):
        return self.short_name or self.name

    @property
    def display_name(self) -> str:
        """The official name with parallel Sami/Kven names, e.g. `Hábmer - Hamarøy`."""
        return self.name


class Membership(Versioned):
    """A person's role in one organisation. The rules in `rules.py` read only this."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Innovation coordinator")
        LEADER = "leader", _("Leader group")
        PROJECT_LEADER = "project_leader", _("Project leader")
        EMPLOYEE = "employee", _("Employee")
        POLITICIAN = "politician", _("Politician")
        OBSERVER = "observer", _("Observer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    is_chief_executive = models.BooleanField(_("chief executive"), default=False)
    title = models.CharField(_("job title"), max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique")
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} ({self.organisation})"


class Sector(Versioned):
    """A sector a floke touches (oppvekst, helse og omsorg …); each organisation keeps its list."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="sectors")
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    objects = ScopedManager(organisation="organisation")

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="sector_unique_name")
        ]

    def __str__(self):
        return self.name


class Invitation(models.Model):
    """An invitation to join an organisation, sent to an e-mail address; only the person's
    acceptance makes a membership. Nothing about any account behind the address is stored or
    shown: the coordinator sees the address they typed, the same whether it has an account.

    The link's token is random and stored hashed; it is used once and expires.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail"), max_length=254)
    role = models.CharField(_("role"), max_length=20, choices=Membership.Role.choices)
    is_chief_executive = models.BooleanField(_("chief executive"), default=False)
    title = models.CharField(_("job title"), max_length=150, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            # One open invitation per address and organisation; answered ones stay as history.
            models.UniqueConstraint(
                fields=["organisation", "email"],
                condition=models.Q(
                    accepted_at__isnull=True, declined_at__isnull=True, withdrawn_at__isnull=True
                ),
                name="invitation_unique_open",
            )
        ]

    def __str__(self):
        return f"{self.email} ({self.organisation})"

    @property
    def is_open(self) -> bool:
        """Not yet answered or withdrawn (it may still have expired)."""
        return self.accepted_at is None and self.declined_at is None and self.withdrawn_at is None
