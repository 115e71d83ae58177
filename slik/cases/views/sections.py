"""The case page's own secondary sections, loaded after the page.

The records (gate decisions, insight, hypotheses, decisions), the team (N3 and the
responsibilities), the stakeholders and the history are fetched from
`cases:panels?panel=<key>` as htmx loads the page, like the panels of other apps: the top of
the page (roadmap, checklist, facts) comes without waiting for them, and each has its own time
and query budget. Each is a named partial of `cases/case_detail.html`.
"""

from django.template.loader import render_to_string
from django.urls import reverse

from slik.challenges.charts import stakeholder_grid_spec
from slik.core.audit import history_for
from slik.core.links import link_maker

from .. import selectors
from ..models import N3Check, Phase, Responsibility
from ..services import correction_note

PAGE = "cases/case_detail.html"


def _links(request, case, name: str, id_name: str):
    return link_maker(name, id_name=id_name, org_slug=request.organisation.slug, case_id=case.pk)


def _with_links(request, case, rows, kind: str, id_name: str, may_change: bool):
    """Each row's edit and delete addresses, from one reverse() per column."""
    if not may_change:
        return rows
    edit = _links(request, case, f"cases:{kind}_edit", id_name)
    delete = _links(request, case, f"cases:{kind}_delete", id_name)
    for row in rows:
        row.edit_url, row.delete_url = edit(row.pk), delete(row.pk)
    return rows


def _gates(request, case):
    detail = _links(request, case, "cases:gate_detail", "gate_id")
    phases = dict(Phase.choices)
    gates = selectors.case_gates(case)
    for gate in gates:
        gate.detail_url = detail(gate.pk)
        gate.from_label, gate.to_label = phases.get(gate.from_phase), phases.get(gate.to_phase)
    return gates


def _decision_rows(request, case, may_change: bool):
    """The decision log: entries of approved minutes offer a correction instead of edit and
    delete; corrections and the entries they correct name each other (from the one list)."""
    rows = _with_links(
        request, case, selectors.case_decisions(case), "decision", "decision_id", may_change
    )
    add_url = reverse(
        "cases:decision_add", kwargs={"org_slug": request.organisation.slug, "case_id": case.pk}
    )
    corrections: dict[int, list] = {}
    for row in rows:
        row.correct_url = f"{add_url}?corrects={row.pk}"
        if row.corrects_id:
            row.correction_note = correction_note(row.corrects)
            corrections.setdefault(row.corrects_id, []).append(row)
    for row in rows:
        row.correction_rows = corrections.get(row.pk, [])
    return rows


def records_section(request, case) -> str:
    may_change = request.user.has_perm("cases.change_case", case)
    context = {
        "case": case,
        "may_change": may_change,
        "gates": _gates(request, case),
        "insights": _with_links(
            request, case, selectors.case_insights(case), "insight", "insight_id", may_change
        ),
        "hypotheses": _with_links(
            request,
            case,
            selectors.case_hypotheses(case),
            "hypothesis",
            "hypothesis_id",
            may_change,
        ),
        "decisions": _decision_rows(request, case, may_change),
    }
    return render_to_string(f"{PAGE}#records", context, request=request)


def team_section(request, case) -> str:
    may_change = request.user.has_perm("cases.change_case", case)
    n3_checks = _with_links(
        request, case, selectors.case_rows(N3Check, case), "n3", "n3_id", may_change
    )
    team = selectors.case_rows(Responsibility, case, "user")
    context = {
        "case": case,
        "may_change": may_change,
        "n3_latest": n3_checks[0] if n3_checks else None,
        "n3_checks": n3_checks,
        "team": _with_links(request, case, team, "responsibility", "responsibility_id", may_change),
    }
    return render_to_string(f"{PAGE}#team", context, request=request)


def stakeholders_section(request, case) -> str:
    stakeholders = selectors.case_stakeholders(case)
    may_change = request.user.has_perm("cases.change_case", case)
    if may_change:
        edit = _links(request, case, "cases:stakeholder_edit", "stakeholder_id")
        delete = _links(request, case, "cases:stakeholder_delete", "stakeholder_id")
        for stakeholder in stakeholders:
            stakeholder.edit_url, stakeholder.delete_url = (
                edit(stakeholder.pk),
                delete(stakeholder.pk),
            )
    context = {
        "case": case,
        "may_change": may_change,
        "stakeholders": stakeholders,
        "stakeholder_spec": stakeholder_grid_spec(stakeholders) if stakeholders else None,
    }
    return render_to_string(f"{PAGE}#stakeholders", context, request=request)


def history_section(request, case) -> str | None:
    if not request.user.has_perm("core.view_history", case):
        return None
    return render_to_string(f"{PAGE}#history", {"history": history_for(case)}, request=request)


# key → section(request, case) -> HTML or None, in the order of the page.
SECTIONS = {
    "records": records_section,
    "team": team_section,
    "stakeholders": stakeholders_section,
    "history": history_section,
}
