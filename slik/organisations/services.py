"""Writes for organisations: the register, partnerships, memberships and sectors."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_scopes import scope

from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import lock, lock_version, save_versioned, subject_of

from .defaults import DEFAULT_SECTORS
from .models import Membership, Organisation, Sector
from .tenancy import forget_memberships

_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})


def organisation_slug(name: str) -> str:
    """`Råde` → `rade`, `Våler (Østfold)` → `valer-ostfold`; Sami letters fold to ASCII."""
    return slugify(name.translate(_TRANSLITERATE))


def organisation_free_slug(name: str, *, suffix: str = "", exclude_pk=None) -> str:
    """A slug from `name` not used by another organisation (`-<suffix>` or a counter if taken)."""
    base = organisation_slug(name)[:50] or "organisasjon"
    taken = Organisation.objects.filter(slug__startswith=base)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    used = set(taken.values_list("slug", flat=True))
    candidates = [base] + ([f"{base}-{suffix}"] if suffix else [])
    candidates += [f"{base}-{n}" for n in range(2, len(used) + 3)]
    return next(slug for slug in candidates if slug not in used)


@transaction.atomic
def organisation_ensure_defaults(*, organisation: Organisation) -> None:
    """Give an organisation the method's defaults: sectors, criteria, the roadmap template.

    Idempotent; each app contributes its own defaults through `DEFAULT_PROVIDERS`. Runs inside
    the organisation's scope because it is called while setting up, outside any request.
    """
    with scope(organisation=organisation.pk):
        if not Sector.objects.filter(organisation=organisation).exists():
            Sector.objects.bulk_create(
                Sector(organisation=organisation, name=name, order=index)
                for index, name in enumerate(DEFAULT_SECTORS)
            )
        for provider in DEFAULT_PROVIDERS:
            provider(organisation)


# Apps append callables here in their AppConfig.ready (challenges: criteria; cases: roadmap).
DEFAULT_PROVIDERS: list = []


# --- Partnerships --------------------------------------------------------------------------------


def _check_municipalities(members) -> list[Organisation]:
    members = list(members)
    if any(m.kind != Organisation.Kind.MUNICIPALITY for m in members):
        raise ValidationError(
            _("Only municipalities can be members of a partnership."), code="not_municipality"
        )
    return members


@transaction.atomic
def partnership_create(*, actor, name: str, members, short_name: str = "") -> Organisation:
    """An inter-municipal partnership (interkommunalt samarbeid) of existing municipalities."""
    members = _check_municipalities(members)
    short_name = short_name or name
    partnership = Organisation.objects.create(
        kind=Organisation.Kind.PARTNERSHIP,
        name=name,
        short_name=short_name,
        slug=organisation_free_slug(short_name),
    )
    partnership.member_municipalities.set(members)
    audit_log(
        actor=actor,
        action="partnership.created",
        obj=partnership,
        organisation=partnership,
        after={"name": name, "members": sorted(str(m) for m in members)},
    )
    return partnership


@transaction.atomic
def partnership_set_members(*, actor, partnership: Organisation, members) -> Organisation:
    members = _check_municipalities(members)
    before = sorted(str(m) for m in partnership.member_municipalities.all())
    partnership.member_municipalities.set(members)
    audit_log(
        actor=actor,
        action="partnership.members.changed",
        obj=partnership,
        organisation=partnership,
        before={"members": before},
        after={"members": sorted(str(m) for m in members)},
    )
    return partnership


# --- Memberships ---------------------------------------------------------------------------------

MEMBERSHIP_FIELDS = ("role", "is_chief_executive", "title")


@transaction.atomic
def membership_add(
    *, actor, organisation: Organisation, user, role: str, is_chief_executive=False, title=""
) -> Membership:
    _lock_organisation(organisation.pk)  # two adds of one person at once: one member, one message
    if Membership.objects.filter(organisation=organisation, user=user).exists():
        raise ValidationError(
            _("%(email)s is already a member of this organisation.") % {"email": user.email},
            code="duplicate",
        )
    # Defaults are created with the first member, not for every organisation in the register.
    organisation_ensure_defaults(organisation=organisation)
    membership = Membership.objects.create(
        organisation=organisation,
        user=user,
        role=role,
        is_chief_executive=is_chief_executive,
        title=title,
    )
    forget_memberships(user)
    audit_log(
        actor=actor,
        action="membership.added",
        obj=organisation,
        organisation=organisation,
        after=snapshot(membership, MEMBERSHIP_FIELDS),
        data={"user": user.email},
    )
    return membership


def _coordinator_count(organisation_id) -> int:
    return Membership.objects.filter(
        organisation_id=organisation_id, role=Membership.Role.COORDINATOR
    ).count()


def membership_can_lose_coordinator(membership: Membership) -> bool:
    """Pre-check for the UI: False when this is the organisation's last coordinator."""
    if membership.role != Membership.Role.COORDINATOR:
        return True
    return _coordinator_count(membership.organisation_id) > 1


