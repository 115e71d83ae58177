"""Reads of the portfolio, always given the organisation and the actor. Board meetings and plan
goals have theirs in selectors/board.py and selectors/goals.py."""

from .dashboard import DashboardFilters, portfolio_dashboard
from .status import latest_published_report, status_reports_for_case

__all__ = [
    "DashboardFilters",
    "latest_published_report",
    "portfolio_dashboard",
    "status_reports_for_case",
]
