"""The background worker's part: render one report run inside its tenant."""

from __future__ import annotations

from django_scopes import scope
from django_tasks import task


@task()
def render_report_run(run_id: int, organisation_id: int) -> str:
    """Takes ids only and re-enters the tenant scope, so no stale object or tenant leaks."""
    from .services import report_run_execute

    with scope(organisation=organisation_id):
        run = report_run_execute(run_id=run_id)
    return run.status if run is not None else "missing"