def _last_coordinator_error() -> ValidationError:
    return ValidationError(
        _(
            "An organisation must always have at least one innovation coordinator. "
            "Make someone else coordinator first."
        ),
        code="last_coordinator",
    )


def _lock_organisation(organisation_id) -> None:
    """Membership and sector changes of one organisation run one at a time (on its row): two
    coordinators demoting each other at once cannot leave it without one, and two adds of one
    person or one sector name give one row and one clear message, not an integrity error."""
    list(Organisation.objects.select_for_update().filter(pk=organisation_id).values("pk"))


@transaction.atomic
def membership_update(
    *,
    actor,
    membership: Membership,
    role: str,
    is_chief_executive: bool,
    title: str,
    version: int | None = None,
) -> Membership:
    """`version` is the one the edit form was loaded from (slik.core.concurrency)."""
    _lock_organisation(membership.organisation_id)
    lock_version(membership, version)
    if role != Membership.Role.COORDINATOR and not membership_can_lose_coordinator(membership):
        raise ValidationError({"role": _last_coordinator_error()})
    before = snapshot(membership, MEMBERSHIP_FIELDS)
    membership.role = role
    membership.is_chief_executive = is_chief_executive
    membership.title = title
    save_versioned(membership, MEMBERSHIP_FIELDS)
    forget_memberships(membership.user)
    audit_log(
        actor=actor,
        action="membership.changed",
        obj=membership.organisation,
        organisation=membership.organisation,
        before=before,
        after=snapshot(membership, MEMBERSHIP_FIELDS),
        data={"user": membership.user.email, **subject_of(membership)},
    )
    return membership


@transaction.atomic
def membership_remove(*, actor, membership: Membership) -> None:
    if actor is not None and membership.user_id == actor.pk:
        raise ValidationError(
            _("You cannot remove yourself. Ask another coordinator to do it."), code="self"
        )
    _lock_organisation(membership.organisation_id)
    current = Membership.objects.filter(pk=membership.pk).first()
    if current is None:  # removed a moment ago (a second click)
        return
    if not membership_can_lose_coordinator(current):
        raise _last_coordinator_error()
    organisation = membership.organisation
    audit_log(
        actor=actor,
        action="membership.removed",
        obj=organisation,
        organisation=organisation,
        before=snapshot(membership, MEMBERSHIP_FIELDS),
        data={"user": membership.user.email},
    )
    membership.delete()
    forget_memberships(membership.user)


# --- Sectors -------------------------------------------------------------------------------------


def _check_sector_name(organisation: Organisation, name: str, exclude_pk=None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("Enter a name."), code="required")
    others = Sector.objects.filter(organisation=organisation, name__iexact=name)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.exists():
        raise ValidationError(_("A sector with this name already exists."), code="duplicate")
    return name


@transaction.atomic
def sector_add(*, actor, organisation: Organisation, name: str) -> Sector:
    _lock_organisation(organisation.pk)
    name = _check_sector_name(organisation, name)
    order = Sector.objects.filter(organisation=organisation).count()
    sector = Sector.objects.create(organisation=organisation, name=name, order=order)
    audit_log(
        actor=actor,
        action="sector.added",
        obj=organisation,
        organisation=organisation,
        after={"name": name},
    )
    return sector


@transaction.atomic
def sector_rename(*, actor, sector: Sector, name: str, version: int | None = None) -> Sector:
    """`version` is the one the edit form was loaded from (slik.core.concurrency)."""
    lock_version(sector, version)
    try:
        name = _check_sector_name(sector.organisation, name, exclude_pk=sector.pk)
    except ValidationError as exc:
        raise ValidationError({"name": exc.error_list}) from exc
    before = snapshot(sector, ("name",))
    sector.name = name
    save_versioned(sector, ["name"])
    audit_log(
        actor=actor,
        action="sector.changed",
        obj=sector.organisation,
        organisation=sector.organisation,
        before=before,
        after={"name": name},
        data=subject_of(sector),
    )
    return sector


@transaction.atomic
def sector_set_active(*, actor, sector: Sector, is_active: bool) -> Sector:
    if lock(sector).is_active == is_active:
        return sector  # a second click asks for the state it already has
    before = snapshot(sector, ("is_active",))
    sector.is_active = is_active
    sector.save(update_fields=["is_active"])
    audit_log(
        actor=actor,
        action="sector.changed",
        obj=sector.organisation,
        organisation=sector.organisation,
        before={"name": sector.name, **before},
        after={"name": sector.name, "is_active": is_active},
    )
    return sector


# The register import lives in its own module; re-exported so callers find every write here.
from .register_import import organisation_import_register  # noqa: E402, F401
