from .case import Case, CaseStepCheck, InnovationType, OecdFacet, Phase, PhasePeriod, SharingLevel
from .records import CaseDecision, GateDecision, Hypothesis, Insight, N3Check, Responsibility
from .roadmap import GateSettings, PhaseStep, RoadmapTemplate

__all__ = [
    "Case",
    "CaseDecision",
    "CaseStepCheck",
    "GateDecision",
    "GateSettings",
    "Hypothesis",
    "InnovationType",
    "Insight",
    "N3Check",
    "OecdFacet",
    "Phase",
    "PhasePeriod",
    "PhaseStep",
    "Responsibility",
    "RoadmapTemplate",
    "SharingLevel",
]
