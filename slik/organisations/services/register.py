"""Writing the register of counties and municipalities (parsing is in `..register`).

Organisations are matched on kind + number, so a second run updates instead of duplicating.
An existing organisation keeps its address (slug): bookmarks and links must survive a re-import.
Defaults (sectors, criteria, roadmap) are not created here but with the first member.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from slik.core.audit import audit_log, snapshot

from ..models import Organisation
from ..register import COUNTY, MUNICIPALITY, RegisterEntry
from .organisations import organisation_free_slug

REGISTER_FIELDS = ("name", "short_name", "county", "population", "valid_from", "valid_to")
COUNTY_SLUG_SUFFIX = "fylkeskommune"


@dataclass
class ImportResult:
    created: list[Organisation] = field(default_factory=list)
    updated: list[Organisation] = field(default_factory=list)
    unchanged: int = 0
    without_county: list[str] = field(default_factory=list)


def _values(entry: RegisterEntry, existing: Organisation | None, counties: dict) -> dict:
    values = {
        "name": entry.name,
        "short_name": entry.short_name,
        "valid_from": entry.valid_from,
        "valid_to": entry.valid_to,
    }
    if existing is not None and not entry.explicit_short_name:
        values["short_name"] = existing.short_name  # a guessed name never overrides a known one
    if entry.population is not None:
        values["population"] = entry.population
    if entry.kind == MUNICIPALITY:
        values["county"] = counties.get(entry.county_number)
    return values


def _differs(org: Organisation, name: str, value) -> bool:
    if name == "county":  # compare ids: no query per municipality on a re-run
        return org.county_id != (value.pk if value is not None else None)
    return getattr(org, name) != value


def _slug_for(entry: RegisterEntry) -> str:
    if entry.kind == COUNTY:
        # Counties share names with municipalities (Oslo), so their address says what they are.
        return organisation_free_slug(f"{entry.slug_name} {COUNTY_SLUG_SUFFIX}")
    return organisation_free_slug(entry.slug_name, suffix=entry.number)


def _write(entry: RegisterEntry, existing, counties, actor, result: ImportResult):
    values = _values(entry, existing, counties)
    if existing is None:
        org = Organisation.objects.create(
            kind=entry.kind, number=entry.number, slug=_slug_for(entry), **values
        )
        result.created.append(org)
        audit_log(
            actor=actor,
            action="organisation.imported",
            obj=org,
            organisation=org,
            after=snapshot(org, REGISTER_FIELDS),
        )
        return org
    before = snapshot(existing, REGISTER_FIELDS)
    changed = [name for name, value in values.items() if _differs(existing, name, value)]
    if not changed:
        result.unchanged += 1
        return existing
    for name in changed:
        setattr(existing, name, values[name])
    existing.save(update_fields=changed)
    result.updated.append(existing)
    audit_log(
        actor=actor,
        action="organisation.register.updated",
        obj=existing,
        organisation=existing,
        before=before,
        after=snapshot(existing, REGISTER_FIELDS),
    )
    return existing


@transaction.atomic
def organisation_import_register(*, actor=None, entries) -> ImportResult:
    """Create or update counties first, then municipalities linked to their county."""
    entries = list(entries)
    result = ImportResult()
    existing = {
        (org.kind, org.number): org
        for org in Organisation.objects.filter(kind__in=[COUNTY, MUNICIPALITY]).exclude(number="")
    }
    counties = {org.number: org for (kind, _n), org in existing.items() if kind == COUNTY}
    for entry in (e for e in entries if e.kind == COUNTY):
        counties[entry.number] = _write(
            entry, existing.get((COUNTY, entry.number)), counties, actor, result
        )
    for entry in (e for e in entries if e.kind == MUNICIPALITY):
        _write(entry, existing.get((MUNICIPALITY, entry.number)), counties, actor, result)
        if entry.county_number not in counties:
            result.without_county.append(entry.number)
    return result
