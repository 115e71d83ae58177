"""The KS roadmap's phases and their published steps, as a versioned template per organisation.

A case keeps the template version it was created with, so editing the template never rewrites
the checklist of a running case.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class Phase(models.IntegerChoices):
    FORANKRING = 1, _("Anchoring")
    INNSIKT = 2, _("Insight")
    TJENESTEUTVIKLING = 3, _("Service development")
    PILOTERING = 4, _("Piloting")
    OVERGANG = 5, _("Transition to operations")
    NY_PRAKSIS = 6, _("New practice")


class RoadmapTemplate(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="roadmap_templates"
    )
    version = models.PositiveIntegerField(_("version"))
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organisation="organisation")

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "version"], name="roadmap_template_unique_version"
            )
        ]

    def __str__(self):
        return _("Roadmap") + f" v{self.version}"


class PhaseStep(models.Model):
    template = models.ForeignKey(RoadmapTemplate, on_delete=models.CASCADE, related_name="steps")
    phase = models.PositiveSmallIntegerField(_("phase"), choices=Phase.choices)
    order = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("step"), max_length=300)

    objects = ScopedManager(organisation="template__organisation")

    class Meta:
        ordering = ["phase", "order", "id"]

    def __str__(self):
        return self.text


class GateSettings(models.Model):
    """How an organisation's gate decisions treat an incomplete phase checklist and gaps in the
    N3 check when going on to the next phase: a warning (the default) or a refusal."""

    class Mode(models.TextChoices):
        WARN = "warn", _("Warn")
        BLOCK = "block", _("Block")

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="gate_settings"
    )
    readiness = models.CharField(
        _("incomplete checklist or gaps in the N3 check"),
        max_length=10,
        choices=Mode.choices,
        default=Mode.WARN,
    )

    objects = ScopedManager(organisation="organisation")

    def __str__(self):
        return f"{self.organisation}: {self.get_readiness_display()}"
