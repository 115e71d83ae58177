"""Reads for innovation cases, always given the organisation and the actor."""

from typing import NamedTuple

from django.db.models import BooleanField, DateField, F, Prefetch, Q
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.utils.translation import gettext, ngettext

from slik.accounts.models import User
from slik.accounts.people import USER_LABEL_FIELDS
from slik.challenges.models import Challenge, Stakeholder
from slik.challenges.selectors import (
    challenges_seen,
    sees_every_challenge,
    visible_challenges,
)
from slik.core.compiled import CompiledRead
from slik.organisations.access import get_in_tenant
from slik.organisations.models import Membership
from slik.organisations.pages import counts_query

from .models import (
    Case,
    CaseDecision,
    CaseStepCheck,
    GateDecision,
    Hypothesis,
    Insight,
    PhasePeriod,
    PhaseStep,
    Responsibility,
    RoadmapTemplate,
)
from .phases import phase_days


def published_cases(*, organisation):
    """The cases published to politicians: what a politician, or a report for them, shows."""
    return Case.objects.filter(organisation=organisation, is_published=True)


def visible_cases(*, actor, organisation):
    """Cases the actor may see: staff every one, politicians only published ones. The one rule
    for cases: lists, filters, counts and links elsewhere all start from it."""
    return cases_seen(sees_every_case(actor, organisation), organisation)


def cases_seen(every: bool, organisation):
    """Every case of the organisation, or (`every` false) only the published ones."""
    if every:
        return Case.objects.filter(organisation=organisation)
    return published_cases(organisation=organisation)


def sees_every_case(actor, organisation) -> bool:
    """Whether `actor` sees unpublished cases too: the test `visible_cases` makes, for the
    reads compiled once (one for each answer)."""
    return actor.has_perm("cases.view_case", Case(organisation=organisation))


# Lookups bound to the outer row, written in SQL – the same on SQLite and PostgreSQL, values
# passed as parameters: Django took longer to build and compile each as a Subquery or Exists
# than the database takes to run it. The outer query holds its rows to the organisation (the case's
# own, or the steps of the case's roadmap), so the lookups need no scope of their own.

# The start of a case's current phase: of its open phase period (the latest, should there be
# two). As a Subquery ≈ 0.3 ms to build on the case list.
CURRENT_PHASE_SINCE = (
    f"SELECT MAX(period.started_on) FROM {PhasePeriod._meta.db_table} period"
    f' WHERE period.case_id = "{Case._meta.db_table}".id AND period.ended_on IS NULL'
)

# Whether the case has stakeholders (the case page then loads the chart scripts). As an
# Exists ≈ 0.35 ms to build on the case page, a third of the case's query.
HAS_STAKEHOLDERS = (
    f"EXISTS (SELECT 1 FROM {Stakeholder._meta.db_table} stakeholder"
    f' WHERE stakeholder.case_id = "{Case._meta.db_table}".id)'
)

# Whether the case (the parameter) has ticked the outer step of its roadmap.
STEP_DONE = (
    f"EXISTS (SELECT 1 FROM {CaseStepCheck._meta.db_table} step_check"
    f' WHERE step_check.step_id = "{PhaseStep._meta.db_table}".id'
    " AND step_check.case_id = %s AND step_check.is_done)"
)


def current_phase_since() -> RawSQL:
    """An annotation for a query on cases: the date the case's current phase began, None for
    a stopped case (its last period is closed)."""
    return RawSQL(CURRENT_PHASE_SINCE, (), output_field=DateField())


# What a row of the case list shows, read as a tuple (`selectors.case_list`).
CASE_LIST_COLUMNS = (
    "pk",
    "title",
    "is_published",
    "phase",
    "status",
    "owner__full_name",
    "owner__email",
    "owner__anonymised_at",
    "current_since",
)


def case_list(*, actor, organisation, filters: dict):
    """The list's rows as tuples of `CASE_LIST_COLUMNS`: the list shows nothing else, and a
    `Case` with its owner per row cost more than the page's template."""
    cases = visible_cases(actor=actor, organisation=organisation).annotate(
        current_since=current_phase_since()
    )
    if query := filters.get("q"):
        cases = cases.filter(Q(title__icontains=query) | Q(summary__icontains=query))
    for name in ("phase", "status", "innovation_type", "owner"):
        if value := filters.get(name):
            cases = cases.filter(**{name: value})
    if challenge := filters.get("challenge"):
        # A subquery, not a join: no duplicate rows, so no DISTINCT over every column (which
        # made the list and its count sort all of the organisation's cases).
        linked = Case.challenges.through.objects.filter(challenge=challenge).values("case_id")
        cases = cases.filter(pk__in=linked)
    return cases.values_list(*CASE_LIST_COLUMNS)


