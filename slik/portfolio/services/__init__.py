"""Writes of the portfolio (keyword-only, atomic, audit-logged) and the checks the pages ask
before a write. Board meetings and plan goals live in services/board.py (checks in
board_checks.py) and services/goals.py."""

from .capacity import active_case_count, wip_create_warnings, wip_gate_extension, wip_status
from .settings import portfolio_settings_ensure, portfolio_settings_for, portfolio_settings_update
from .status import (
    status_report_change_refusal,
    status_report_create,
    status_report_delete,
    status_report_publish,
    status_report_update,
)

__all__ = [
    "active_case_count",
    "portfolio_settings_ensure",
    "portfolio_settings_for",
    "portfolio_settings_update",
    "status_report_change_refusal",
    "status_report_create",
    "status_report_delete",
    "status_report_publish",
    "status_report_update",
    "wip_create_warnings",
    "wip_gate_extension",
    "wip_status",
]
