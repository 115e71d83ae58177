"""Reads of plan goals and commissions, given the organisation and the actor.

Politicians see every goal and commission, but of the linked material only what is published
to them (cases, floker) and the benefits of published cases.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce

from slik.benefits.models import Benefit, Indicator
from slik.benefits.rollup import indicator_gains, unit_kind
from slik.benefits.selectors import (
    annotate_achievement,
    indicators_with_latest,
    visible_benefits,
)
from slik.cases.models import Case
from slik.cases.selectors import visible_cases
from slik.challenges.models import Challenge
from slik.challenges.selectors import visible_challenges
from slik.core.compiled import CompiledRead, sql_rows

from ..models import Commission, PlanGoal

ZERO = Decimal(0)


def _link_count(through, owner: str, name: str, visible=None):
    """How many rows of the link table `through` join the `owner` (goal or commission) to a
    row of `visible` (a link row is unique per owner and case or benefit, so no DISTINCT is
    needed); every row when `visible` is None. Visibility is checked per link row (`EXISTS`):
    with `IN`, SQLite probed the goal's links once for every case or benefit of the
    municipality."""
    links = through.objects.filter(**{owner: OuterRef("pk")})
    if visible is not None:
        links = links.filter(Exists(visible.filter(pk=OuterRef(f"{name}_id"))))
    links = links.order_by().values(owner).annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(links, output_field=IntegerField()), 0)


def _sees_every_case(actor, organisation) -> bool:
    """Whether `visible_cases` is every case of the organisation (staff). The services never
    link a goal or commission to another municipality's case or benefit, so for them every
    link counts and the counts need no visibility check: building the `EXISTS` cost ≈ 1 ms
    per count on the list pages."""
    return actor.has_perm("cases.view_case", Case(organisation=organisation))


@cache
def _every_link_counted() -> dict:
    """The goal list's counts of every link: without parameters, so built once (≈ 0.25 ms);
    annotate() resolves a copy of each expression."""
    return {
        "case_count": _link_count(PlanGoal.cases.through, "plangoal", "case"),
        "benefit_count": _link_count(PlanGoal.benefits.through, "plangoal", "benefit"),
    }


# What a row of the goal list shows (`plan_goals`), read as a named tuple.
GOAL_LIST_COLUMNS = ("id", "title", "source", "year", "reference", "case_count", "benefit_count")


def plan_goals(*, actor, organisation, query: str = "", source: str = "", year=None):
    """Every goal as a row of `GOAL_LIST_COLUMNS`; its counts are of the cases and benefits
    the actor may see.

    Each count is its own subquery on the link table: joining both links in one query
    multiplied every goal's cases by its benefits (Oslo: ≈ 19 000 rows for 96 goals, 9 ms)."""
    if _sees_every_case(actor, organisation):
        counts = _every_link_counted()
    else:
        cases = visible_cases(actor=actor, organisation=organisation)
        benefits = visible_benefits(actor=actor, organisation=organisation)
        counts = {
            "case_count": _link_count(PlanGoal.cases.through, "plangoal", "case", cases),
            "benefit_count": _link_count(
                PlanGoal.benefits.through, "plangoal", "benefit", benefits
            ),
        }
    goals = PlanGoal.objects.filter(organisation=organisation).annotate(**counts)
    if query:
        goals = goals.filter(
            Q(title__icontains=query)
            | Q(description__icontains=query)
            | Q(reference__icontains=query)
        )
    if source:
        goals = goals.filter(source=source)
    if year:
        goals = goals.filter(year=year)
    return goals.order_by("-year", "source", "title", "id").values_list(
        *GOAL_LIST_COLUMNS, named=True
    )


class GoalRow(NamedTuple):
    """A row of the goal list: the `GOAL_LIST_COLUMNS` `plan_goals` reads."""

    id: int
    title: str
    source: str
    year: int
    reference: str
    case_count: int
    benefit_count: int


