"""The benefit map (gevinstkart): measures → changes → effects → benefits → goals."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_scopes import ScopedManager


class BenefitMapNode(models.Model):
    class Kind(models.TextChoices):
        MEASURE = "measure", _("Measure")
        CHANGE = "change", pgettext_lazy("benefit map element", "Change")
        EFFECT = "effect", _("Effect")
        BENEFIT = "benefit", _("Benefit")
        GOAL = "goal", _("Goal")

    ORDER = ["measure", "change", "effect", "benefit", "goal"]
    # A link goes from a lower rank to a higher one (rightwards in the chain).
    RANK = dict(zip(ORDER, range(len(ORDER)), strict=True))

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="map_nodes")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    label = models.CharField(_("text"), max_length=200)
    benefit = models.OneToOneField(
        "benefits.Benefit",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="map_node",
        verbose_name=_("benefit"),
    )

    objects = ScopedManager(organisation="case__organisation")

    class Meta:
        ordering = ["kind", "id"]

    def __str__(self):
        return self.label


class BenefitMapEdge(models.Model):
    """ "Contributes to": source → target, always one step to the right in the chain or more."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="map_edges")
    source = models.ForeignKey(BenefitMapNode, on_delete=models.CASCADE, related_name="out_edges")
    target = models.ForeignKey(BenefitMapNode, on_delete=models.CASCADE, related_name="in_edges")

    objects = ScopedManager(organisation="case__organisation")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "target"], name="benefit_map_edge_unique")
        ]

    def __str__(self):
        return f"{self.source} → {self.target}"
