"""The dashboard's reads of the matching cases and of its filters' lists, as SQL texts.

The page, its balance and status panels read one row per matching case (Oslo: 500), and the
page the lists its filters offer. Django took longer to build and compile these queries than
the database takes to run them (Oslo's page: ≈ 1.6 ms of ≈ 2.6 ms); written here, they cost
what running them costs. The texts are what the ORM wrote for the same reads (`filtered_cases`,
`member_users`, the ordering of the models), the same on SQLite and PostgreSQL, with every value
a parameter; `slik/portfolio/tests/test_dashboard_sql.py` compares them with the ORM's reads.

Every read is held to the organisation by its own condition (the case's, the floke's, the
membership's), as the ORM reads they replace were (`_in`).
"""

from __future__ import annotations

import datetime

from slik.accounts.models import User
from slik.cases.models import Case
from slik.cases.selectors import CURRENT_PHASE_SINCE
from slik.challenges.models import Challenge
from slik.core.compiled import sql_rows
from slik.core.seed import seed_text
from slik.organisations.models import Membership, Sector

from .. import breakdowns
from ..models import PortfolioSettings, StatusReport

CASES = f'"{Case._meta.db_table}"'
CASE_CHALLENGES = Case.challenges.through._meta.db_table
CHALLENGES = Challenge._meta.db_table
CHALLENGE_SECTORS = Challenge.sectors.through._meta.db_table
SECTORS = Sector._meta.db_table
USERS = User._meta.db_table
MEMBERSHIPS = Membership._meta.db_table
SETTINGS = PortfolioSettings._meta.db_table
REPORTS = StatusReport._meta.db_table

IN_CHALLENGE = (
    f"{CASES}.id IN (SELECT link.case_id FROM {CASE_CHALLENGES} link WHERE link.challenge_id = %s)"
)
IN_SECTOR = (
    f"{CASES}.id IN (SELECT link.case_id FROM {CASE_CHALLENGES} link"
    f" INNER JOIN {CHALLENGES} floke ON link.challenge_id = floke.id"
    f" INNER JOIN {CHALLENGE_SECTORS} floke_sector ON floke.id = floke_sector.challenge_id"
    " WHERE floke_sector.sector_id = %s)"
)


def case_condition(*, organisation, filters, details: bool) -> tuple[str, list]:
    """(the condition on the case table, its parameters): the cases `filtered_cases` gives."""
    where, params = [f"{CASES}.organisation_id = %s"], [organisation.pk]
    if not details:
        where.append(f"{CASES}.is_published = %s")
        params.append(True)
    if filters.phase:
        where.append(f"{CASES}.phase = %s")
        params.append(filters.phase)
    if filters.status:
        where.append(f"{CASES}.status = %s")
        params.append(filters.status)
    if filters.owner and details:
        where.append(f"{CASES}.owner_id = %s")
        params.append(filters.owner)
    if filters.challenge:
        where.append(IN_CHALLENGE)
        params.append(filters.challenge)
    if filters.sector:
        where.append(IN_SECTOR)
        params.append(filters.sector)
    return " AND ".join(where), params


def _date(value) -> datetime.date | None:
    # PostgreSQL gives a date; SQLite the text Django's converter would have parsed.
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _days(since, today: datetime.date) -> int | None:
    """`breakdowns.days_since` of a date column: PostgreSQL gives a date, SQLite the text
    Django's converter would have parsed."""
    if since is None:
        return None
    return (today - (datetime.date.fromisoformat(since) if isinstance(since, str) else since)).days


# The case's columns the page counts (`breakdowns.CaseFacts` without the innovation type and
# OECD facet: the balance is a panel that reads its own), and the start of its current phase.
# The budget has no decimals (whole kroner): read as an integer, not a Decimal quantized per
# row.
FACTS_SQL = (
    f"SELECT {CASES}.id, {CASES}.title, {CASES}.phase, {CASES}.status,"
    f" CAST({CASES}.budget AS bigint), {CASES}.hours, ({CURRENT_PHASE_SINCE})"
    f" FROM {CASES} WHERE {{where}}"
)


