"""Reads for the reports page, always given the organisation and the actor."""

from __future__ import annotations

from . import registry
from .models import ReportRun


def visible_runs(*, actor, organisation):
    """Every run for staff; only published runs for politicians."""
    runs = ReportRun.objects.filter(organisation=organisation)
    if not actor.has_perm("reports.view_reports", ReportRun(organisation=organisation)):
        runs = runs.filter(is_published=True)
    return runs


def run_list(*, actor, organisation, filters: dict):
    runs = visible_runs(actor=actor, organisation=organisation).select_related("requested_by")
    for name in ("report", "status", "file_format"):
        if filters.get(name):
            runs = runs.filter(**{name: filters[name]})
    if filters.get("published"):
        runs = runs.filter(is_published=filters["published"] == "yes")
    return runs


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
