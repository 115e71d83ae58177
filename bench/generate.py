"""National-scale benchmark data, fast: every municipality in the register with full histories.

    DJANGO_SETTINGS_MODULE=config.settings.bench python -m bench.generate [--scale 10]

All 357 municipalities × 30 cases (phase periods, gate decisions, step checks, hypotheses,
insights, audit events) and 10 floker each (3 criteria, scores from 6 leaders, stakeholders).
`--scale N` gives ONE chosen municipality N times as many cases and floker, to show that the
number of queries per page does not grow with the data. Rows are written with bulk_create
outside any tenant scope (`scopes_disabled`) – this is a data generator, not a request.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

CASES_PER_ORG = 30
FLOKER_PER_ORG = 10
LEADERS_PER_ORG = 6
CHOSEN_NUMBER = "3110"  # Hvaler: the municipality whose pages are measured
BENCH_PASSWORD = "bench-only-not-a-secret"  # noqa: S105 - a throwaway local database
BATCH = 2000
ORG_CHUNK = 40


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")
    import django

    django.setup()


def leader_email(number: str, index: int) -> str:
    return f"leder{index}@{number}.bench.slik.no"


@dataclass
class Rows:
    """Rows of one chunk, written parents first so children can point at their pks."""

    users: list = field(default_factory=list)
    memberships: list = field(default_factory=list)
    challenges: list = field(default_factory=list)
    cases: list = field(default_factory=list)


def _register_entries():
    from django.conf import settings

    from slik.organisations.register import current_entries, parse_register_file

    path = Path(settings.SHARED_DATA_DIR)
    entries = parse_register_file(path / "fylker_2024.csv")
    entries += parse_register_file(path / "kommuner_2024.csv")
    return current_entries(entries)


def ensure_register(write) -> None:
    """Counties and municipalities from the shared register, bulk-created once."""
    from slik.organisations.models import Organisation
    from slik.organisations.services import organisation_slug

    if Organisation.objects.filter(kind="municipality").count() >= 357:
        return
    entries = _register_entries()
    counties = {}
    for entry in (e for e in entries if e.kind == "county"):
        counties[entry.number], _ = Organisation.objects.get_or_create(
            kind="county",
            number=entry.number,
            defaults={
                "name": entry.name,
                "short_name": entry.short_name,
                "slug": "fylke-" + organisation_slug(entry.slug_name),
            },
        )
    existing = set(Organisation.objects.values_list("number", flat=True))
    Organisation.objects.bulk_create(
        [
            Organisation(
                kind="municipality",
                number=entry.number,
                name=entry.name,
                short_name=entry.short_name,
                slug=organisation_slug(entry.slug_name),
                county=counties.get(entry.county_number),
                population=entry.population,
                valid_from=entry.valid_from,
            )
            for entry in entries
            if entry.kind == "municipality" and entry.number not in existing
        ],
        batch_size=BATCH,
    )
    write(f"  register: {Organisation.objects.filter(kind='municipality').count()} municipalities")


class Generator:
    def __init__(self, *, seed: int = 2026):
        from django.contrib.auth.hashers import make_password
        from django.contrib.contenttypes.models import ContentType

        from slik.cases.models import Case
        from slik.challenges.models import Challenge

        self.rng = random.Random(seed)
        self.password = make_password(BENCH_PASSWORD)
        self.today = datetime.date.today()
        self.case_type = ContentType.objects.get_for_model(Case)
        self.challenge_type = ContentType.objects.get_for_model(Challenge)

    # --- per organisation: defaults and people ------------------------------------------------

    def org_context(self, org) -> dict:
        """Sectors, criteria, the roadmap steps and the leaders of one organisation."""
        from slik.cases.models import PhaseStep, RoadmapTemplate
        from slik.challenges.models import Criterion
        from slik.organisations.models import Sector

        template = RoadmapTemplate.objects.filter(organisation=org).order_by("-version").first()
        steps: dict[int, list[int]] = {}
        for step_id, phase in PhaseStep.objects.filter(template=template).values_list(
            "pk", "phase"
        ):
            steps.setdefault(phase, []).append(step_id)
        return {
            "org": org,
            "template": template,
            "steps": steps,
            "sectors": list(Sector.objects.filter(organisation=org).values_list("pk", flat=True)),
            "criteria": list(
                Criterion.objects.filter(organisation=org, is_active=True).values_list(
                    "pk", flat=True
                )[:3]
            ),
        }

    def make_leaders(self, orgs) -> dict[int, list]:
        from slik.accounts.models import User
        from slik.organisations.models import Membership

        users = [
            User(
                email=leader_email(org.number, index),
                full_name=f"Leder {index} {org.short_name}",
                password=self.password,
            )
            for org in orgs
            for index in range(1, LEADERS_PER_ORG + 1)
        ]
        User.objects.bulk_create(users, batch_size=BATCH)
        by_org: dict[int, list] = {}
        memberships = []
        for position, user in enumerate(users):
            org = orgs[position // LEADERS_PER_ORG]
            by_org.setdefault(org.pk, []).append(user)
            memberships.append(
                Membership(
                    user=user,
                    organisation=org,
                    role="leader",
                    is_chief_executive=position % LEADERS_PER_ORG == 0,
                    title="Kommunedirektør" if position % LEADERS_PER_ORG == 0 else "Kommunalsjef",
                )
            )
        Membership.objects.bulk_create(memberships, batch_size=BATCH)
        return by_org


def generate(*, scale: int = 1, write=print) -> None:
    """Build the national data set (skipped when present), then top up the chosen municipality."""
    from django.db import transaction
    from django_scopes import scopes_disabled

    from slik.organisations.models import Organisation
    from slik.organisations.services import organisation_ensure_defaults

    from .generate_rows import add_cases, add_floker

    started = time.monotonic()
    with scopes_disabled():
        ensure_register(write)
        todo = list(
            Organisation.objects.filter(kind="municipality", memberships__isnull=True).order_by(
                "number"
            )
        )
        generator = Generator() if todo else None
        for start in range(0, len(todo), ORG_CHUNK):
            chunk = todo[start : start + ORG_CHUNK]
            with transaction.atomic():
                for org in chunk:
                    organisation_ensure_defaults(organisation=org)
                leaders = generator.make_leaders(chunk)
                contexts = [generator.org_context(org) for org in chunk]
                for context in contexts:
                    context["leaders"] = leaders[context["org"].pk]
                challenges = add_floker(generator, contexts, FLOKER_PER_ORG)
                add_cases(generator, contexts, CASES_PER_ORG, challenges)
            write(f"  {start + len(chunk)}/{len(todo)} municipalities ({_since(started)})")
        top_up(generator, scale=scale, write=write)
    write(f"Benchmark data ready in {_since(started)}")


def chosen_organisation():
    from slik.organisations.models import Organisation

    return Organisation.objects.get(kind="municipality", number=CHOSEN_NUMBER)


def chosen_scale() -> int:
    from django_scopes import scopes_disabled

    from slik.cases.models import Case

    with scopes_disabled():
        return Case.objects.filter(organisation=chosen_organisation()).count() // CASES_PER_ORG


def top_up(generator: Generator | None = None, *, scale: int, write=print) -> None:
    """Give the chosen municipality `scale` × the normal amount of cases and floker."""
    from django.db import transaction
    from django_scopes import scopes_disabled

    from slik.organisations.models import Membership

    from .generate_rows import add_cases, add_floker

    missing = scale - chosen_scale()
    if missing <= 0:
        return
    generator = generator or Generator()
    with scopes_disabled(), transaction.atomic():
        org = chosen_organisation()
        context = generator.org_context(org)
        context["leaders"] = [
            m.user
            for m in Membership.objects.filter(organisation=org, role="leader")
            .select_related("user")
            .order_by("pk")[:LEADERS_PER_ORG]
        ]
        challenges = add_floker(generator, [context], FLOKER_PER_ORG * missing)
        add_cases(generator, [context], CASES_PER_ORG * missing, challenges)
    write(f"  {org.short_name}: {scale}× data")


def _since(started: float) -> str:
    return f"{time.monotonic() - started:.1f} s"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=1, help="data factor for Hvaler")
    args = parser.parse_args(argv)
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    generate(scale=args.scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
