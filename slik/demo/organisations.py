"""The demo's municipalities, partnership and people.

The register and the population come from the shared reference data at run time (never copied
into the repository); without it the demo creates only the two municipalities it needs.
"""

from __future__ import annotations

import csv
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command, get_commands
from django.db import transaction
from django.utils.translation import gettext as _

from slik.accounts.models import User
from slik.organisations.models import Membership, Organisation
from slik.organisations.services import (
    membership_add,
    organisation_ensure_defaults,
    organisation_slug,
)
from slik.organisations.tenancy import forget_memberships

from .accounts import DEMO_PASSWORD, DEMO_PEOPLE, HVALER, RADE

PILOT_FILE = "pilotkommuner_2024.csv"
POPULATION_FILE = "befolkning_alder_kommune_2006_2026.csv"
# The Østfold/Akershus cohort of Ledergaloppen (METHOD.md §7), as named in the material.
OSTFOLD_PILOTS = ("Aremark", "Hvaler", "Råde", "Gjerdrum", "Hurdal", "Skiptvet", "Våler", "Marker")
# Without the shared data the demo still needs its two municipalities.
FALLBACK_PILOTS = [
    {"number": HVALER, "name": "Hvaler", "county": "31", "population": 4787},
    {"number": RADE, "name": "Råde", "county": "31", "population": 7883},
]
PARTNERSHIP_NAME = "Østfold-pilotene"
PARTNERSHIP_COUNTY = "31"


def shared_file(name: str) -> Path | None:
    path = Path(settings.SHARED_DATA_DIR) / name
    return path if path.is_file() else None


def import_reference_data(write) -> None:
    """The register and population imports of the other apps, when they and the data exist.

    Their own output is kept back (it is in another language and names file paths): the demo
    says in one language what it did.
    """
    if shared_file("kommuner_2024.csv") is None:
        write(_("Shared data not found; skipping the register and population imports."))
        return
    commands = get_commands()
    if "import_municipalities" in commands:
        call_command("import_municipalities", "--shared", verbosity=0, stdout=StringIO())
        write(_("Imported the municipality register."))
    else:
        write(_("The municipality register cannot be imported here; skipping it."))
    population = shared_file(POPULATION_FILE)
    if "import_population" in commands and population is not None:
        call_command("import_population", str(population), verbosity=0, stdout=StringIO())
        write(_("Imported the population figures."))


def pilot_municipalities() -> list[dict]:
    """The Østfold/Akershus pilots with 2024 numbers, read from the shared pilot file."""
    path = shared_file(PILOT_FILE)
    if path is None:
        return FALLBACK_PILOTS
    with open(path, newline="", encoding="utf-8-sig") as handle:
        rows = {row["navn_i_materialet"]: row for row in csv.DictReader(handle)}
    return [
        {
            "number": rows[name]["kommunenummer_2024"],
            "name": rows[name]["kommunenavn_2024"],
            "county": rows[name]["fylkesnummer"],
            "population": int(rows[name]["folketall_2024"]),
        }
        for name in OSTFOLD_PILOTS
        if name in rows
    ]


def _municipality(pilot: dict) -> Organisation:
    """The register's organisation for a pilot, or a minimal one when the register is absent."""
    org = Organisation.objects.filter(
        kind=Organisation.Kind.MUNICIPALITY, number=pilot["number"]
    ).first()
    if org is None:
        slug = organisation_slug(pilot["name"])
        if Organisation.objects.filter(slug=slug).exists():
            slug = organisation_slug(f"{pilot['name']} {pilot['number']}")
        org = Organisation.objects.create(
            kind=Organisation.Kind.MUNICIPALITY,
            number=pilot["number"],
            name=pilot["name"],
            short_name=pilot["name"],
            slug=slug,
            population=pilot["population"],
        )
    return org


@transaction.atomic
def ensure_organisations() -> dict[str, Organisation]:
    """Municipality number → organisation for the pilots, plus the partnership under "partner"."""
    pilots = pilot_municipalities()
    orgs = {pilot["number"]: _municipality(pilot) for pilot in pilots}
    partnership, _created = Organisation.objects.get_or_create(
        kind=Organisation.Kind.PARTNERSHIP,
        slug=organisation_slug(PARTNERSHIP_NAME),
        defaults={"name": PARTNERSHIP_NAME, "short_name": PARTNERSHIP_NAME},
    )
    members = [orgs[pilot["number"]] for pilot in pilots if pilot["county"] == PARTNERSHIP_COUNTY]
    partnership.member_municipalities.add(*members)
    for org in (*orgs.values(), partnership):
        organisation_ensure_defaults(organisation=org)
    orgs["partner"] = partnership
    return orgs


def ensure_people(orgs: dict[str, Organisation]) -> dict[str, User]:
    """The demo accounts and their memberships; existing ones are left as they are."""
    people: dict[str, User] = {}
    for person in DEMO_PEOPLE:
        user = User.objects.filter(email=person.email).first()
        if user is None:
            user = User.objects.create_user(
                email=person.email, password=DEMO_PASSWORD, full_name=person.full_name
            )
        people[person.key] = user
    coordinator = people["coordinator"]
    for person in DEMO_PEOPLE:
        organisation = orgs[person.municipality]
        _ensure_membership(
            actor=coordinator if person.municipality == HVALER else people["rade_coordinator"],
            organisation=organisation,
            user=people[person.key],
            role=person.role,
            title=person.title,
            is_chief_executive=person.is_chief_executive,
        )
    # The partnership is run by the two coordinators together.
    for key in ("coordinator", "rade_coordinator"):
        _ensure_membership(
            actor=coordinator,
            organisation=orgs["partner"],
            user=people[key],
            role=Membership.Role.COORDINATOR,
            title="Nettverkskoordinator",
        )
    for user in people.values():
        forget_memberships(user)
    return people


def _ensure_membership(*, actor, organisation, user, role, title, is_chief_executive=False):
    if Membership.objects.filter(organisation=organisation, user=user).exists():
        return
    membership_add(
        actor=actor,
        organisation=organisation,
        user=user,
        role=role,
        is_chief_executive=is_chief_executive,
        title=title,
    )
