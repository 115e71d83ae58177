from .cases import case_checklist, case_create, case_detail, case_edit, case_list, case_publish
from .gates import gate_create, gate_detail
from .panels import case_panels
from .records import record_add, record_delete, record_edit
from .roadmap import gate_settings, roadmap, roadmap_edit, roadmap_version

__all__ = [
    "case_checklist",
    "case_create",
    "case_detail",
    "case_edit",
    "case_list",
    "case_panels",
    "case_publish",
    "gate_create",
    "gate_detail",
    "gate_settings",
    "record_add",
    "record_delete",
    "record_edit",
    "roadmap",
    "roadmap_edit",
    "roadmap_version",
]
