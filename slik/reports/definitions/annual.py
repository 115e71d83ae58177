"""The annual innovation report (årsrapport) for one year: what started, moved, stopped, what
benefits were realised and which decisions were taken."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from slik.benefits.models import Benefit, Measurement
from slik.cases.models import Case, CaseDecision, GateDecision
from slik.portfolio.models import AgendaItem

from ..document import Chart, ReportDocument, Section, Table
from ..registry import ReportDefinition
from .common import bar_chart, phase_label, today

REALISED = (Benefit.Status.REALISED, Benefit.Status.PARTLY_REALISED)


def _started(organisation, year) -> list[list]:
    cases = Case.objects.filter(organisation=organisation, created_at__year=year).order_by(
        "created_at", "id"
    )
    return [
        [c.title, c.created_at.date(), phase_label(c.phase), c.get_status_display()] for c in cases
    ]


def _gates(organisation, year):
    return list(
        GateDecision.objects.filter(case__organisation=organisation, decided_on__year=year)
        .select_related("case")
        .order_by("decided_on", "id")
    )


def _benefits(organisation, year) -> list[list]:
    measured = Measurement.objects.filter(
        indicator__benefit__organisation=organisation, measured_on__year=year
    ).values("indicator__benefit_id")
    benefits = (
        Benefit.objects.filter(organisation=organisation, status__in=REALISED, pk__in=measured)
        .select_related("case", "category")
        .order_by("case__title", "id")
    )
    return [
        [b.title, b.case.title, b.category.name if b.category else "", b.get_status_display()]
        for b in benefits
    ]


def _decisions(organisation, year) -> list[list]:
    rows = [
        [d.decided_on, d.case.title, d.title, d.decided_by]
        for d in CaseDecision.objects.filter(
            case__organisation=organisation, decided_on__year=year
        ).select_related("case")
    ]
    items = AgendaItem.objects.filter(
        meeting__organisation=organisation, meeting__held_on__year=year, case_decision__isnull=True
    ).exclude(decision="")
    rows += [
        [i.meeting.held_on, i.case.title, i.get_decision_display(), i.meeting.title]
        for i in items.select_related("meeting", "case")
    ]
    return sorted(rows, key=lambda row: (row[0], row[1].lower()))


def _gate_rows(items) -> list[list]:
    return [
        [
            g.decided_on,
            g.case.title,
            phase_label(g.from_phase),
            phase_label(g.to_phase),
            g.get_decision_display(),
        ]
        for g in items
    ]


def _overview(counts: list[dict]) -> Section:
    heading = _("The year in numbers")
    columns = [_("What happened"), _("Number")]
    spec = bar_chart(counts, category=columns[0], amount=columns[1], title=heading)
    return Section(
        heading=heading,
        charts=[Chart(heading, spec, _("The table below shows the same numbers."))],
        tables=[Table(heading, columns, [[r["category"], r["amount"]] for r in counts])],
    )


def _table_section(heading: str, columns: list, rows: list, paragraphs=()) -> Section:
    return Section(heading, paragraphs=list(paragraphs), tables=[Table(heading, columns, rows)])


def build(organisation, parameters, actor) -> ReportDocument:
    year = int(parameters["year"])
    started = _started(organisation, year)
    gates = _gates(organisation, year)
    moving = (GateDecision.Decision.GO, GateDecision.Decision.BACK)
    moved = [g for g in gates if g.decision in moving]
    stopped = [g for g in gates if g.decision == GateDecision.Decision.STOP]
    benefits = _benefits(organisation, year)
    gate_columns = [_("Date"), _("Case"), _("From phase"), _("To phase"), _("Decision")]
    counts = [
        {"category": _("Started"), "amount": len(started)},
        {"category": _("Changed phase"), "amount": len(moved)},
        {"category": _("Stopped"), "amount": len(stopped)},
        {"category": _("Benefits realised"), "amount": len(benefits)},
    ]
    stopping = _("Stopping a case is part of innovation: it frees capacity and leaves learning.")
    return ReportDocument(
        title=_("Annual innovation report %(year)s") % {"year": year},
        organisation_name=organisation.display_name,
        date=today(),
        summary=[
            ngettext("%(n)s case started.", "%(n)s cases started.", len(started))
            % {"n": len(started)},
            ngettext("%(n)s case changed phase.", "%(n)s phase changes.", len(moved))
            % {"n": len(moved)},
            ngettext("%(n)s case was stopped.", "%(n)s cases were stopped.", len(stopped))
            % {"n": len(stopped)},
        ],
        sections=[
            _overview(counts),
            _table_section(
                _("Cases started"),
                [_("Case"), _("Started"), _("Phase now"), _("Status now")],
                started,
            ),
            _table_section(_("Phase changes"), gate_columns, _gate_rows(moved)),
            _table_section(_("Cases stopped"), gate_columns, _gate_rows(stopped), [stopping]),
            _table_section(
                _("Benefits realised and measured this year"),
                [_("Benefit"), _("Case"), _("Category"), _("Status")],
                benefits,
            ),
            _table_section(
                _("Decisions taken this year"),
                [_("Date"), _("Case"), _("Decision"), _("Decided by")],
                _decisions(organisation, year),
            ),
        ],
    )


DEFINITION = ReportDefinition(
    key="annual_report",
    title=gettext_lazy("Annual innovation report"),
    formats=("pdf", "docx"),
    permission="reports.order_report",
    build=build,
    background=True,
    for_politicians=True,
    parameters=("year",),
    description=gettext_lazy(
        "For a chosen year: cases started, phase changes, cases stopped, benefits realised and "
        "decisions."
    ),
)
