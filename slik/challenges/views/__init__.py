from .challenges import (
    challenge_create,
    challenge_delete,
    challenge_detail,
    challenge_edit,
    challenge_list,
    challenge_publish,
    challenge_status,
)
from .figures import figure_add_ready, figure_create, figure_delete, figure_edit, figure_list
from .matrix import (
    challenge_score,
    criterion_edit,
    criterion_list,
    criterion_toggle,
    matrix,
    matrix_weights,
)
from .stakeholders import (
    stakeholder_create,
    stakeholder_delete,
    stakeholder_edit,
    stakeholder_list,
)

__all__ = [
    "challenge_create",
    "challenge_delete",
    "challenge_detail",
    "challenge_edit",
    "challenge_list",
    "challenge_publish",
    "challenge_score",
    "challenge_status",
    "criterion_edit",
    "criterion_list",
    "criterion_toggle",
    "figure_add_ready",
    "figure_create",
    "figure_delete",
    "figure_edit",
    "figure_list",
    "matrix",
    "matrix_weights",
    "stakeholder_create",
    "stakeholder_delete",
    "stakeholder_edit",
    "stakeholder_list",
]
