"""Hvaler's floker with scores, figures and stakeholders, written through the app's services."""

from __future__ import annotations

from decimal import Decimal

from slik.challenges import services as challenge_services
from slik.challenges.models import Challenge, Criterion
from slik.challenges.population import POPULATION_SOURCE, ready_figures
from slik.organisations.models import Sector

from .data_floker import ELDERLY, FLOKER, OWN_FIGURES, STAKEHOLDERS

# The lifecycle only moves one step at a time.
STATUS_PATH = {
    "candidate": [],
    "prioritised": ["prioritised"],
    "in_work": ["prioritised", "in_work"],
}


def build_floker(*, organisation, people) -> dict[str, Challenge]:
    coordinator, chief = people["coordinator"], people["leader"]
    sectors = {s.name: s for s in Sector.objects.filter(organisation=organisation)}
    criteria = list(Criterion.objects.filter(organisation=organisation, is_active=True)[:3])
    floker = {}
    for spec in FLOKER:
        challenge = challenge_services.challenge_create(
            actor=coordinator,
            organisation=organisation,
            title=spec["title"],
            description=spec["description"],
            sectors=[sectors[name] for name in spec["sectors"] if name in sectors],
            external_actors=spec["external_actors"],
            owner=chief,
        )
        for rater_key, values in spec["scores"].items():
            challenge_services.challenge_score(
                actor=people[rater_key],
                challenge=challenge,
                scores={c.pk: v for c, v in zip(criteria, values, strict=False)},
            )
        for status in STATUS_PATH[spec["status"]]:
            challenge_services.challenge_set_status(actor=chief, challenge=challenge, status=status)
        if spec["published"]:
            challenge_services.challenge_set_published(
                actor=chief, challenge=challenge, is_published=True
            )
        _stakeholders(coordinator, challenge, STAKEHOLDERS.get(spec["key"], []))
        _own_figures(coordinator, challenge, OWN_FIGURES.get(spec["key"], []))
        floker[spec["key"]] = challenge
    _population_figures(coordinator, floker[ELDERLY])
    return floker


def _stakeholders(actor, challenge, rows) -> None:
    for name, group, interest, influence, attitude, involvement in rows:
        challenge_services.stakeholder_create(
            actor=actor,
            organisation=challenge.organisation,
            challenge=challenge,
            name=name,
            group=group,
            interest=interest,
            influence=influence,
            attitude=attitude,
            strategy="",
            planned_involvement=involvement,
        )


def _own_figures(actor, challenge, rows) -> None:
    for label, value, unit, year, source, comment in rows:
        challenge_services.key_figure_create(
            actor=actor,
            organisation=challenge.organisation,
            challenge=challenge,
            label=label,
            value=Decimal(value),
            unit=unit,
            year=year,
            source=source,
            comment=comment,
        )


def _population_figures(actor, challenge) -> int:
    """Share aged 80+ and people 20–66 per person 80+, now and ten years ago, from SSB data."""
    ready = ready_figures(organisation=challenge.organisation)
    if not ready:
        return 0
    for figure in ready["figures"]:
        challenge_services.key_figure_create(
            actor=actor,
            organisation=challenge.organisation,
            challenge=challenge,
            computed_code=figure.code,
            label=str(figure.label),
            value=figure.value,
            unit=str(figure.unit),
            year=figure.year,
            source=POPULATION_SOURCE,
        )
    return len(ready["figures"])