GOALS = f'"{PlanGoal._meta.db_table}"'
# A goal's links, each counted as `_link_count` counts every link (a count of none is 0).
_COUNTED = 'COALESCE((SELECT COUNT(*) FROM "{table}" link WHERE link.plangoal_id = goal.id), 0)'
GOAL_ROWS_SQL = (
    "SELECT goal.id, goal.title, goal.source, goal.year, goal.reference, "
    + _COUNTED.format(table=PlanGoal.cases.through._meta.db_table)
    + ", "
    + _COUNTED.format(table=PlanGoal.benefits.through._meta.db_table)
    + f" FROM {GOALS} goal WHERE {{where}}"
    " ORDER BY goal.year DESC, goal.source, goal.title, goal.id LIMIT %s OFFSET %s"
)
GOAL_COUNT_SQL = f"SELECT COUNT(*) FROM {GOALS} goal WHERE {{where}}"


class GoalPages:
    """The goal list of an actor who sees every case (`_sees_every_case`), filtered by plan
    and year but not searched: what `plan_goals` gives, read a page at a time with SQL text.
    Django took longer to build the list's query (two counts as subqueries) than SQLite to run
    it. A `Paginator` slices it (one query per page) and counts it (one more, unless the
    view knows the count). `tests/test_goal_rows.py` compares it with `plan_goals`."""

    def __init__(self, *, organisation, source: str = "", year=None):
        where, params = ["goal.organisation_id = %s"], [organisation.pk]
        if source:
            where.append("goal.source = %s")
            params.append(source)
        if year:
            where.append("goal.year = %s")
            params.append(year)
        self._where, self._params = " AND ".join(where), params

    def _rows(self, sql: str, params: list) -> list[tuple]:
        return sql_rows(sql.format(where=self._where), [*self._params, *params])

    def count(self) -> int:
        return self._rows(GOAL_COUNT_SQL, [])[0][0]

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[GoalRow]:
        start, stop = index.start or 0, index.stop
        if stop is None or index.step is not None or start < 0 or stop < start:
            raise TypeError("GoalPages is read a page at a time: [start:stop]")
        if stop == start:
            return []  # as an empty slice of a queryset: no query
        return [GoalRow(*row) for row in self._rows(GOAL_ROWS_SQL, [stop - start, start])]


def goal_list(*, actor, organisation, query: str = "", source: str = "", year=None):
    """The goal list page's rows: `plan_goals`, read with SQL text (`GoalPages`) where the
    actor sees every case and nothing is searched for."""
    if not query and _sees_every_case(actor, organisation):
        return GoalPages(organisation=organisation, source=source, year=year)
    return plan_goals(actor=actor, organisation=organisation, query=query, source=source, year=year)


# The years with goals: the same query on every visit of the list, compiled once.
_GOAL_YEARS = CompiledRead(
    lambda organisation_id: (
        PlanGoal.objects.filter(organisation_id=organisation_id)
        .order_by("-year")
        .values_list("year")
        .annotate(n=Count("*"))
    ),
    -7_400_101,
)


def goal_years(*, organisation) -> dict[int, int]:
    """The years with goals, newest first, and how many goals each has."""
    return dict(_GOAL_YEARS.rows(organisation.pk))


@dataclass
class GoalContribution:
    cases: list = field(default_factory=list)
    benefits: list = field(default_factory=list)
    # Summed where the units allow: kroner and labour-years (årsverk), improvement positive.
    planned_kr: Decimal = ZERO
    realised_kr: Decimal = ZERO
    planned_years: Decimal = ZERO
    realised_years: Decimal = ZERO
    has_sums: bool = False

    def add(self, indicator) -> None:
        kind = unit_kind(indicator.unit)
        if kind is None:
            return
        planned, realised = indicator_gains(indicator)
        setattr(self, f"planned_{kind}", getattr(self, f"planned_{kind}") + planned)
        setattr(self, f"realised_{kind}", getattr(self, f"realised_{kind}") + realised)
        self.has_sums = True


