"""Reads for the benefits app, always given the organisation or the actor; each runs in a fixed
number of queries, whatever the amount of data. One module per domain noun; the app imports
them from here."""

from .benefits import (
    annotate_achievement,
    benefit_detail,
    benefits_for_case,
    case_choices,
    case_indicators,
    categories,
    indicator_achievement,
    indicator_measurements,
    indicators_with_latest,
    organisation_members,
    overdue_days_for,
    pitfall_check,
    visible_benefits,
)
from .map import BenefitMap, benefit_map_for, map_has_miracles
from .pitfalls import organisation_pitfalls
from .plan import PlanData, plan_data
from .tasks import feed_tasks, my_tasks, open_tasks, tasks_found, user_for_token

__all__ = [
    "BenefitMap",
    "PlanData",
    "annotate_achievement",
    "benefit_detail",
    "benefit_map_for",
    "map_has_miracles",
    "benefits_for_case",
    "case_choices",
    "case_indicators",
    "categories",
    "feed_tasks",
    "indicator_achievement",
    "indicator_measurements",
    "indicators_with_latest",
    "my_tasks",
    "open_tasks",
    "organisation_members",
    "organisation_pitfalls",
    "overdue_days_for",
    "pitfall_check",
    "plan_data",
    "tasks_found",
    "user_for_token",
    "visible_benefits",
]
