"""Reads for innovation cases, always given the organisation and the actor: who sees which
cases, the case list, the whole case, people and roadmaps."""

from django.db.models import DateField, Prefetch, Q
from django.db.models.expressions import RawSQL

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

from ..models import (
    Case,
    CaseStepCheck,
    GateDecision,
    PhasePeriod,
    PhaseStep,
    Responsibility,
    RoadmapTemplate,
)


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


_ORGANISATION_ID = -7_310_002


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