def case_facts(*, organisation, filters, details: bool, today: datetime.date) -> list:
    """One light row per matching case (`breakdowns.CaseFacts`, without the innovation type
    and OECD facet), in listing order. One query."""
    where, params = case_condition(organisation=organisation, filters=filters, details=details)
    facts = breakdowns.CaseFacts
    # The columns named, not unpacked with *: Oslo has 500 rows.
    return breakdowns.in_listing_order(
        [
            facts(pk, title, phase, status, None, None, kroner, hours, _days(since, today))
            for pk, title, phase, status, kroner, hours, since in sql_rows(
                FACTS_SQL.format(where=where), params
            )
        ]
    )


BALANCE_CASES_SQL = (
    f"SELECT {CASES}.id, {CASES}.title, {CASES}.status, {CASES}.innovation_type,"
    f" {CASES}.oecd_facet FROM {CASES} WHERE {{where}}"
)
BALANCE_LINKS_SQL = (
    f"SELECT link.case_id, link.challenge_id FROM {CASE_CHALLENGES} link"
    f" INNER JOIN {CASES} ON {CASES}.id = link.case_id WHERE {{where}}"
)
# The floker with their sectors (a row per sector; one with NULL for a floke without).
FLOKER_SQL = (
    f"SELECT floke.id, floke.title, floke.is_published, floke_sector.sector_id"
    f" FROM {CHALLENGES} floke LEFT OUTER JOIN {CHALLENGE_SECTORS} floke_sector"
    f" ON floke_sector.challenge_id = floke.id WHERE floke.{{where}}"
)
SECTOR_NAMES_SQL = f"SELECT sector.id, sector.name FROM {SECTORS} sector WHERE sector.{{where}}"


def _by_organisation_or_id(sql: str, organisation, wanted: set) -> list[tuple]:
    """The rows of `sql` (its condition on a floke's or sector's column left to fill) of the
    organisation's floker or sectors, and of any `wanted` one that is another organisation's
    (the forms never link one; the read is exact all the same)."""
    rows = sql_rows(sql.format(where="organisation_id = %s"), [organisation.pk])
    missing = sorted(wanted - {row[0] for row in rows})
    if missing:
        marks = ", ".join(["%s"] * len(missing))
        rows += sql_rows(sql.format(where=f"id IN ({marks})"), missing)
    return rows


def balance_facts(*, organisation, filters, details: bool) -> tuple[list, breakdowns.Groups]:
    """(what the balance counts of each matching case, in listing order; their floker
    (published ones only for politicians) and the floker's sectors). Four queries: the cases,
    their links to floker, the organisation's floker with their sectors and the names of its
    sectors. One query joining them all repeated a case's columns and a floke's title on each
    of its links and sectors (Oslo: 1 000 rows) and took longer than the four."""
    where, params = case_condition(organisation=organisation, filters=filters, details=details)
    cases = sql_rows(BALANCE_CASES_SQL.format(where=where), params)
    links = sql_rows(BALANCE_LINKS_SQL.format(where=where), params)
    floker: dict[int, tuple] = {}  # id → (title, published, sector ids)
    for pk, title, published, sector_id in _by_organisation_or_id(
        FLOKER_SQL, organisation, {challenge_id for _case, challenge_id in links}
    ):
        floke = floker.setdefault(pk, (title, published, set()))
        if sector_id is not None:
            floke[2].add(sector_id)
    groups = breakdowns.Groups({}, {}, {}, {})
    for case_id, challenge_id in links:
        title, published, sectors = floker[challenge_id]
        if details or published:
            # A case links a floke once (the link table's unique pair).
            groups.case_challenges.setdefault(case_id, []).append(challenge_id)
            groups.titles[challenge_id] = title
            if sectors:
                groups.challenge_sectors[challenge_id] = sectors
    in_sectors = set().union(*groups.challenge_sectors.values())
    # A sector's name in the reader's language, looked up once per sector.
    for pk, name in _by_organisation_or_id(SECTOR_NAMES_SQL, organisation, in_sectors):
        if pk in in_sectors:
            groups.sector_names[pk] = seed_text(name)
    make = breakdowns.CaseFacts._make
    facts = [
        make((pk, title, None, status, kind, facet, None, None, None))
        for pk, title, status, kind, facet in cases
    ]
    return breakdowns.in_listing_order(facts), groups


