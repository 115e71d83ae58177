"""The portfolio as a spreadsheet: one sheet per entity, typed cells (CSV: the cases sheet)."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from slik.benefits.models import Benefit, Indicator, Measurement
from slik.cases.models import Case, GateDecision
from slik.challenges.models import Challenge
from slik.core.formats import Code
from slik.portfolio.models import Commission, PlanGoal

from ..document import ReportDocument, Section, Table
from ..registry import ReportDefinition
from .common import person, today


def _titles(items) -> str:
    return "; ".join(item.title for item in items)


def cases_table(organisation) -> Table:
    cases = (
        Case.objects.filter(organisation=organisation)
        .select_related("owner", "leader")
        .prefetch_related(Prefetch("challenges", queryset=Challenge.objects.only("id", "title")))
        .order_by("title", "id")
    )
    rows = [
        [
            Code(c.pk),
            c.title,
            c.phase,
            c.get_phase_display(),
            c.get_status_display(),
            _titles(c.challenges.all()),
            person(c.owner),
            person(c.leader),
            c.get_innovation_type_display(),
            c.get_oecd_facet_display(),
            c.budget,
            c.hours,
            c.is_published,
            c.created_at,
        ]
        for c in cases
    ]
    columns = [
        _("ID"),
        _("Title"),
        _("Phase number"),
        _("Phase"),
        _("Status"),
        _("Floker"),
        _("Case owner"),
        _("Project leader"),
        _("Innovation type"),
        _("OECD facet"),
        _("Budget (NOK)"),
        _("Estimated hours"),
        _("Published"),
        _("Created"),
    ]
    return Table(_("Innovation cases"), columns, rows, sheet=_("Cases"))


def challenges_table(organisation) -> Table:
    challenges = (
        Challenge.objects.filter(organisation=organisation)
        .select_related("owner")
        .order_by("title")
    )
    rows = [
        [Code(c.pk), c.title, c.get_status_display(), person(c.owner), c.is_published, c.created_at]
        for c in challenges
    ]
    columns = [_("ID"), _("Title"), _("Status"), _("Owner"), _("Published"), _("Created")]
    return Table(_("Floker"), columns, rows, sheet=_("Floker"))


def gates_table(organisation) -> Table:
    gates = GateDecision.objects.filter(case__organisation=organisation).select_related("case")
    rows = [
        [
            g.case_id,
            g.case.title,
            g.decided_on,
            g.get_decision_display(),
            g.from_phase,
            g.to_phase,
            g.decided_by,
            g.conditions,
            g.reason,
        ]
        for g in gates.order_by("decided_on", "id")
    ]
    columns = [
        _("Case ID"),
        _("Case"),
        _("Date of decision"),
        _("Decision"),
        _("From phase"),
        _("To phase"),
        _("Decided by"),
        _("Conditions"),
        _("Reason"),
    ]
    return Table(_("Gate decisions"), columns, rows, sheet=_("Gate decisions"))


def benefits_table(organisation) -> Table:
    benefits = Benefit.objects.filter(organisation=organisation).select_related(
        "case", "category", "responsible", "owner"
    )
    rows = [
        [
            Code(b.pk),
            b.case.title,
            b.title,
            b.category.name if b.category else "",
            b.get_status_display(),
            b.get_progress_display(),
            person(b.responsible),
            person(b.owner),
            b.planned_realisation_on,
            b.is_disbenefit,
        ]
        for b in benefits.order_by("case__title", "id")
    ]
    columns = [
        _("ID"),
        _("Case"),
        _("Benefit"),
        _("Category"),
        _("Status"),
        _("Benefits status"),
        _("Benefit responsible"),
        _("Benefit owner"),
        _("Planned realisation date"),
        _("Dis-benefit"),
    ]
    return Table(_("Benefits"), columns, rows, sheet=_("Benefits"))


def indicators_table(organisation) -> Table:
    indicators = Indicator.objects.filter(benefit__organisation=organisation).select_related(
        "benefit"
    )
    rows = [
        [
            Code(i.pk),
            i.benefit_id,
            i.benefit.title,
            i.name,
            i.unit,
            i.get_direction_display(),
            i.baseline_value,
            i.baseline_on,
            i.target_value,
            i.target_on,
            i.get_frequency_display(),
        ]
        for i in indicators.order_by("benefit_id", "id")
    ]
    columns = [
        _("ID"),
        _("Benefit ID"),
        _("Benefit"),
        _("Indicator"),
        _("Unit"),
        _("Direction"),
        _("Baseline value"),
        _("Baseline date"),
        _("Target value"),
        _("Target date"),
        _("Frequency"),
    ]
    return Table(_("Indicators"), columns, rows, sheet=_("Indicators"))


def measurements_table(organisation) -> Table:
    measurements = Measurement.objects.filter(indicator__benefit__organisation=organisation)
    rows = [
        [m.indicator_id, m.indicator.name, m.measured_on, m.value, m.comment]
        for m in measurements.select_related("indicator").order_by(
            "indicator_id", "measured_on", "id"
        )
    ]
    columns = [_("Indicator ID"), _("Indicator"), _("Date"), _("Value"), _("Comment")]
    return Table(_("Measurements"), columns, rows, sheet=_("Measurements"))


def commissions_table(organisation) -> Table:
    commissions = Commission.objects.filter(organisation=organisation).prefetch_related("cases")
    rows = [
        [
            c.case_number,
            c.body,
            c.decided_on,
            c.title,
            c.text,
            c.get_status_display(),
            _titles(c.cases.all()),
        ]
        for c in commissions
    ]
    columns = [
        _("Case number"),
        _("Body"),
        _("Date of decision"),
        _("Title"),
        _("Text of the decision"),
        _("Status"),
        _("Cases"),
    ]
    return Table(_("Commissions"), columns, rows, sheet=_("Commissions"))


def goals_table(organisation) -> Table:
    goals = PlanGoal.objects.filter(organisation=organisation).prefetch_related("cases")
    rows = [
        [
            Code(g.pk),
            g.get_source_display(),
            Code(g.year),
            g.reference,
            g.title,
            _titles(g.cases.all()),
        ]
        for g in goals
    ]
    columns = [_("ID"), _("Plan"), _("Year"), _("Reference"), _("Goal"), _("Cases")]
    return Table(_("Plan goals"), columns, rows, sheet=_("Plan goals"))


def build(organisation, parameters, actor) -> ReportDocument:
    tables = [
        cases_table(organisation),
        challenges_table(organisation),
        gates_table(organisation),
        benefits_table(organisation),
        indicators_table(organisation),
        measurements_table(organisation),
        commissions_table(organisation),
        goals_table(organisation),
    ]
    return ReportDocument(
        title=_("Portfolio export"),
        organisation_name=organisation.display_name,
        date=today(),
        sections=[Section(heading=table.caption, tables=[table]) for table in tables],
    )


DEFINITION = ReportDefinition(
    key="portfolio_export",
    title=gettext_lazy("Portfolio export (Excel and CSV)"),
    formats=("xlsx", "csv"),
    permission="reports.order_report",
    build=build,
    background=False,
    description=gettext_lazy(
        "Every case, floke, gate decision, benefit, indicator, measurement, commission and plan "
        "goal; the CSV file holds the cases."
    ),
)
