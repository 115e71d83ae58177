""" "Absorption has its limit": the work-in-progress limit for active cases.

A case is active when its status is active and it is in phase 1–5 (Anchoring to Transition to
operations). The gate check and the page for a new case warn when the count would pass the limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import ngettext

from slik.cases.models import Case, GateDecision, Phase

from .settings import portfolio_settings_for

ACTIVE_PHASES = range(Phase.FORANKRING, Phase.OVERGANG + 1)
Decision = GateDecision.Decision
# Decisions after which the case is active again (status active).
ACTIVATING = (Decision.GO, Decision.BACK, Decision.RESUME)


@dataclass(frozen=True)
class WipStatus:
    count: int
    limit: int | None

    @property
    def over(self) -> bool:
        return self.limit is not None and self.count > self.limit

    @property
    def at_limit(self) -> bool:
        return self.limit is not None and self.count >= self.limit


def active_cases(organisation):
    return Case.objects.filter(
        organisation=organisation, status=Case.Status.ACTIVE, phase__in=ACTIVE_PHASES
    )


def active_case_count(organisation) -> int:
    return active_cases(organisation).count()


def is_active(case: Case) -> bool:
    return case.status == Case.Status.ACTIVE and case.phase in ACTIVE_PHASES


def wip_status(organisation) -> WipStatus:
    """`organisation` may be an Organisation or its id."""
    settings = portfolio_settings_for(organisation)
    return WipStatus(count=active_case_count(organisation), limit=settings.wip_limit)


def over_limit_message(status: WipStatus) -> str:
    return ngettext(
        "Absorption has its limit: the organisation already has %(count)s active case and its "
        "limit is %(limit)s. One more active case would pass the limit.",
        "Absorption has its limit: the organisation already has %(count)s active cases and its "
        "limit is %(limit)s. One more active case would pass the limit.",
        status.count,
    ) % {"count": status.count, "limit": status.limit}


def wip_create_warnings(organisation) -> list[str]:
    """Registered in slik.cases.panels.CASE_CREATE_WARNINGS: a new case starts active."""
    status = wip_status(organisation)
    return [over_limit_message(status)] if status.at_limit else []


def wip_gate_extension(*, case, decision, check) -> None:
    """Registered in GATE_CHECK_EXTENSIONS: warn when the decision makes an inactive case active
    again (a postponed case resumed, a case going back from New practice) past the limit."""
    if is_active(case) or decision not in ACTIVATING:
        return
    to_phase = check.to_phase or case.phase
    if to_phase not in ACTIVE_PHASES:
        return
    status = wip_status(case.organisation_id)
    if status.at_limit:
        check.warnings.append(over_limit_message(status))
