"""Views of the dashboard, the portfolio settings and status reports. Board meetings and plan
goals have theirs in views/board.py and views/goals.py (wired through urls_board.py)."""

from .dashboard import dashboard, portfolio_settings
from .status import (
    status_create,
    status_delete,
    status_detail,
    status_edit,
    status_list,
    status_publish,
)

__all__ = [
    "dashboard",
    "portfolio_settings",
    "status_create",
    "status_delete",
    "status_detail",
    "status_edit",
    "status_list",
    "status_publish",
]
