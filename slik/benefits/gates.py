"""What the case gates ask of the benefits (called by the cases app's gate check).

Both functions run inside the tenant scope of the caller and make two or three queries.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from .models import Benefit, BenefitSettings, Indicator


def pilot_gate_problems(case) -> tuple[str, list[str]]:
    """Entering Pilotering: every open benefit's main indicators need baseline and target.

    Returns the organisation's mode ("warn" or "block") and the problems (empty when fine).
    """
    settings = BenefitSettings.objects.filter(organisation_id=case.organisation_id).first()
    mode = settings.pilot_gate if settings else BenefitSettings.GateMode.WARN
    indicators = list(
        Indicator.objects.filter(
            benefit__case=case, benefit__status__in=Benefit.OPEN_STATUSES, is_main=True
        ).select_related("benefit")
    )
    problems = []
    if not indicators:
        problems.append(
            _(
                "Piloting needs measurable benefits: the case has no benefit with a main "
                "indicator, with a baseline and a target."
            )
        )
    # Drafting an indicator without them is allowed; this rule is where they are required,
    # and its message names each indicator and what it lacks.
    for indicator in indicators:
        no_baseline = indicator.baseline_value is None or indicator.baseline_on is None
        no_target = indicator.target_value is None or indicator.target_on is None
        if not (no_baseline or no_target):
            continue
        if no_baseline and no_target:
            missing = _("a baseline (value and date) and a target (value and date)")
        elif no_baseline:
            missing = _("a baseline (value and date)")
        else:
            missing = _("a target (value and date)")
        problems.append(
            _(
                "Piloting needs a baseline and a target for every main indicator: "
                "“%(indicator)s” (benefit “%(benefit)s”) still lacks %(missing)s."
            )
            % {"indicator": indicator.name, "benefit": indicator.benefit.title, "missing": missing}
        )
    return str(mode), problems


def closing_gate_problems(case) -> list[str]:
    """Closing the case or moving it to Ny praksis: every open benefit needs a responsible in
    the line, who carries it on when the project team leaves."""
    benefits = Benefit.objects.filter(
        case=case, status__in=Benefit.OPEN_STATUSES, responsible__isnull=True
    ).order_by("id")
    return [
        _("The benefit “%(benefit)s” has no benefit responsible in the line.")
        % {"benefit": benefit.title}
        for benefit in benefits
    ]


def gate_check_extension(*, case, decision, check) -> None:
    """Hooked into the cases app's gate check (`GATE_CHECK_EXTENSIONS`)."""
    from slik.cases.models import GateDecision, Phase

    if decision != GateDecision.Decision.GO:
        return
    if check.to_phase == Phase.PILOTERING:
        mode, problems = pilot_gate_problems(case)
        target = check.blockers if mode == BenefitSettings.GateMode.BLOCK else check.warnings
        target.extend(problems)
    elif check.to_phase == Phase.NY_PRAKSIS:
        check.blockers.extend(closing_gate_problems(case))
