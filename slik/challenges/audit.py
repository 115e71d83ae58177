"""Audit action codes of the challenges app and their labels in the history."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "challenge.created": _("Floke created"),
    "challenge.changed": _("Floke changed"),
    "challenge.status.changed": _("Status changed"),
    "challenge.published": _("Published to politicians"),
    "challenge.unpublished": _("Withdrawn from politicians"),
    "challenge.deleted": _("Floke deleted"),
    "challenge.scored": _("Scored in the decision matrix"),
    "key_figure.added": _("Thought-provoking figure added"),
    "key_figure.changed": _("Thought-provoking figure changed"),
    "key_figure.deleted": _("Thought-provoking figure deleted"),
    "criterion.added": _("Criterion added"),
    "criterion.changed": _("Criterion changed"),
    "criterion.weights.changed": _("Criterion weights changed"),
    "stakeholder.added": _("Stakeholder added"),
    "stakeholder.changed": _("Stakeholder changed"),
    "stakeholder.deleted": _("Stakeholder deleted"),
    "population.imported": _("Population figures imported"),
    "projection.labour_years.changed": _("Care labour-years changed"),
}
