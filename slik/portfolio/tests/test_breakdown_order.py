"""The dashboard's rows list names in Norwegian alphabetical order: Æ, Ø, Å after Z, Å last."""

import datetime
import itertools
import random
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


def test_listing_order_is_status_then_title_with_ties_as_given():
    """`in_listing_order` (two stable sorts) gives the order of `listing_order`: status, then
    title; cases that tie on both (case-insensitive titles) keep the order they came in."""
    statuses = [Case.Status.STOPPED, Case.Status.ACTIVE, Case.Status.POSTPONED, "unknown"]
    titles = [*TITLES, "avlastning", "AVLASTNING", "Zonevis renhold", ""]
    cases = [
        _facts(pk, title)._replace(status=status)
        for pk, (title, status) in enumerate(itertools.product(titles, statuses), 1)
    ]
    random.Random(8).shuffle(cases)
    assert breakdowns.in_listing_order(cases) == sorted(cases, key=breakdowns.listing_order)


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
    ordered = breakdowns.status_order(cases, datetime.date(2026, 11, 29))
    assert [case.title for case in ordered] == NORWEGIAN


def test_status_rows_missing_then_oldest_first():
    today = datetime.date(2026, 11, 29)
    cases = [
        breakdowns.StatusFacts(1, "Ny", 1, today, "on_plan"),
        breakdowns.StatusFacts(2, "Gammel", 2, datetime.date(2025, 1, 1), "delayed"),
        breakdowns.StatusFacts(3, "Uten", None, None, None),
    ]
    rows = breakdowns.status_rows(breakdowns.status_order(cases, today), today)
    assert [(row["case"].title, row["age"], row["stale"]) for row in rows] == [
        ("Uten", None, True),
        ("Gammel", (today - datetime.date(2025, 1, 1)).days, True),
        ("Ny", 0, False),
    ]


def test_the_ascii_shortcut_of_the_norwegian_key_changes_no_key():
    """`norwegian_key` returns an ASCII title's casefold() at once: the same key as moving the
    Norwegian letters, for every title."""
    from slik.core.sorting import _ORDER, norwegian_key

    def moved(text):
        text = (text or "").casefold()
        for letter, replacement in _ORDER.items():
            text = text.replace(letter, replacement)
        return text

    titles = [*TITLES, "", None, "ABC def", "Straße", "İstanbul", "Ärlig Öl", "ǅemal", "a\u0301"]
    for title in titles:
        assert norwegian_key(title) == moved(title), title
