"""The dashboard's arithmetic: counts, sums, averages and the first cases of each row, from one
light row per case. Pure computation, no queries (the selectors read the rows).

A "case" here is anything with the attributes of `CaseFacts` — the dashboard's light rows, or
Case objects annotated the same way for the council report — so screen and paper count alike.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from django.utils.translation import gettext as _

from slik.cases.models import Case, InnovationType, OecdFacet, Phase
from slik.core.sorting import norwegian_key

from .models import StatusLevel
from .selectors.status import STALE_AFTER_DAYS

CASES_PER_ROW = 10
STATUS_ORDER = {Case.Status.ACTIVE: 0, Case.Status.POSTPONED: 1, Case.Status.STOPPED: 2}
PHASE_LABELS = dict(Phase.choices)
# Read once: an enum's `values` and `choices` are built anew on each access (the labels stay
# lazy, translated when a row is made).
STATUS_VALUES = tuple(Case.Status.values)
INNOVATION_LABELS, INNOVATION_ORDER = dict(InnovationType.choices), list(InnovationType.values)
FACET_LABELS, FACET_ORDER = dict(OecdFacet.choices), [*OecdFacet.values, ""]


class CaseFacts(NamedTuple):
    """What the dashboard counts of one case."""

    pk: int
    title: str
    phase: int
    status: str
    innovation_type: str
    oecd_facet: str
    budget: int | Decimal | None  # whole kroner (a Decimal on a Case object)
    hours: int | None
    days_in_phase: int | None

    @property
    def phase_label(self) -> str:
        return f"{self.phase}. {PHASE_LABELS.get(self.phase, '')}"


def days_since(since: datetime.date | None, today: datetime.date) -> int | None:
    return (today - since).days if since else None


def listing_order(case) -> tuple:
    """Active cases first, then postponed and stopped; by title within each (Norwegian order:
    Æ, Ø, Å after Z)."""
    return (STATUS_ORDER.get(case.status, 3), norwegian_key(case.title))


def _title_key(case) -> str:
    return norwegian_key(case.title)


def _status_rank(case) -> int:
    return STATUS_ORDER.get(case.status, 3)


def in_listing_order(cases) -> list:
    """Sorted once: every row built from the result lists its cases in this order. The order of
    `listing_order`, sorted by title and then (stable) by status: two sorts on plain keys
    took two thirds of the time of one on (status, title) pairs (Oslo's 500 cases)."""
    ordered = sorted(cases, key=_title_key)
    ordered.sort(key=_status_rank)
    return ordered


@dataclass
class Groups:
    """Which floker a case works on and which sectors a floke belongs to."""

    case_challenges: dict[int, list[int]]
    titles: dict[int, str]
    challenge_sectors: dict[int, set[int]]
    sector_names: dict[int, str]

    def add_link(self, case_id: int, challenge_id: int, title: str) -> None:
        challenges = self.case_challenges.setdefault(case_id, [])
        if challenge_id not in challenges:
            challenges.append(challenge_id)
        self.titles[challenge_id] = title

    def add_sector(self, challenge_id: int, sector_id: int, name: str) -> None:
        self.challenge_sectors.setdefault(challenge_id, set()).add(sector_id)
        self.sector_names[sector_id] = name


def _row(key, label, ordered, **extra) -> dict:
    """A table row: its count and its first cases (`ordered` is in listing order)."""
    return {
        "key": key,
        "label": str(label),
        "count": len(ordered),
        "cases": ordered[:CASES_PER_ROW],
        "more": max(len(ordered) - CASES_PER_ROW, 0),
        **extra,
    }


def _by_phase(ordered) -> dict[int, list]:
    members: dict[int, list] = {value: [] for value in Phase.values}
    for case in ordered:
        members.setdefault(case.phase, []).append(case)
    return members


def funnel(ordered) -> list[dict]:
    """Cases by phase and status, with the average and longest days in the current phase."""
    rows = []
    members = _by_phase(ordered)
    for value, label in Phase.choices:
        in_phase = members[value]
        counts = dict.fromkeys(STATUS_VALUES, 0)
        for case in in_phase:
            counts[case.status] += 1
        days = [c.days_in_phase for c in in_phase if c.days_in_phase is not None]
        rows.append(
            _row(
                value,
                label,
                in_phase,
                counts=counts,
                average_days=round(sum(days) / len(days)) if days else None,
                max_days=max(days) if days else None,
            )
        )
    return rows


def resources(ordered) -> list[dict]:
    """The cases' budgets and estimated hours summed by phase."""
    rows = []
    members = _by_phase(ordered)
    for value, label in Phase.choices:
        in_phase = members[value]
        # Summed as they come (ints on the page, Decimals for the council report), made a
        # Decimal once: whole kroner, so the sum is the same.
        budget = Decimal(sum([c.budget or 0 for c in in_phase]))
        hours = sum(c.hours or 0 for c in in_phase)
        rows.append(_row(value, label, in_phase, budget=budget, hours=hours))
    return rows


def _group(members: dict, labels: dict, *, none_label: str, order=None) -> list[dict]:
    """Rows of the cases by key (`members`: key → cases in listing order; "" for none), by
    label in Norwegian order unless `order` is given (then every key in it has a row)."""
    if order is None:
        order = sorted(
            (k for k in members if k != ""), key=lambda k: norwegian_key(str(labels.get(k, k)))
        )
        order += [""] if "" in members else []
    return [
        _row(key, labels.get(key, none_label) if key != "" else none_label, members.get(key, []))
        for key in order
        if key in members or key != ""
    ]


def balance(ordered, groups: Groups) -> dict[str, list[dict]]:
    """Cases by floke, sector, innovation type and OECD facet (a case may count in several
    floker and sectors). One pass over the cases for all four."""
    links, floke_sectors = groups.case_challenges, groups.challenge_sectors
    floker, sectors = defaultdict(list), defaultdict(list)
    kinds, facets = defaultdict(list), defaultdict(list)
    for case in ordered:
        found: set = set()
        for key in links.get(case.pk) or [""]:
            floker[key].append(case)
            found.update(floke_sectors.get(key, ()))
        for key in found or [""]:
            sectors[key].append(case)
        kinds[case.innovation_type].append(case)
        facets[case.oecd_facet or ""].append(case)
    return {
        "challenge": _group(floker, groups.titles, none_label=_("No floke")),
        "sector": _group(sectors, groups.sector_names, none_label=_("No sector")),
        "innovation_type": _group(
            kinds, INNOVATION_LABELS, none_label=_("Not given"), order=INNOVATION_ORDER
        ),
        "oecd_facet": _group(facets, FACET_LABELS, none_label=_("Not given"), order=FACET_ORDER),
    }


def is_stuck(case, limit_days: int) -> bool:
    """Running (not stopped, not yet in New practice) longer than the limit in its phase."""
    return (
        case.status != Case.Status.STOPPED
        and case.phase < Phase.NY_PRAKSIS
        and case.days_in_phase is not None
        and case.days_in_phase > limit_days
    )


def longest_in_phase_first(cases) -> list:
    """The stuck cases' order: longest in their phase first, by title within."""
    return sorted(cases, key=lambda c: (-c.days_in_phase, norwegian_key(c.title)))


def stuck(cases, limit_days: int) -> list:
    """The stuck cases, longest in their phase first."""
    return longest_in_phase_first([c for c in cases if is_stuck(c, limit_days)])


class StuckFacts(NamedTuple):
    """A stuck case as its panel lists it (the database found it stuck)."""

    pk: int
    title: str
    phase: int
    days_in_phase: int
    owner: str  # as shown; "" without one, and for politicians

    phase_label = CaseFacts.phase_label


class StatusFacts(NamedTuple):
    """A case that is not stopped, with its latest published status report (if any)."""

    pk: int
    title: str
    report_id: int | None
    reported_on: datetime.date | None
    overall: str | None


def status_order(cases: list[StatusFacts], today: datetime.date) -> list[StatusFacts]:
    """Cases without a published report first, then the oldest reports; by title within."""

    def key(case):
        age = days_since(case.reported_on, today)
        return (age is not None, -(age or 0), norwegian_key(case.title))

    return sorted(cases, key=key)


def status_rows(cases: list[StatusFacts], today: datetime.date) -> list[dict]:
    """The rows of the cases shown (a page of `status_order`): the latest published report,
    its age and whether it is stale (old or missing)."""
    levels = {value: str(label) for value, label in StatusLevel.choices}
    rows = []
    for case in cases:
        age = days_since(case.reported_on, today)
        rows.append(
            {
                "case": case,
                "report_id": case.report_id,
                "reported_on": case.reported_on,
                "overall": case.overall or "",
                "overall_label": levels.get(case.overall, ""),
                "age": age,
                "stale": age is None or age > STALE_AFTER_DAYS,
            }
        )
    return rows


def pitfall_summary(pitfalls, labels: dict, *, top: int) -> dict:
    """The number of pitfall warnings, their count by type (most first) and the first `top`."""
    by_type = sorted(
        ((str(labels[code]), n) for code, n in pitfalls.count_by_code().items()),
        key=lambda item: (-item[1], norwegian_key(item[0])),
    )
    return {"count": len(pitfalls), "by_type": by_type, "top": pitfalls[:top] if top else []}
