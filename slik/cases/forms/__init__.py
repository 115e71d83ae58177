"""Forms of the cases app, one module per thing edited; callers import from here."""

from slik.challenges.forms import StakeholderForm

from .cases import CaseForm, SharingSelect
from .gates import GateForm
from .records import (
    CaseDecisionForm,
    HypothesisForm,
    InsightForm,
    N3CheckForm,
    RecordForm,
    ResponsibilityForm,
)
from .roadmap import GateSettingsForm, RoadmapForm

__all__ = [
    "CaseDecisionForm",
    "CaseForm",
    "GateForm",
    "GateSettingsForm",
    "HypothesisForm",
    "InsightForm",
    "N3CheckForm",
    "RecordForm",
    "ResponsibilityForm",
    "RoadmapForm",
    "SharingSelect",
    "StakeholderForm",
]
