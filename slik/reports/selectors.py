"""Reads for the reports page, always given the organisation and the actor."""

from __future__ import annotations

from slik.accounts.people import USER_LABEL_FIELDS

from . import registry
from .models import ReportRun


def visible_runs(*, actor, organisation):
    """Every run for staff; only published runs for politicians."""
    runs = ReportRun.objects.filter(organisation=organisation)
    if not actor.has_perm("reports.view_reports", ReportRun(organisation=organisation)):
        runs = runs.filter(is_published=True)
    return runs


# What a row of the list of runs shows, read as a tuple (`run_list`).
RUN_LIST_COLUMNS = (
    "pk",
    "report",
    "parameters",
    "file_format",
    "created_at",
    "status",
    "is_published",
    "requested_by_id",
    *(f"requested_by__{name}" for name in USER_LABEL_FIELDS),
)


def run_list(*, actor, organisation, filters: dict):
    """The list's rows as tuples of `RUN_LIST_COLUMNS`: the list shows nothing else, and a
    run with its whole requester per row cost more to read than the rows are worth."""
    runs = visible_runs(actor=actor, organisation=organisation)
    for name in ("report", "status", "file_format"):
        if filters.get(name):
            runs = runs.filter(**{name: filters[name]})
    if filters.get("published"):
        runs = runs.filter(is_published=filters["published"] == "yes")
    return runs.values_list(*RUN_LIST_COLUMNS)


def orderable_reports(*, actor, organisation) -> list[registry.ReportDefinition]:
    """Listed reports the actor may order (organisation-level rule; parameters come later)."""
    if not actor.has_perm("reports.order_report", organisation):
        return []
    return [
        definition
        for definition in sorted(registry.REGISTRY.values(), key=lambda d: str(d.title))
        if definition.listed
        and definition.permission_object is None
        and actor.has_perm(definition.permission, organisation)
    ]


def report_title(key: str) -> str:
    definition = registry.get(key)
    return str(definition.title) if definition else key
