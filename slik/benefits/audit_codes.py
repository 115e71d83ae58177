"""Labels for the audit codes of the benefit register (the plan/map/import codes are B's)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "benefit.created": _("Benefit added"),
    "benefit.changed": _("Benefit changed"),
    "benefit.status.changed": _("Benefit status changed"),
    "benefit.deleted": _("Benefit deleted"),
    "indicator.created": _("Indicator added"),
    "indicator.changed": _("Indicator changed"),
    "indicator.deleted": _("Indicator deleted"),
    "measurement.recorded": _("Measurement recorded"),
    "measurement.deleted": _("Measurement deleted"),
    "measurement.replaced": _("Measurement replaced"),
    "measurement.duplicate_removed": _("Duplicate measurement removed"),
    "benefit_category.added": _("Benefit category added"),
    "benefit_category.changed": _("Benefit category changed"),
    "benefit_settings.changed": _("Benefit settings changed"),
}
