"""Forms of the portfolio, one module per domain noun. A form shows what the service would
refuse by asking the service's check; it never holds a second copy of a rule."""

from .board import AgendaAddForm, AgendaDecisionForm, BoardFilterForm, BoardMeetingForm
from .dashboard import DashboardFilterForm
from .goals import (
    CommissionCasesForm,
    CommissionFilterForm,
    CommissionForm,
    CommissionStatusForm,
    GoalFilterForm,
    PlanGoalForm,
)
from .settings import PortfolioSettingsForm
from .status import StatusReportForm

__all__ = [
    "AgendaAddForm",
    "AgendaDecisionForm",
    "BoardFilterForm",
    "BoardMeetingForm",
    "CommissionCasesForm",
    "CommissionFilterForm",
    "CommissionForm",
    "CommissionStatusForm",
    "DashboardFilterForm",
    "GoalFilterForm",
    "PlanGoalForm",
    "PortfolioSettingsForm",
    "StatusReportForm",
]