# The latest published report of the outer case, bound to its row (no scope of its own: the
# outer query holds the cases to the organisation).
LATEST_REPORT = (
    f"SELECT report.id FROM {REPORTS} report"
    f" WHERE report.case_id = {CASES}.id AND report.published_at IS NOT NULL"
    " ORDER BY report.reported_on DESC, report.published_at DESC, report.id DESC LIMIT 1"
)
LATEST_REPORTS_SQL = (
    f"SELECT {CASES}.id, {CASES}.title, latest.id, latest.reported_on, latest.overall"
    f" FROM {CASES} LEFT OUTER JOIN {REPORTS} latest"
    f" ON ({CASES}.id = latest.case_id AND latest.id = ({LATEST_REPORT}))"
    f" WHERE {{where}} AND NOT ({CASES}.status = %s)"
)


def latest_reports(*, organisation, filters, details: bool) -> list:
    """Every matching case that is not stopped with its latest published status report (its
    id, date and level; None without one), as `breakdowns.StatusFacts`. One query: the report
    is joined on its id, found by one correlated subquery per case."""
    where, params = case_condition(organisation=organisation, filters=filters, details=details)
    rows = sql_rows(LATEST_REPORTS_SQL.format(where=where), [*params, Case.Status.STOPPED.value])
    return [
        breakdowns.StatusFacts(pk, title, report_id, _date(reported_on), overall)
        for pk, title, report_id, reported_on, overall in rows
    ]


# The filters' lists, in the order of the models and of `filter_choices`.
SECTOR_CHOICES_SQL = (
    f"SELECT id, name FROM {SECTORS} WHERE organisation_id = %s"
    f' ORDER BY "{Sector._meta.get_field("order").column}", name'
)
CHALLENGE_CHOICES_SQL = (
    f"SELECT id, title FROM {CHALLENGES} WHERE organisation_id = %s{{published}} ORDER BY title"
)
# `member_users`: the organisation's members who are not politicians, by name.
OWNER_CHOICES_SQL = (
    f"SELECT id, full_name, email, anonymised_at FROM {USERS} WHERE id IN"
    f" (SELECT user_id FROM {MEMBERSHIPS} WHERE organisation_id = %s AND NOT (role = %s))"
    " ORDER BY full_name"
)


def sector_choices(organisation) -> list[tuple]:
    return sql_rows(SECTOR_CHOICES_SQL, [organisation.pk])


def challenge_choices(organisation, *, details: bool) -> list[tuple]:
    """The organisation's floker (published ones only for politicians) by title."""
    if details:
        return sql_rows(CHALLENGE_CHOICES_SQL.format(published=""), [organisation.pk])
    sql = CHALLENGE_CHOICES_SQL.format(published=" AND is_published = %s")
    return sql_rows(sql, [organisation.pk, True])


def owner_rows(organisation) -> list[tuple]:
    """(id, full name, email, anonymised at) of the members who may own a case, by name
    (anonymised at as the database gives it: only whether it is set is read)."""
    return sql_rows(OWNER_CHOICES_SQL, [organisation.pk, Membership.Role.POLITICIAN.value])


def setting(organisation, name: str):
    """One of the organisation's portfolio settings, or its default while none are saved."""
    field = PortfolioSettings._meta.get_field(name)
    sql = f'SELECT "{field.column}" FROM {SETTINGS} WHERE organisation_id = %s'
    for (value,) in sql_rows(sql, [organisation.pk]):
        return value
    return field.get_default()
