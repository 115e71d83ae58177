"""The portfolio rows of the benchmark: status reports for every case, and two portfolio
municipalities – Oslo with 500 cases (the dashboard and the council report under load) and
Bergen with 50 (the low end of the query count) – with floker, sectors, benefits, status
reports, a work-in-progress limit, plan goals and commissions.

bulk_create only, outside any tenant scope. The constants are imported before Django is set
up (by bench.run and bench.report), so the models are imported inside the functions.
"""

from __future__ import annotations

import datetime

BATCH = 2000
# (municipality number, cases in all): the dashboard is loaded for the first and its query
# count compared with the second's.
PORTFOLIO_NUMBER = "0301"  # Oslo
PORTFOLIO_CASES = 500
SMALL_NUMBER = "4601"  # Bergen
SMALL_CASES = 50
PORTFOLIO_ORGS = ((PORTFOLIO_NUMBER, PORTFOLIO_CASES), (SMALL_NUMBER, SMALL_CASES))
CASES_PER_FLOKE = 3
GOALS_PER_ORG = 12
COMMISSIONS_PER_ORG = 8
LEVELS = [("ahead", 1), ("on_plan", 6), ("minor_delays", 3), ("delayed", 1), ("not_started", 1)]


def _weighted(rng, pairs) -> str:
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def add_status_reports(gen, cases) -> None:
    """0–3 monthly status reports per case; the newest is a draft one time in four."""
    from django.utils import timezone

    from slik.portfolio.models import StatusReport

    rng, now = gen.rng, timezone.now()
    reports = []
    for case in cases:
        count = rng.choices([0, 1, 2, 3], [1, 3, 3, 3])[0]
        for index in range(count):
            newest = index == count - 1
            fields = {}
            for dimension in StatusReport.DIMENSIONS:
                fields[dimension] = _weighted(rng, LEVELS)
                fields[f"{dimension}_comment"] = "Generert statuskommentar." if newest else ""
            reports.append(
                StatusReport(
                    case=case,
                    reported_on=gen.today - datetime.timedelta(days=30 * (count - index) - 25),
                    published_at=None if newest and rng.random() < 0.25 else now,
                    created_by=case.owner,
                    **fields,
                )
            )
    StatusReport.objects.bulk_create(reports, batch_size=BATCH)


def portfolio_organisations() -> list:
    from slik.organisations.models import Organisation

    numbers = [number for number, _cases in PORTFOLIO_ORGS]
    return list(Organisation.objects.filter(kind="municipality", number__in=numbers))


def ensure_portfolio_orgs(gen_factory, *, chosen_leaders, add_floker, add_cases, write) -> None:
    """Top each portfolio municipality up to its number of cases, then its steering data."""
    from slik.cases.models import Case

    orgs = {org.number: org for org in portfolio_organisations()}
    for number, total in PORTFOLIO_ORGS:
        org = orgs.get(number)
        if org is None:
            continue
        missing = total - Case.objects.filter(organisation=org).count()
        if missing <= 0:
            continue
        gen = gen_factory()
        context = gen.org_context(org)
        context["leaders"] = chosen_leaders(org)
        challenges = add_floker(gen, [context], max(1, missing // CASES_PER_FLOKE))
        add_cases(gen, [context], missing, challenges)
        add_steering(gen, org)
        write(f"  {org.short_name}: {total} cases with benefits, status reports and steering")


def add_steering(gen, org) -> None:
    """A work-in-progress limit near the active count, plan goals and commissions."""
    from slik.benefits.models import Benefit
    from slik.cases.models import Case
    from slik.challenges.models import Challenge
    from slik.portfolio.models import PortfolioSettings
    from slik.portfolio.services.capacity import active_cases

    active = active_cases(org).count()
    PortfolioSettings.objects.update_or_create(
        organisation=org, defaults={"wip_limit": active + 2, "stuck_after_days": 180}
    )
    case_ids = list(Case.objects.filter(organisation=org).values_list("pk", flat=True))
    benefit_ids = list(Benefit.objects.filter(organisation=org).values_list("pk", flat=True))
    floke_ids = list(Challenge.objects.filter(organisation=org).values_list("pk", flat=True))
    goals = add_goals(gen, org, GOALS_PER_ORG, case_ids, benefit_ids)
    add_commissions(gen, org, COMMISSIONS_PER_ORG, goals, case_ids, floke_ids)


def add_goals(gen, org, count: int, case_ids, benefit_ids) -> list:
    """`count` plan goals, each linked to up to 20 cases and 10 benefits."""
    from slik.portfolio.models import PlanGoal

    rng = gen.rng
    first = PlanGoal.objects.filter(organisation=org).count()
    sources = [choice for choice, _label in PlanGoal.Source.choices]
    goals = PlanGoal.objects.bulk_create(
        PlanGoal(
            organisation=org,
            source=sources[index % len(sources)],
            title=f"Mål {index + 1} i planene til {org.short_name}",
            description="Generert mål for ytelsestesten.",
            year=gen.today.year - index % 3,
            reference=f"Kap. {index + 1}",
        )
        for index in range(first, first + count)
    )
    goal_cases, goal_benefits = PlanGoal.cases.through, PlanGoal.benefits.through
    goal_cases.objects.bulk_create(
        goal_cases(plangoal_id=goal.pk, case_id=case_id)
        for goal in goals
        for case_id in rng.sample(case_ids, min(20, len(case_ids)))
    )
    goal_benefits.objects.bulk_create(
        goal_benefits(plangoal_id=goal.pk, benefit_id=benefit_id)
        for goal in goals
        for benefit_id in rng.sample(benefit_ids, min(10, len(benefit_ids)))
    )
    return goals


def add_commissions(gen, org, count: int, goals, case_ids, floke_ids) -> None:
    """`count` commissions from the council, each answered by up to 3 cases."""
    from slik.portfolio.models import Commission

    rng = gen.rng
    first = Commission.objects.filter(organisation=org).count()
    statuses = [choice for choice, _label in Commission.Status.choices]
    commissions = []
    for index in range(first, first + count):
        decided_on = gen.today - datetime.timedelta(days=rng.randint(20, 700))
        commissions.append(
            Commission(
                organisation=org,
                body="Kommunestyret" if index % 2 else "Formannskapet",
                decided_on=decided_on,
                case_number=f"{decided_on.year % 100:02d}/{rng.randint(100, 9999)}",
                title=f"Innovasjonsoppdrag {index + 1}",
                text="Kommunestyret ber kommunedirektøren om å prøve ut nye løsninger.",
                status=statuses[index % len(statuses)],
            )
        )
    Commission.objects.bulk_create(commissions)
    cases = Commission.cases.through
    floker = Commission.challenges.through
    plan_goals = Commission.plan_goals.through
    cases.objects.bulk_create(
        cases(commission_id=c.pk, case_id=case_id)
        for c in commissions
        for case_id in rng.sample(case_ids, min(3, len(case_ids)))
    )
    if floke_ids:
        floker.objects.bulk_create(
            floker(commission_id=c.pk, challenge_id=rng.choice(floke_ids)) for c in commissions
        )
    if goals:
        plan_goals.objects.bulk_create(
            plan_goals(commission_id=c.pk, plangoal_id=rng.choice(goals).pk) for c in commissions
        )
