from .board import AgendaItem, BoardMeeting
from .goals import Commission, PlanGoal
from .status import PortfolioSettings, StatusLevel, StatusReport

__all__ = [
    "AgendaItem",
    "BoardMeeting",
    "Commission",
    "PlanGoal",
    "PortfolioSettings",
    "StatusLevel",
    "StatusReport",
]
