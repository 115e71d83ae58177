"""The reads of the case page and of the sections loaded after it (views/sections.py)."""

from typing import NamedTuple

from django.db.models import BooleanField, F
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.utils.translation import gettext, ngettext

from slik.accounts.people import USER_LABEL_FIELDS
from slik.challenges.models import Challenge, Stakeholder
from slik.challenges.selectors import (
    challenges_seen,
    sees_every_challenge,
)
from slik.core.compiled import CompiledRead

from ..models import (
    Case,
    CaseDecision,
    GateDecision,
    Hypothesis,
    Insight,
    PhasePeriod,
    PhaseStep,
)
from ..phases import phase_days
from .cases import HAS_STAKEHOLDERS, STEP_DONE, cases_seen, sees_every_case

# The reads of the case page and its sections are compiled once (slik/core/compiled.py): Django
# took ≈ 0.25–0.9 ms to build and compile each, the database ≈ 0.02 ms to run it. Each is the
# queryset it was, with markers for the values that change; the rule for who sees what comes
# from `visible_cases`/`published_cases` and `visible_challenges` as everywhere else, one read
# per answer of `sees_every_case` (staff, or only published).
_CASE_ID, _ORGANISATION_ID, _TEMPLATE_ID = -7_310_001, -7_310_002, -7_310_003
_PHASE = 32_759  # a small positive integer field: a marker outside its range matches nothing


def _by_visibility(build) -> dict[bool, CompiledRead]:
    """{sees every case: the read} of `build(cases the actor sees, case id)`."""
    return {
        every: CompiledRead(
            lambda case_id, organisation_id, every=every: build(
                cases_seen(every, organisation_id), case_id
            ),
            _CASE_ID,
            _ORGANISATION_ID,
        )
        for every in (True, False)
    }


# The columns of a case the top of its page and the permission rules read; the case is built
# from them alone (any other field would be read on access, and the query-count test fails).
CASE_PAGE_FIELDS = (
    "id",
    "organisation_id",
    "title",
    "summary",
    "owner_id",
    "leader_id",
    "units",
    "partners",
    "innovation_type",
    "oecd_facet",
    "sharing_level",
    "phase",
    "status",
    "template_id",
    "is_published",
)
_PAGE_NAMES = {
    f"{role}_{name}": F(f"{role}__{name}")
    for role in ("owner", "leader")
    for name in USER_LABEL_FIELDS
}
_CASE_PAGE = _by_visibility(
    lambda cases, case_id: (
        cases.filter(pk=case_id)
        .only(*CASE_PAGE_FIELDS)
        .annotate(
            template_version=F("template__version"),
            has_stakeholders=RawSQL(HAS_STAKEHOLDERS, (), output_field=BooleanField()),
            **_PAGE_NAMES,
        )
    )
)


def _one_seen(reads: dict[bool, CompiledRead], *, actor, organisation, case_id) -> Case:
    """The case from the read for what `actor` sees: a case the actor may not see, a foreign
    and a missing one are the same 404."""
    try:
        case_id = int(case_id)
    except (TypeError, ValueError) as exc:
        raise Http404 from exc
    read = reads[sees_every_case(actor, organisation)]
    found = read.objects(case_id, organisation.pk)
    if not found:
        raise Http404
    found[0].organisation = organisation
    return found[0]


def case_page(*, actor, organisation, case_id) -> Case:
    """One case with what the top of its page shows: the fields of `CASE_PAGE_FIELDS`, its
    roadmap version (`template_version`), the names of its owner and leader
    (`USER_LABEL_FIELDS`, as `owner_full_name` …) and whether it has stakeholders (the page
    then loads the chart scripts), in one read inside the organisation. The records, the
    team, the stakeholders and the history are sections loaded after the page
    (views/sections.py)."""
    return _one_seen(_CASE_PAGE, actor=actor, organisation=organisation, case_id=case_id)


CASE_FLOKER_FIELDS = ("pk", "title", "status", "organisation_id")
_CASE_FLOKER = {
    every: CompiledRead(
        lambda case_id, organisation_id, every=every: (
            challenges_seen(every, organisation_id).filter(cases=case_id).only(*CASE_FLOKER_FIELDS)
        ),
        _CASE_ID,
        _ORGANISATION_ID,
    )
    for every in (True, False)
}


def case_floker(*, case: Case, actor, organisation) -> list[Challenge]:
    """The floker the case answers that the actor may see (a published case can answer an
    unpublished floke), in the floker's own order: their title and status."""
    read = _CASE_FLOKER[sees_every_challenge(actor, organisation)]
    return read.objects(case.pk, organisation.pk)


# The fields of a case its sections (views/sections.py) and the permission rules read.
CASE_SECTION_FIELDS = (
    "id",
    "organisation_id",
    "title",
    "owner_id",
    "leader_id",
    "phase",
    "status",
    "template_id",
    "is_published",
)
_CASE_FOR_SECTIONS = _by_visibility(
    lambda cases, case_id: cases.filter(pk=case_id).only(*CASE_SECTION_FIELDS)
)


