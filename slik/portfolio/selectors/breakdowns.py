"""Pure aggregation of the dashboard's case rows (no queries here)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from slik.cases.models import Case, InnovationType, OecdFacet, Phase

from ..models import StatusLevel
from .status import STALE_AFTER_DAYS

CASES_PER_ROW = 10
STATUS_ORDER = {Case.Status.ACTIVE: 0, Case.Status.POSTPONED: 1, Case.Status.STOPPED: 2}


@dataclass
class Groups:
    case_challenges: dict[int, list[int]]
    titles: dict[int, str]
    challenge_sectors: dict[int, set[int]]
    sector_names: dict[int, str]

    def challenges_of(self, case) -> list[int]:
        return self.case_challenges.get(case.pk, [])

    def sectors_of(self, case) -> set[int]:
        found: set[int] = set()
        for challenge_id in self.challenges_of(case):
            found |= self.challenge_sectors.get(challenge_id, set())
        return found


def add_days(cases, today) -> None:
    for case in cases:
        since = case.current_since
        case.days_in_phase = (today - since).days if since else None


def _row(key, label, cases, **extra) -> dict:
    ordered = sorted(cases, key=lambda c: (STATUS_ORDER.get(c.status, 3), c.title.lower()))
    return {
        "key": key,
        "label": str(label),
        "count": len(cases),
        "cases": ordered[:CASES_PER_ROW],
        "more": max(len(cases) - CASES_PER_ROW, 0),
        **extra,
    }


def funnel(cases) -> list[dict]:
    rows = []
    for value, label in Phase.choices:
        in_phase = [c for c in cases if c.phase == value]
        counts = {status: 0 for status in Case.Status.values}
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


def _group(cases, keys_of, labels: dict, *, none_label: str, order=None) -> list[dict]:
    members: dict[object, list] = {}
    for case in cases:
        keys = keys_of(case) or [""]
        for key in keys:
            members.setdefault(key, []).append(case)
    if order is None:
        order = sorted((k for k in members if k != ""), key=lambda k: str(labels.get(k, k)).lower())
        order += [""] if "" in members else []
    return [
        _row(key, labels.get(key, none_label) if key != "" else none_label, members.get(key, []))
        for key in order
        if key in members or key != ""
    ]


def balance(cases, groups: Groups) -> dict[str, list[dict]]:
    facets = dict(OecdFacet.choices)
    return {
        "challenge": _group(cases, groups.challenges_of, groups.titles, none_label=_("No floke")),
        "sector": _group(cases, groups.sectors_of, groups.sector_names, none_label=_("No sector")),
        "innovation_type": _group(
            cases,
            lambda c: [c.innovation_type],
            dict(InnovationType.choices),
            none_label=_("Not given"),
            order=list(InnovationType.values),
        ),
        "oecd_facet": _group(
            cases,
            lambda c: [c.oecd_facet] if c.oecd_facet else [],
            facets,
            none_label=_("Not given"),
            order=[*OecdFacet.values, ""],
        ),
    }


def resources(cases) -> list[dict]:
    rows = []
    for value, label in Phase.choices:
        in_phase = [c for c in cases if c.phase == value]
        budget = sum((c.budget or Decimal(0) for c in in_phase), Decimal(0))
        hours = sum(c.hours or 0 for c in in_phase)
        rows.append(_row(value, label, in_phase, budget=budget, hours=hours))
    return rows


def stuck(cases, limit_days: int) -> list:
    """Running cases (not stopped, not yet in New practice) longer than the limit in a phase."""
    found = [
        c
        for c in cases
        if c.status != Case.Status.STOPPED
        and c.phase < Phase.NY_PRAKSIS
        and c.days_in_phase is not None
        and c.days_in_phase > limit_days
    ]
    return sorted(found, key=lambda c: (-c.days_in_phase, c.title.lower()))


def status_rows(cases, today) -> list[dict]:
    """The latest published status report of every case that is not stopped; missing and
    oldest reports first."""
    levels = dict(StatusLevel.choices)
    rows = []
    for case in cases:
        if case.status == Case.Status.STOPPED:
            continue
        reported_on = case.status_reported_on
        age = (today - reported_on).days if reported_on else None
        rows.append(
            {
                "case": case,
                "report_id": case.status_report_id,
                "reported_on": reported_on,
                "overall": case.status_overall or "",
                "overall_label": str(levels.get(case.status_overall, "")),
                "age": age,
                "stale": age is None or age > STALE_AFTER_DAYS,
            }
        )
    rows.sort(key=lambda r: (r["age"] is not None, -(r["age"] or 0), r["case"].title.lower()))
    return rows