def challenge_cases(*, challenge, actor):
    """The cases working on a floke that the actor may see, by title."""
    cases = visible_cases(actor=actor, organisation=challenge.organisation)
    return cases.filter(challenges=challenge).only("id", "title").order_by("title", "id")


def case_detail(*, actor, organisation, case_id: int) -> Case:
    """One case with everything its page shows, in a fixed number of queries."""
    queryset = visible_cases(actor=actor, organisation=organisation).select_related(
        "owner", "leader", "template"
    )
    queryset = queryset.prefetch_related(
        # Only the floker the actor may see: a published case can answer an unpublished floke.
        Prefetch("challenges", queryset=visible_challenges(actor=actor, organisation=organisation)),
        "phase_periods",
        "step_checks",
        Prefetch("template__steps", queryset=PhaseStep.objects.order_by("phase", "order", "id")),
        Prefetch("gate_decisions", queryset=GateDecision.objects.select_related("recorded_by")),
        "decisions",
        "hypotheses",
        "insights",
        "n3_checks",
        Prefetch("responsibilities", queryset=Responsibility.objects.select_related("user")),
        Prefetch("stakeholders", queryset=Stakeholder.objects.all()),
    )
    return get_in_tenant(queryset, organisation, pk=case_id)


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


def member_users(organisation, *, staff_only: bool = True):
    memberships = Membership.objects.filter(organisation=organisation)
    if staff_only:
        memberships = memberships.exclude(role=Membership.Role.POLITICIAN)
    return User.objects.filter(pk__in=memberships.values("user_id")).order_by("full_name")


def source_challenge(*, actor, organisation, challenge_id) -> Challenge | None:
    """The floke a new case is made from, when the actor may see it; else None (a foreign,
    hidden or mangled id makes an ordinary new case)."""
    if not (challenge_id or "").isdigit():
        return None
    challenges = visible_challenges(actor=actor, organisation=organisation)
    return challenges.filter(pk=int(challenge_id)).first()


def challenge_stakeholder_count(challenge: Challenge) -> int:
    return Stakeholder.objects.filter(challenge=challenge).count()


def organisation_challenges(organisation):
    return Challenge.objects.filter(organisation=organisation).order_by("title")


def case_owners(*, actor, organisation):
    """The people who own a case the actor may see: a filter names no one else."""
    return _owners_seen(sees_every_case(actor, organisation), organisation)


def _owners_seen(every: bool, organisation):
    owners = cases_seen(every, organisation).values("owner_id")
    return User.objects.filter(pk__in=owners).order_by("full_name", "email")


# The case list's filter choices, compiled once like the case page's reads: building the two
# querysets cost more than the page's own list. The querysets (`case_owners`,
# `visible_challenges`) still validate a chosen value.
_OWNER_CHOICES = {
    every: CompiledRead(
        lambda organisation_id, every=every: _owners_seen(every, organisation_id).values_list(
            "pk", *USER_LABEL_FIELDS
        ),
        _ORGANISATION_ID,
    )
    for every in (True, False)
}
_FLOKE_CHOICES = {
    every: CompiledRead(
        lambda organisation_id, every=every: (
            challenges_seen(every, organisation_id)
            .order_by("title", "id")
            .values_list("pk", "title")
        ),
        _ORGANISATION_ID,
    )
    for every in (True, False)
}


# The overview's card, compiled once (building the grouped query cost more than running it).
_ACTIVE_BY_PHASE = {
    every: CompiledRead(
        lambda organisation_id, every=every: counts_query(
            cases_seen(every, organisation_id).filter(status=Case.Status.ACTIVE), "phase"
        ),
        _ORGANISATION_ID,
    )
    for every in (True, False)
}


def active_cases_by_phase(*, actor, organisation) -> dict[int, int]:
    """{phase: number} of the active cases the actor may see (phases without any left out)."""
    return dict(_ACTIVE_BY_PHASE[sees_every_case(actor, organisation)].rows(organisation.pk))


def case_owner_choices(*, actor, organisation) -> list[tuple]:
    """(pk, *`USER_LABEL_FIELDS`) of the people in `case_owners`, in its order."""
    return _OWNER_CHOICES[sees_every_case(actor, organisation)].rows(organisation.pk)


def case_floke_choices(*, actor, organisation) -> list[tuple]:
    """(pk, title) of the floker the actor sees, by title."""
    return _FLOKE_CHOICES[sees_every_challenge(actor, organisation)].rows(organisation.pk)


def roadmap_versions(organisation):
    return RoadmapTemplate.objects.filter(organisation=organisation).select_related("created_by")


def steps_by_phase(template: RoadmapTemplate) -> dict[int, list[PhaseStep]]:
    grouped: dict[int, list[PhaseStep]] = {
        value: [] for value, _ in PhaseStep._meta.get_field("phase").choices
    }
    for step in template.steps.order_by("phase", "order", "id"):
        grouped[step.phase].append(step)
    return grouped
