"""Reads of the challenges app, always given the organisation and the actor."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q

from slik.accounts.people import USER_LABEL_FIELDS
from slik.core.compiled import CompiledRead
from slik.core.sorting import order_by_name
from slik.organisations.models import Sector
from slik.organisations.pages import counts_query
from slik.organisations.rules import is_staff_member

from .models import Challenge, Criterion, KeyFigure, Stakeholder

SORTS = ("updated", "title", "status")


def published_challenges(*, organisation):
    """The floker published to politicians: what a politician, or a report for them, shows."""
    return Challenge.objects.filter(organisation=organisation, is_published=True)


def visible_challenges(*, actor, organisation):
    """The floker `actor` may see: staff every one, politicians only published ones. The one
    rule for floker: lists, filters, counts and links elsewhere all start from it."""
    return challenges_seen(sees_every_challenge(actor, organisation), organisation)


def challenges_seen(every: bool, organisation):
    """Every floke of the organisation, or (`every` false) only the published ones."""
    if every:
        return Challenge.objects.filter(organisation=organisation)
    return published_challenges(organisation=organisation)


def sees_every_challenge(actor, organisation) -> bool:
    """Whether `actor` sees unpublished floker too: the test `visible_challenges` makes."""
    return is_staff_member(actor, organisation)


def challenge_list(
    *, organisation, actor, search="", status="", sector=None, owner=None, sort="updated"
):
    qs = _filtered(organisation, actor, search=search, status=status, sector=sector, owner=owner)
    # Only what the list shows (not descriptions, nor the owners' whole rows).
    shown = ("title", "status", "is_published", "updated_at", "organisation_id")
    owner = ("owner__full_name", "owner__email", "owner__anonymised_at")
    sectors = Prefetch("sectors", queryset=Sector.objects.only("id", "name", "order"))
    qs = qs.select_related("owner").only(*shown, *owner).prefetch_related(sectors)
    return _sorted(qs, sort)


# What a row of the floke list shows, read as a named tuple (`challenge_list_rows`).
CHALLENGE_LIST_COLUMNS = (
    "pk",
    "title",
    "status",
    "is_published",
    "owner__full_name",
    "owner__email",
    "owner__anonymised_at",
)


def challenge_list_rows(
    *, organisation, actor, search="", status="", sector=None, owner=None, sort="updated"
):
    """`challenge_list` as rows of `CHALLENGE_LIST_COLUMNS`, for the list page: no model
    instance per floke and owner (their sectors: `challenge_sector_ids`)."""
    qs = _filtered(organisation, actor, search=search, status=status, sector=sector, owner=owner)
    return _sorted(qs.values_list(*CHALLENGE_LIST_COLUMNS, named=True), sort)


def _filtered(organisation, actor, *, search, status, sector, owner):
    qs = visible_challenges(actor=actor, organisation=organisation)
    if search:
        qs = qs.filter(title__icontains=search.strip())
    if status in Challenge.Status.values:
        qs = qs.filter(status=status)
    if sector:
        # A subquery, not a join: no duplicate rows, so no DISTINCT over every column for the
        # page and its count.
        linked = Challenge.sectors.through.objects.filter(sector=sector).values("challenge_id")
        qs = qs.filter(pk__in=linked)
    if owner:
        qs = qs.filter(owner=owner)
    return qs


def _sorted(qs, sort):
    if sort == "title":
        return order_by_name(qs, "title")
    if sort == "status":
        return qs.order_by("status", "-updated_at", "-id")
    return qs.order_by("-updated_at", "-id")


def challenge_sector_ids(challenge_ids) -> dict[int, list[int]]:
    """The sectors of each of the floker (ids the caller read in its organisation), as ids."""
    links = Challenge.sectors.through.objects.filter(challenge_id__in=challenge_ids)
    found: dict[int, list[int]] = {}
    for challenge_id, sector_id in links.values_list("challenge_id", "sector_id"):
        found.setdefault(challenge_id, []).append(sector_id)
    return found


# The floke list's filter reads, compiled once (slik/core/compiled.py): building and compiling
# them cost more than the list's own query. The organisation is a marker.
_ORGANISATION_ID = -7_320_001
_SECTORS = CompiledRead(
    lambda organisation_id: Sector.objects.filter(organisation=organisation_id).values_list(
        "id", "name", "is_active"
    ),
    _ORGANISATION_ID,
)


def organisation_sectors(*, organisation) -> list[tuple[int, str, bool]]:
    """Every sector of the organisation in its order, as (id, name, in use)."""
    return _SECTORS.rows(organisation.pk)


def challenge_owners(*, actor, organisation):
    """The people who own a floke the actor may see: a filter names no one else."""
    return _owners_seen(sees_every_challenge(actor, organisation), organisation)


def _owners_seen(every: bool, organisation):
    owners = challenges_seen(every, organisation).values("owner_id")
    return get_user_model().objects.filter(pk__in=owners).order_by("full_name", "email")


_OWNER_CHOICES = {
    every: CompiledRead(
        lambda organisation_id, every=every: _owners_seen(every, organisation_id).values_list(
            "pk", *USER_LABEL_FIELDS
        ),
        _ORGANISATION_ID,
    )
    for every in (True, False)
}


def challenge_owner_choices(*, actor, organisation) -> list[tuple]:
    """(pk, *`USER_LABEL_FIELDS`) of the people in `challenge_owners`, in its order."""
    return _OWNER_CHOICES[sees_every_challenge(actor, organisation)].rows(organisation.pk)


def organisation_members(*, organisation):
    """The organisation's members (possible owners of a floke), ordered by name."""
    return (
        get_user_model()
        .objects.filter(memberships__organisation=organisation)
        .order_by("full_name", "email")
    )


def sector_choices(*, organisation, include=()):
    """Active sectors plus any inactive ones a floke already has (so editing keeps them)."""
    return Sector.objects.filter(organisation=organisation).filter(
        Q(is_active=True) | Q(pk__in=[s.pk for s in include])
    )


def challenge_key_figures(*, challenge):
    return KeyFigure.objects.filter(organisation=challenge.organisation, challenge=challenge)


def organisation_key_figures(*, organisation, actor):
    """Figures of the whole municipality and of the floker the actor may see."""
    visible = visible_challenges(actor=actor, organisation=organisation).values("pk")
    return (
        KeyFigure.objects.filter(organisation=organisation)
        .filter(Q(challenge__isnull=True) | Q(challenge__in=visible))
        .select_related("challenge")
    )


def challenge_stakeholders(*, challenge):
    return list(
        Stakeholder.objects.filter(organisation=challenge.organisation, challenge=challenge)
    )


def criteria(*, organisation, active_only: bool = False):
    """The decision matrix's criteria, in their order; `active_only`: those in use."""
    found = Criterion.objects.filter(organisation=organisation)
    return found.filter(is_active=True) if active_only else found


# The overview's card, compiled once (building the grouped query cost more than running it).
_BY_STATUS = {
    every: CompiledRead(
        lambda organisation_id, every=every: counts_query(
            challenges_seen(every, organisation_id), "status"
        ),
        _ORGANISATION_ID,
    )
    for every in (True, False)
}


def challenges_by_status(*, actor, organisation) -> dict[str, int]:
    """{status: number} of the floker the actor may see (statuses without any left out)."""
    return dict(_BY_STATUS[sees_every_challenge(actor, organisation)].rows(organisation.pk))