def case_for_sections(*, actor, organisation, case_id) -> Case:
    """The case with `CASE_SECTION_FIELDS`, as the sections loaded after its page read it: one
    read inside the organisation, the same 404 for a case the actor may not see, a foreign
    and a missing one. Any other field is read when used (as with `.only()`)."""
    return _one_seen(_CASE_FOR_SECTIONS, actor=actor, organisation=organisation, case_id=case_id)


# The rows of a case fetched in its tenant (`case_page`, `access_case`) are read by the case's
# id without the scope's join back to the organisation: the case already fixes it.

# What the records section shows of each kind of record.
GATE_ROW_FIELDS = ("id", "from_phase", "to_phase", "decision", "decided_by", "decided_on")
INSIGHT_ROW_FIELDS = ("id", "kind", "title", "description", "recorded_on")
HYPOTHESIS_ROW_FIELDS = ("id", "statement", "test_method", "result", "learning")
DECISION_ROW_FIELDS = (
    "id",
    "title",
    "description",
    "decided_by",
    "decided_on",
    "locked_at",
    "locked_by",
    "corrects_id",
)


def _records_of(model, fields) -> CompiledRead:
    """The case's records of `model` with `fields` loaded, in the model's own order."""
    return CompiledRead(
        lambda case_id: model.objects.filter(case_id=case_id).only(*fields), _CASE_ID
    )


_GATES = _records_of(GateDecision, GATE_ROW_FIELDS)
_INSIGHTS = _records_of(Insight, INSIGHT_ROW_FIELDS)
_HYPOTHESES = _records_of(Hypothesis, HYPOTHESIS_ROW_FIELDS)
_DECISIONS = _records_of(CaseDecision, DECISION_ROW_FIELDS)


def case_gates(case: Case) -> list[GateDecision]:
    return _GATES.objects(case.pk)


def case_insights(case: Case) -> list[Insight]:
    return _INSIGHTS.objects(case.pk)


def case_hypotheses(case: Case) -> list[Hypothesis]:
    return _HYPOTHESES.objects(case.pk)


def case_decisions(case: Case) -> list[CaseDecision]:
    """The decision log, each correction with the entry it corrects (`corrects`): a correction
    refers to an entry of the same case (`services.records`), so the log holds it."""
    decisions = _DECISIONS.objects(case.pk)
    by_id = {decision.pk: decision for decision in decisions}
    for decision in decisions:
        if decision.corrects_id in by_id:
            decision.corrects = by_id[decision.corrects_id]
    return decisions


class Period(NamedTuple):
    """A phase period as `phase_days` and `phase_track` read it."""

    phase: int
    started_on: object
    ended_on: object


_PERIODS = CompiledRead(
    lambda case_id: PhasePeriod.objects.filter(case_id=case_id).values_list(
        "phase", "started_on", "ended_on"
    ),
    _CASE_ID,
)


def case_periods(case: Case) -> list[Period]:
    return [Period(*row) for row in _PERIODS.rows(case.pk)]


def case_stakeholders(case: Case) -> list[Stakeholder]:
    return case_rows(Stakeholder, case)


def case_rows(model, case: Case, *related: str) -> list:
    """The records of one kind of the case (`model` has a `case` key), in the model's order."""
    rows = model.objects.with_scopes_disabled().filter(case_id=case.pk)
    return list(rows.select_related(*related) if related else rows)


# Whether a step is ticked is looked up in SQL (`STEP_DONE`): a Django `Exists` per step cost
# more to build than a second query.
_CHECKLIST = CompiledRead(
    lambda case_id, template_id, phase: (
        PhaseStep.objects.filter(template_id=template_id, phase=phase)
        .order_by("order", "id")
        .annotate(done=RawSQL(STEP_DONE, (case_id,), output_field=BooleanField()))
        .values_list("pk", "text", "done")
    ),
    _CASE_ID,
    _TEMPLATE_ID,
    _PHASE,
)


def checklist_rows(case: Case) -> list[dict]:
    """The steps of the case's current phase with their state, in one read."""
    rows = _CHECKLIST.rows(case.pk, case.template_id, case.phase)
    return [{"step": {"pk": pk, "text": text}, "done": done} for pk, text, done in rows]


def checklist_for(case: Case, phase: int | None = None) -> list[dict]:
    """The steps of a phase with their state, from prefetched rows."""
    phase = phase or case.phase
    checks = {check.step_id: check for check in case.step_checks.all()}
    rows = []
    for step in case.template.steps.all():
        if step.phase != phase:
            continue
        check = checks.get(step.pk)
        rows.append({"step": step, "done": bool(check and check.is_done), "check": check})
    return rows


def phase_track(case: Case, periods=None) -> list[dict]:
    """The phases with days spent in each; `periods` read by the caller, or prefetched."""
    periods = list(case.phase_periods.all() if periods is None else periods)
    days = phase_days(periods)
    visited = {period.phase for period in periods}
    not_started = gettext("not started")
    return [
        {
            "phase": value,
            "label": label,
            "days": days[value],
            "visited": value in visited,
            # The same catalogue entry as {% blocktranslate count days=… %}: one lookup here
            # instead of a template block per phase.
            "time": ngettext("%(days)s day", "%(days)s days", days[value]) % {"days": days[value]}
            if value in visited
            else not_started,
            "current": value == case.phase,
            "done": value < case.phase,
        }
        for value, label in Case._meta.get_field("phase").choices
    ]
