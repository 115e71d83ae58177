"""Writes of the challenges app: keyword-only, atomic, every state change audit-logged.

One module per thing written: floker (`challenges`), the decision matrix's criteria, weights
and scores (`criteria`), thought-provoking figures (`figures`) and stakeholder analyses
(`stakeholders`). Callers import from here.
"""

from .challenges import (
    CHALLENGE_FIELDS,
    TRANSITIONS,
    challenge_allowed_statuses,
    challenge_create,
    challenge_delete,
    challenge_set_published,
    challenge_set_status,
    challenge_status_needs_prioritise,
    challenge_status_stale,
    challenge_update,
)
from .criteria import (
    CRITERION_FIELDS,
    SCORABLE_STATUSES,
    SCORES,
    WEIGHTS,
    challenge_score,
    challenge_score_check,
    criteria_ensure_defaults,
    criteria_set_weights,
    criterion_create,
    criterion_update,
)
from .figures import FIGURE_FIELDS, key_figure_create, key_figure_delete, key_figure_update
from .stakeholders import (
    STAKEHOLDER_FIELDS,
    stakeholder_create,
    stakeholder_delete,
    stakeholder_update,
)

__all__ = [
    "CHALLENGE_FIELDS",
    "CRITERION_FIELDS",
    "FIGURE_FIELDS",
    "SCORABLE_STATUSES",
    "SCORES",
    "STAKEHOLDER_FIELDS",
    "TRANSITIONS",
    "WEIGHTS",
    "challenge_allowed_statuses",
    "challenge_create",
    "challenge_delete",
    "challenge_score",
    "challenge_score_check",
    "challenge_set_published",
    "challenge_set_status",
    "challenge_status_needs_prioritise",
    "challenge_status_stale",
    "challenge_update",
    "criteria_ensure_defaults",
    "criteria_set_weights",
    "criterion_create",
    "criterion_update",
    "key_figure_create",
    "key_figure_delete",
    "key_figure_update",
    "stakeholder_create",
    "stakeholder_delete",
    "stakeholder_update",
]
