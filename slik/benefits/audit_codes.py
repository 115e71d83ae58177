"""Labels for the benefits app's audit codes, shown in the history (registered in apps.py)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "benefit.created": _("Benefit added"),
    "benefit.changed": _("Benefit changed"),
    "benefit.status.changed": _("Benefit status changed"),
    "benefit.deleted": _("Benefit deleted"),
    "indicator.created": _("Indicator added"),
    "indicator.changed": _("Indicator changed"),
    "indicator.deleted": _("Indicator deleted"),
    "indicator.period.started": _("New period in the control chart started"),
    "indicator.period.removed": _("Period of the control chart removed"),
    "measurement.recorded": _("Measurement recorded"),
    "measurement.deleted": _("Measurement deleted"),
    "measurement.replaced": _("Measurement replaced"),
    "measurement.duplicate_removed": _("Duplicate measurement removed"),
    "measurement.imported": _("Measurements imported"),
    "measurement_task.created": _("Measurement task created"),
    "benefit_category.added": _("Benefit category added"),
    "benefit_category.changed": _("Benefit category changed"),
    "benefit_settings.changed": _("Benefit settings changed"),
    "benefit_map.node.added": _("Benefit map: element added"),
    "benefit_map.node.deleted": _("Benefit map: element deleted"),
    "benefit_map.edge.added": _("Benefit map: link added"),
    "benefit_map.edge.deleted": _("Benefit map: link deleted"),
    "benefits_plan.changed": _("Benefits realisation plan changed"),
    "calendar_token.regenerated": _("Calendar address renewed"),
}
