"""A report run is named by its report's title where people read it (history, overview), never
by its internal key."""

from django.utils import translation

from slik.reports.models import ReportRun


def test_a_run_is_named_by_its_title_not_its_key():
    run = ReportRun(report="council_report", file_format="pdf", status="done")
    with translation.override("nb"):
        name = str(run)
    assert "council_report" not in name
    assert name.startswith("Porteføljerapport til kommunestyret (PDF")
