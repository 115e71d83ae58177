"""The dashboard's rows list names in Norwegian alphabetical order: Æ, Ø, Å after Z, Å last."""

import datetime
from decimal import Decimal

from slik.cases.models import Case, InnovationType, Phase
from slik.portfolio import breakdowns

TITLES = ["Åpen barnehage", "Østre skole", "Zonevis renhold", "Ærlig tale", "Avlastning"]
NORWEGIAN = ["Avlastning", "Zonevis renhold", "Ærlig tale", "Østre skole", "Åpen barnehage"]


def _facts(pk, title, *, days=100):
    return breakdowns.CaseFacts(
        pk=pk,
        title=title,
        phase=Phase.INNSIKT,
        status=Case.Status.ACTIVE,
        innovation_type=InnovationType.values[0],
        oecd_facet="",
        budget=Decimal(0),
        hours=None,
        days_in_phase=days,
    )


def test_cases_listed_in_norwegian_order():
    cases = [_facts(i, title) for i, title in enumerate(TITLES, 1)]
    assert [c.title for c in breakdowns.in_listing_order(cases)] == NORWEGIAN
    assert [c.title for c in breakdowns.stuck(cases, 30)] == NORWEGIAN


def test_floke_and_sector_rows_in_norwegian_order():
    cases = [_facts(i, f"Case {i}") for i in range(1, 6)]
    groups = breakdowns.Groups({}, {}, {}, {})
    for case, name in zip(cases, TITLES, strict=True):
        groups.add_link(case.pk, case.pk, name)
        groups.add_sector(case.pk, case.pk, name)
    rows = breakdowns.balance(breakdowns.in_listing_order(cases), groups)
    assert [row["label"] for row in rows["challenge"]] == NORWEGIAN
    assert [row["label"] for row in rows["sector"]] == NORWEGIAN


def test_status_rows_in_norwegian_order():
    cases = [breakdowns.StatusFacts(i, t, None, None, None) for i, t in enumerate(TITLES, 1)]
    rows = breakdowns.status_rows(cases, datetime.date(2026, 11, 29))
    assert [row["case"].title for row in rows] == NORWEGIAN
