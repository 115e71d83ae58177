"""Writes for innovation cases. Keyword-only, atomic, audit-logged."""

from .cases import (
    case_checklist_set,
    case_create,
    case_publish,
    case_update,
    latest_template,
    phase_days,
)
from .gates import (
    GateCheck,
    case_gate_check,
    case_gate_decide,
    case_gate_stale,
    checklist_snapshot,
)
from .records import RECORD_KINDS, case_record_create, case_record_delete, case_record_update
from .roadmap import roadmap_template_ensure, roadmap_template_save

__all__ = [
    "RECORD_KINDS",
    "GateCheck",
    "case_checklist_set",
    "case_create",
    "case_gate_check",
    "case_gate_decide",
    "case_gate_stale",
    "case_publish",
    "case_record_create",
    "case_record_delete",
    "case_record_update",
    "case_update",
    "checklist_snapshot",
    "latest_template",
    "phase_days",
    "roadmap_template_ensure",
    "roadmap_template_save",
]
