from .benefit import Benefit, BenefitCategory, BenefitSettings, BenefitsPlan
from .calendar import CalendarToken
from .indicator import Direction, Indicator, Measurement, MeasurementTask
from .map import BenefitMapEdge, BenefitMapNode

__all__ = [
    "Benefit",
    "BenefitCategory",
    "BenefitMapEdge",
    "BenefitMapNode",
    "BenefitSettings",
    "BenefitsPlan",
    "CalendarToken",
    "Direction",
    "Indicator",
    "Measurement",
    "MeasurementTask",
]
