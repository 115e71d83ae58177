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
from .common import capped_list, person, phase_label, shorten, today

# One A4 page for any case: lists are capped («og 3 til») and long texts shortened, so the
# page holds whatever a case contains. The case page and the exports have everything.
LATEST_GATES = 3
HYPOTHESES = 3
BENEFIT_ROWS = 4
FLOKER = 2
TEAM = 6
SUMMARY_CHARS = 400
TEXT_CHARS = 100
NAME_CHARS = 60
PERSON_CHARS = 40


def case_for(organisation, parameters) -> Case:
    """The case the rule is checked against; 404 for a foreign or missing id."""
    return get_in_tenant(Case.objects.all(), organisation, pk=parameters.get("case_id"))


def _caption(caption: str, more: int) -> str:
    if more <= 0:
        return caption
    return f"{caption} (" + _("and %(n)s more on the case page") % {"n": more} + ")"


def _facts(case) -> Section:
    floker = capped_list(
        [shorten(challenge.title, NAME_CHARS) for challenge in case.challenges.all()], FLOKER
    )
    return Section(
        heading=_("About the case"),
        paragraphs=[shorten(case.summary, SUMMARY_CHARS)] if case.summary else [],
        key_values=[
            (_("Phase"), phase_label(case.phase)),
            (_("Status"), case.get_status_display()),
            (_("Floker"), floker or "–"),
            (_("Case owner"), shorten(person(case.owner), NAME_CHARS) or "–"),
            (_("Project leader"), shorten(person(case.leader), NAME_CHARS) or "–"),
            (_("Units involved"), shorten(case.units, TEXT_CHARS) or "–"),
            (_("External partners"), shorten(case.partners, TEXT_CHARS) or "–"),
            (_("Innovation type"), case.get_innovation_type_display()),
            (_("Budget (NOK)"), case.budget),
            (_("Estimated hours"), case.hours),
        ],
    )


def _phases(case) -> Section:
    """One column per phase: six phases side by side take two lines, not six."""
    track = phase_track(case)
    where = [
        _("Current phase") if row["current"] else (_("Done") if row["done"] else "")
        for row in track
    ]
    table = Table(
        _("Days in each phase"),
        [_("Phase")] + [f"{row['phase']}. {row['label']}" for row in track],
        [[_("Days")] + [row["days"] for row in track], [_("Where the case is")] + where],
    )
    return Section(heading=_("Phase track"), tables=[table])


def _gates(case) -> Section:
    gates = list(case.gate_decisions.all())
    rows = [
        [
            gate.decided_on,
            gate.get_decision_display(),
            f"{phase_label(gate.from_phase)} → {phase_label(gate.to_phase)}",
            shorten(gate.decided_by, NAME_CHARS),
            shorten(gate.conditions or gate.reason, TEXT_CHARS),
        ]
        for gate in gates[:LATEST_GATES]
    ]
    columns = [
        _("Date"),
        _("Decision"),
        _("From phase → to phase"),
        _("Decided by"),
        _("Conditions or reason"),
    ]
    caption = _caption(_("Gate decisions"), len(gates) - LATEST_GATES)
    return Section(heading=_("Latest gate decisions"), tables=[Table(caption, columns, rows)])


def _hypotheses(case) -> Section:
    hypotheses = list(case.hypotheses.all())
    rows = [
        [shorten(h.statement, TEXT_CHARS), h.get_result_display(), shorten(h.learning, TEXT_CHARS)]
        for h in hypotheses[:HYPOTHESES]
    ]
    columns = [_("Hypothesis"), _("Result"), _("What we learnt")]
    caption = _caption(_("Hypotheses and results"), len(hypotheses) - HYPOTHESES)
    return Section(heading=_("Hypotheses"), tables=[Table(caption, columns, rows)])


def _indicator_name(indicator) -> str:
    if indicator is None:
        return ""
    name = shorten(indicator.name, NAME_CHARS)
    return f"{name} ({shorten(indicator.unit, 20)})" if indicator.unit else name


def _benefits(organisation, case) -> Section:
    rows = []
    for benefit in benefits_for_case(organisation=organisation, case=case):
        title = f"{shorten(benefit.title, NAME_CHARS)} ({benefit.get_status_display()})"
        for indicator in benefit.indicator_list or [None]:
            rows.append(
                [
                    title,
                    _indicator_name(indicator),
                    indicator.baseline_value if indicator else None,
                    indicator.target_value if indicator else None,
                    getattr(indicator, "latest_value", None),
                    getattr(indicator, "achievement_percent", None),
                ]
            )
    columns = [
        _("Benefit"), _("Indicator"), _("Baseline"), _("Target"), _("Latest measurement"),
        _("Achievement (%)"),
    ]  # fmt: skip
    caption = _caption(_("Benefits and achievement"), len(rows) - BENEFIT_ROWS)
    return Section(heading=_("Benefits"), tables=[Table(caption, columns, rows[:BENEFIT_ROWS])])


def _team(case) -> Section:
    people = []
    for person_ in case.responsibilities.all():
        name, role = shorten(person_.display_name, PERSON_CHARS), person_.get_raci_display()
        area = shorten(person_.area, PERSON_CHARS)
        people.append(f"{name} ({area}, {role})" if area else f"{name} ({role})")
    return Section(heading=_("Team"), paragraphs=[capped_list(people, TEAM, "; ") or "–"])


def build(organisation, parameters, actor) -> ReportDocument:
    case = case_detail(actor=actor, organisation=organisation, case_id=parameters.get("case_id"))
    return ReportDocument(
        title=case.title,
        subtitle=_("Innovation case – one-pager"),
        organisation_name=organisation.display_name,
        date=today(),
        one_page=True,
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
