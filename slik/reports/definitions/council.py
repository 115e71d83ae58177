"""The portfolio report for the municipal council: short, plain language, readable on paper.

Data from the portfolio dashboard selector (constant number of queries in the number of cases)
and the commissions; rendered in the background worker.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from slik.cases.models import Case
from slik.cases.selectors import published_cases
from slik.core.formats import format_number
from slik.portfolio.models import Commission, StatusLevel
from slik.portfolio.selectors.dashboard import DashboardFilters, portfolio_dashboard

from ..document import Chart, ReportDocument, Section, Table
from ..registry import ReportDefinition
from .common import bar_chart, grouped_bar_chart, phase_label, today

# Paper is for an overview; the portfolio export lists everything.
CASES_PER_PHASE = 15
DECISIONS_LISTED = 30


def _summary(dashboard, commissions, needed) -> list[str]:
    cases = dashboard.cases
    counts = {status: sum(1 for c in cases if c.status == status) for status in Case.Status.values}
    total = dashboard.benefits["total"]
    open_commissions = sum(
        1
        for c in commissions
        if c.status in (Commission.Status.RECEIVED, Commission.Status.IN_PROGRESS)
    )
    return [
        ngettext(
            "The municipality has %(n)s innovation case: %(active)s active, %(postponed)s "
            "postponed and %(stopped)s stopped.",
            "The municipality has %(n)s innovation cases: %(active)s active, %(postponed)s "
            "postponed and %(stopped)s stopped.",
            len(cases),
        )
        % {
            "n": len(cases),
            "active": counts["active"],
            "postponed": counts["postponed"],
            "stopped": counts["stopped"],
        },
        _("Benefits realised so far: %(realised)s kroner of %(planned)s kroner planned.")
        % {
            "realised": format_number(total.realised_kr),
            "planned": format_number(total.planned_kr),
        },
        ngettext(
            "The council has given %(n)s commission; %(open)s of them are not answered yet.",
            "The council has given %(n)s commissions; %(open)s of them are not answered yet.",
            len(commissions),
        )
        % {"n": len(commissions), "open": open_commissions},
        ngettext("%(n)s case needs a decision.", "%(n)s cases need a decision.", len(needed))
        % {"n": len(needed)},
    ]


def _phase_section(dashboard) -> Section:
    values = [{"category": row["label"], "amount": row["count"]} for row in dashboard.funnel]
    chart = Chart(
        _("Cases by phase"),
        bar_chart(
            values, category=_("Phase"), amount=_("Number of cases"), title=_("Cases by phase")
        ),
        _("The table below shows the same numbers."),
    )
    counts = Table(
        _("Number of cases by phase"),
        [_("Phase"), _("Cases"), _("Average days in phase")],
        [
            [f"{row['key']}. {row['label']}", row["count"], row["average_days"]]
            for row in dashboard.funnel
        ],
    )
    return Section(
        heading=_("Cases by phase"),
        paragraphs=[
            _(
                "A case moves through six phases, from anchoring to new practice. It only moves "
                "on after a recorded decision."
            )
        ],
        charts=[chart],
        tables=[counts],
        subsections=[_phase_listing(dashboard, row) for row in dashboard.funnel if row["count"]],
    )


def _phase_listing(dashboard, row) -> Section:
    """The cases of one phase, at most CASES_PER_PHASE on paper (the export has them all)."""
    levels = dict(StatusLevel.choices)
    cases = sorted(
        (c for c in dashboard.cases if c.phase == row["key"]), key=lambda c: c.title.lower()
    )
    rows = [
        [
            case.title,
            case.get_status_display(),
            case.days_in_phase,
            str(levels.get(getattr(case, "status_overall", None), "")) or "–",
        ]
        for case in cases[:CASES_PER_PHASE]
    ]
    more = len(cases) - CASES_PER_PHASE
    paragraphs = []
    if more > 0:
        paragraphs.append(
            ngettext(
                "%(n)s more case in this phase is listed in the portfolio export.",
                "%(n)s more cases in this phase are listed in the portfolio export.",
                more,
            )
            % {"n": more}
        )
    table = Table(
        _("Cases in %(phase)s") % {"phase": row["label"]},
        [_("Case"), _("Status"), _("Days in phase"), _("Latest status report")],
        rows,
    )
    return Section(
        heading=f"{row['key']}. {row['label']} ({row['count']})",
        tables=[table],
        paragraphs=paragraphs,
    )


def _benefits_section(dashboard) -> Section:
    categories = dashboard.benefits["categories"]
    total = dashboard.benefits["total"]
    planned, realised = _("Planned"), _("Realised")
    values = []
    for row in categories:
        name = row.name or _("No category")
        values += [
            {"category": name, "series": planned, "amount": float(row.planned_kr)},
            {"category": name, "series": realised, "amount": float(row.realised_kr)},
        ]
    chart = Chart(
        _("Benefits planned and realised (kroner)"),
        grouped_bar_chart(
            values,
            category=_("Category"),
            amount=_("Kroner"),
            series=_("Benefit"),
            title=_("Benefits planned and realised"),
        ),
        _("Light bars are planned, dark bars realised. The table below shows the same numbers."),
    )
    rows = [
        [
            row.name or _("No category"),
            row.benefits,
            row.planned_kr,
            row.realised_kr,
            row.planned_years,
            row.realised_years,
        ]
        for row in categories
    ]
    rows.append(
        [
            _("Total"),
            total.benefits,
            total.planned_kr,
            total.realised_kr,
            total.planned_years,
            total.realised_years,
        ]
    )
    table = Table(
        _("Benefits by category"),
        [
            _("Category"),
            _("Benefits"),
            _("Planned (kr)"),
            _("Realised (kr)"),
            _("Planned (labour-years)"),
            _("Realised (labour-years)"),
        ],
        rows,
    )
    return Section(
        heading=_("Benefits realised"),
        paragraphs=[
            _("Realised means measured so far against the starting point; planned is the target.")
        ],
        charts=[chart] if values else [],
        tables=[table],
    )


def _commission_section(commissions) -> Section:
    rows = [
        [
            c.case_number,
            c.body,
            c.decided_on,
            c.title,
            c.get_status_display(),
            ", ".join(case.title for case in c.cases.all()) or "–",
            c.status_comment,
        ]
        for c in commissions
    ]
    table = Table(
        _("Commissions from the council"),
        [
            _("Case number"),
            _("Body"),
            _("Date"),
            _("Commission"),
            _("Status"),
            _("Cases that answer it"),
            _("Comment"),
        ],
        rows,
    )
    return Section(heading=_("Commissions and their status"), tables=[table])


def decisions_needed(dashboard) -> list[list]:
    """Cases stuck longer than the limit in a phase, postponed, or reported delayed."""
    stuck = {case.pk for case in dashboard.stuck}
    rows = []
    for case in sorted(dashboard.cases, key=lambda c: (c.phase, c.title.lower())):
        reasons = []
        if case.pk in stuck:
            reasons.append(_("%(days)s days in the same phase") % {"days": case.days_in_phase})
        if case.status == Case.Status.POSTPONED:
            reasons.append(_("postponed"))
        if getattr(case, "status_overall", None) == StatusLevel.DELAYED:
            reasons.append(_("reported delayed"))
        if reasons:
            rows.append([case.title, phase_label(case.phase), "; ".join(reasons)])
    return rows


def build(organisation, parameters, actor) -> ReportDocument:
    # The report is published to the council: it shows only what is published to politicians,
    # whoever orders it.
    dashboard = portfolio_dashboard(
        actor=actor, organisation=organisation, filters=DashboardFilters(), for_politicians=True
    )
    answering = Prefetch("cases", queryset=published_cases(organisation=organisation))
    commissions = list(
        Commission.objects.filter(organisation=organisation).prefetch_related(answering)
    )
    needed = decisions_needed(dashboard)
    return ReportDocument(
        title=_("Innovation portfolio"),
        subtitle=_("Report to the municipal council"),
        organisation_name=organisation.display_name,
        date=today(),
        summary=_summary(dashboard, commissions, needed),
        sections=[
            _decision_section(needed),
            _commission_section(commissions),
            _phase_section(dashboard),
            _benefits_section(dashboard),
        ],
    )


def _decision_section(needed) -> Section:
    paragraphs = [_("These cases are stuck, postponed or delayed and need the leaders' attention.")]
    more = len(needed) - DECISIONS_LISTED
    if more > 0:
        paragraphs.append(
            ngettext(
                "%(n)s more case needs a decision; the portfolio dashboard lists them all.",
                "%(n)s more cases need a decision; the portfolio dashboard lists them all.",
                more,
            )
            % {"n": more}
        )
    columns = [_("Case"), _("Phase"), _("Why")]
    return Section(
        heading=_("Decisions needed"),
        paragraphs=paragraphs,
        tables=[Table(_("Cases that need a decision"), columns, needed[:DECISIONS_LISTED])],
    )


DEFINITION = ReportDefinition(
    key="council_report",
    title=gettext_lazy("Portfolio report for the municipal council"),
    formats=("pdf", "docx"),
    permission="reports.order_report",
    build=build,
    background=True,
    for_politicians=True,
    description=gettext_lazy(
        "Summary, commissions, cases by phase, benefits realised and decisions needed."
    ),
)