def goal_contribution(*, goal: PlanGoal, actor) -> GoalContribution:
    """What contributes to `goal`: linked cases (phase, status) and benefits with their
    indicators' latest values and achievement. Three queries."""
    organisation = goal.organisation
    cases = list(
        visible_cases(actor=actor, organisation=organisation)
        .filter(plan_goals=goal)
        .only("id", "title", "phase", "status")
        .order_by("phase", "title")
    )
    benefits = (
        visible_benefits(actor=actor, organisation=organisation)
        .filter(plan_goals=goal)
        .select_related("case")
        .prefetch_related(
            Prefetch("indicators", queryset=indicators_with_latest(Indicator.objects.all()))
        )
        .order_by("case__title", "title")
    )
    result = GoalContribution(cases=cases)
    for benefit in benefits:
        benefit.indicator_list = list(benefit.indicators.all())
        annotate_achievement(benefit.indicator_list)
        result.benefits.append(benefit)
        if benefit.status == Benefit.Status.CANCELLED:
            continue
        for indicator in benefit.indicator_list:
            result.add(indicator)
    return result


# Choice lists hold every case (or benefit) of the organisation: only what the label and the
# service's tenant check read is loaded.
CHOICE_FIELDS = ("id", "title", "organisation_id")


def goal_case_choices(*, organisation):
    return (
        Case.objects.filter(organisation=organisation).only(*CHOICE_FIELDS).order_by("title", "id")
    )


def goal_benefit_choices(*, organisation):
    return (
        Benefit.objects.filter(organisation=organisation)
        .select_related("case")
        .only(*CHOICE_FIELDS, "case__title")
        .order_by("case__title", "title", "id")
    )


# Commissions -----------------------------------------------------------------------------


# What a row of the commission list shows (`commissions`), read as a named tuple.
COMMISSION_LIST_COLUMNS = (
    "id",
    "title",
    "case_number",
    "body",
    "decided_on",
    "status",
    "case_count",
)


@cache
def _every_answer_counted():
    """The commission list's count of every answering case, built once (`_every_link_counted`)."""
    return _link_count(Commission.cases.through, "commission", "case")


def commissions(*, actor, organisation, query: str = "", status: str = "", body: str = ""):
    """Every commission as a row of `COMMISSION_LIST_COLUMNS`; its count is of the answering
    cases the actor may see (a subquery on the link table, as `plan_goals`: the join and
    `GROUP BY` made the list's count a count over a grouped subquery)."""
    if _sees_every_case(actor, organisation):
        case_count = _every_answer_counted()
    else:
        cases = visible_cases(actor=actor, organisation=organisation)
        case_count = _link_count(Commission.cases.through, "commission", "case", cases)
    items = Commission.objects.filter(organisation=organisation).annotate(case_count=case_count)
    if query:
        items = items.filter(
            Q(title__icontains=query) | Q(text__icontains=query) | Q(case_number__icontains=query)
        )
    if status:
        items = items.filter(status=status)
    if body:
        items = items.filter(body__icontains=body)
    return items.order_by("-decided_on", "-id").values_list(*COMMISSION_LIST_COLUMNS, named=True)


def commission_links(*, commission: Commission, actor) -> dict:
    """The commission's floker, goals and answering cases the actor may see."""
    organisation = commission.organisation
    cases = visible_cases(actor=actor, organisation=organisation).filter(commissions=commission)
    challenges = visible_challenges(actor=actor, organisation=organisation).filter(
        commissions=commission
    )
    return {
        "cases": list(
            cases.only("id", "title", "phase", "status", "summary").order_by("phase", "title")
        ),
        "challenges": list(challenges.only("id", "title").order_by("title")),
        "plan_goals": list(
            commission.plan_goals.only("id", "title", "year").order_by("-year", "title")
        ),
    }


def commission_challenge_choices(*, organisation):
    return (
        Challenge.objects.filter(organisation=organisation)
        .only(*CHOICE_FIELDS)
        .order_by("title", "id")
    )


def commission_goal_choices(*, organisation):
    return (
        PlanGoal.objects.filter(organisation=organisation)
        .only(*CHOICE_FIELDS)
        .order_by("-year", "title", "id")
    )
