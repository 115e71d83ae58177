from django.db import transaction
from django.utils.text import slugify

from slik.core.audit import audit_log, snapshot

from .defaults import DEFAULT_SECTORS
from .models import Membership, Organisation, Sector

_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})


def organisation_slug(name: str) -> str:
    """`Råde` → `rade`, `Våler (Østfold)` → `valer-ostfold`; Sami letters fold to ASCII."""
    return slugify(name.translate(_TRANSLITERATE))


@transaction.atomic
def organisation_ensure_defaults(*, organisation: Organisation) -> None:
    """Give an organisation the method's defaults: sectors, criteria, the roadmap template.

    Idempotent; each app contributes its own defaults through `DEFAULT_PROVIDERS`.
    """
    if not Sector.objects.filter(organisation=organisation).exists():
        Sector.objects.bulk_create(
            Sector(organisation=organisation, name=name, order=index)
            for index, name in enumerate(DEFAULT_SECTORS)
        )
    for provider in DEFAULT_PROVIDERS:
        provider(organisation)


# Apps append callables here in their AppConfig.ready (challenges: criteria; cases: roadmap).
DEFAULT_PROVIDERS: list = []

MEMBERSHIP_FIELDS = ("role", "is_chief_executive", "title")


@transaction.atomic
def membership_add(
    *, actor, organisation: Organisation, user, role: str, is_chief_executive=False, title=""
) -> Membership:
    membership = Membership.objects.create(
        organisation=organisation,
        user=user,
        role=role,
        is_chief_executive=is_chief_executive,
        title=title,
    )
    audit_log(
        actor=actor,
        action="membership.added",
        obj=organisation,
        organisation=organisation,
        after=snapshot(membership, MEMBERSHIP_FIELDS),
        data={"user": user.email},
    )
    return membership


@transaction.atomic
def membership_update(*, actor, membership: Membership, role: str, is_chief_executive: bool,
                      title: str) -> Membership:
    before = snapshot(membership, MEMBERSHIP_FIELDS)
    membership.role = role
    membership.is_chief_executive = is_chief_executive
    membership.title = title
    membership.save(update_fields=list(MEMBERSHIP_FIELDS))
    audit_log(
        actor=actor,
        action="membership.changed",
        obj=membership.organisation,
        before=before,
        after=snapshot(membership, MEMBERSHIP_FIELDS),
        data={"user": membership.user.email},
    )
    return membership


@transaction.atomic
def membership_remove(*, actor, membership: Membership) -> None:
    organisation = membership.organisation
    audit_log(
        actor=actor,
        action="membership.removed",
        obj=organisation,
        before=snapshot(membership, MEMBERSHIP_FIELDS),
        data={"user": membership.user.email},
    )
    membership.delete()


@transaction.atomic
def sector_add(*, actor, organisation: Organisation, name: str) -> Sector:
    order = Sector.objects.filter(organisation=organisation).count()
    sector = Sector.objects.create(organisation=organisation, name=name, order=order)
    audit_log(actor=actor, action="sector.added", obj=organisation, after={"name": name})
    return sector


@transaction.atomic
def sector_set_active(*, actor, sector: Sector, is_active: bool) -> Sector:
    before = snapshot(sector, ("is_active",))
    sector.is_active = is_active
    sector.save(update_fields=["is_active"])
    audit_log(
        actor=actor,
        action="sector.changed",
        obj=sector.organisation,
        before={"name": sector.name, **before},
        after={"name": sector.name, "is_active": is_active},
    )
    return sector
