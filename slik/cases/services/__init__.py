"""Writes for innovation cases. Keyword-only, atomic, audit-logged.

Each write has a check the forms ask first, from the same code (check/execute): `case_gate_check`
is the pre-check a gate decision's page shows, and `case_gate_decide_check`,
`case_fields_check`, `case_record_check` and `roadmap_template_save_check` return
{field: messages} that the write would refuse.
"""

from .cases import (
    case_checklist_set,
    case_create,
    case_fields_check,
    case_publish,
    case_update,
    latest_template,
)
from .gates import (
    GateCheck,
    case_accepts_decisions,
    case_gate_check,
    case_gate_decide,
    case_gate_decide_check,
    case_gate_stale,
    checklist_snapshot,
)
from .records import (
    RECORD_KINDS,
    RecordLocked,
    case_decisions_lock,
    case_record_check,
    case_record_create,
    case_record_delete,
    case_record_update,
    correction_note,
    record_locked_refusal,
)
from .roadmap import (
    gate_settings_mode,
    gate_settings_save,
    roadmap_template_ensure,
    roadmap_template_save,
    roadmap_template_save_check,
)

__all__ = [
    "GateCheck",
    "RECORD_KINDS",
    "RecordLocked",
    "case_accepts_decisions",
    "case_checklist_set",
    "case_decisions_lock",
    "case_create",
    "case_fields_check",
    "case_gate_check",
    "case_gate_decide",
    "case_gate_decide_check",
    "case_gate_stale",
    "case_publish",
    "case_record_check",
    "case_record_create",
    "case_record_delete",
    "case_record_update",
    "case_update",
    "checklist_snapshot",
    "correction_note",
    "gate_settings_mode",
    "gate_settings_save",
    "record_locked_refusal",
    "latest_template",
    "roadmap_template_ensure",
    "roadmap_template_save",
    "roadmap_template_save_check",
]
