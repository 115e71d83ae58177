"""The case one-pager: what the case is, where it stands, what it has learnt and gained."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from slik.benefits.selectors import benefits_for_case
from slik.cases.models import Case
from slik.cases.selectors import case_detail, phase_track
from slik.organisations.access import get_in_tenant

from ..document import ReportDocument, Section, Table
from ..registry import ReportDefinition
from .common import person, phase_label, today

LATEST_GATES = 5


def case_for(organisation, parameters) -> Case:
    """The case the rule is checked against; 404 for a foreign or missing id."""
    return get_in_tenant(Case.objects.all(), organisation, pk=parameters.get("case_id"))


def _facts(case) -> Section:
    floker = ", ".join(challenge.title for challenge in case.challenges.all())
    return Section(
        heading=_("About the case"),
        paragraphs=[case.summary] if case.summary else [],
        key_values=[
            (_("Phase"), phase_label(case.phase)),
            (_("Status"), case.get_status_display()),
            (_("Floker"), floker or "–"),
            (_("Case owner"), person(case.owner) or "–"),
            (_("Project leader"), person(case.leader) or "–"),
            (_("Units involved"), case.units or "–"),
            (_("External partners"), case.partners or "–"),
            (_("Innovation type"), case.get_innovation_type_display()),
            (_("Budget (NOK)"), case.budget),
            (_("Estimated hours"), case.hours),
        ],
    )


def _phases(case) -> Section:
    rows = [
        [
            f"{row['phase']}. {row['label']}",
            row["days"],
            _("Current phase") if row["current"] else (_("Done") if row["done"] else ""),
        ]
        for row in phase_track(case)
    ]
    table = Table(_("Days in each phase"), [_("Phase"), _("Days"), _("Where the case is")], rows)
    return Section(heading=_("Phase track"), tables=[table])


def _gates(case) -> Section:
    gates = list(case.gate_decisions.all())[:LATEST_GATES]
    rows = [
        [
            gate.decided_on,
            gate.get_decision_display(),
            phase_label(gate.from_phase),
            phase_label(gate.to_phase),
            gate.decided_by,
            gate.conditions or gate.reason,
        ]
        for gate in gates
    ]
    columns = [
        _("Date"),
        _("Decision"),
        _("From phase"),
        _("To phase"),
        _("Decided by"),
        _("Conditions or reason"),
    ]
    return Section(
        heading=_("Latest gate decisions"), tables=[Table(_("Gate decisions"), columns, rows)]
    )


def _hypotheses(case) -> Section:
    rows = [[h.statement, h.get_result_display(), h.learning] for h in case.hypotheses.all()]
    columns = [_("Hypothesis"), _("Result"), _("What we learnt")]
    return Section(
        heading=_("Hypotheses"), tables=[Table(_("Hypotheses and results"), columns, rows)]
    )


def _benefits(organisation, case) -> Section:
    rows = []
    for benefit in benefits_for_case(organisation=organisation, case=case):
        for indicator in benefit.indicator_list or [None]:
            rows.append(
                [
                    benefit.title,
                    benefit.get_status_display(),
                    indicator.name if indicator else "",
                    indicator.unit if indicator else "",
                    indicator.baseline_value if indicator else None,
                    indicator.target_value if indicator else None,
                    getattr(indicator, "latest_value", None),
                    getattr(indicator, "achievement_percent", None),
                ]
            )
    columns = [
        _("Benefit"), _("Status"), _("Indicator"), _("Unit"), _("Baseline"), _("Target"),
        _("Latest measurement"), _("Achievement (%)"),
    ]  # fmt: skip
    return Section(
        heading=_("Benefits"), tables=[Table(_("Benefits and achievement"), columns, rows)]
    )


def _team(case) -> Section:
    rows = [[r.display_name, r.area, r.get_raci_display()] for r in case.responsibilities.all()]
    return Section(
        heading=_("Team"),
        tables=[
            Table(_("Team and responsibilities"), [_("Name"), _("Task or area"), _("Role")], rows)
        ],
    )


def build(organisation, parameters, actor) -> ReportDocument:
    case = case_detail(actor=actor, organisation=organisation, case_id=parameters.get("case_id"))
    return ReportDocument(
        title=case.title,
        subtitle=_("Innovation case – one-pager"),
        organisation_name=organisation.display_name,
        date=today(),
        sections=[
            _facts(case),
            _phases(case),
            _gates(case),
            _hypotheses(case),
            _benefits(organisation, case),
            _team(case),
        ],
    )


DEFINITION = ReportDefinition(
    key="case_onepager",
    title=gettext_lazy("Case one-pager"),
    formats=("pdf", "docx"),
    permission="cases.view_case",
    build=build,
    permission_object=case_for,
    background=False,
    parameters=("case_id",),
    listed=False,
)
