"""Labels for the audit codes of the benefit map, plan, imports, reminders and calendar."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS_IO = {
    "benefit_map.node.added": _("Benefit map: element added"),
    "benefit_map.node.deleted": _("Benefit map: element deleted"),
    "benefit_map.edge.added": _("Benefit map: link added"),
    "benefit_map.edge.deleted": _("Benefit map: link deleted"),
    "benefits_plan.changed": _("Benefits realisation plan changed"),
    "measurement.imported": _("Measurements imported"),
    "measurement_task.created": _("Measurement task created"),
    "calendar_token.regenerated": _("Calendar address renewed"),
}
