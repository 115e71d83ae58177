"""The history on an object's page reads as text in the user's language: fields named as the
object's model names them, dates and numbers the Norwegian way, the record an event is about
named rather than listed field by field, and identical lines in a row told once with a count."""

import datetime

from django.template.loader import render_to_string
from django.utils import translation
from django_scopes import scope

from slik.core.audit import audit_log, history_for
from slik.portfolio.services import goals as goal_services
from slik.portfolio.tests.factories import CommissionFactory


def _history_html(obj):
    return render_to_string("includes/history.html", {"events": history_for(obj)})


def test_commission_text_is_named_as_the_commission_names_it(org, leader):
    commission = CommissionFactory(organisation=org, actor=leader)
    with scope(organisation=org.pk), translation.override("en"):
        goal_services.commission_update(
            actor=leader,
            commission=commission,
            decided_on=datetime.date(2025, 3, 5),
            text="Kommunestyret ber om en ny plan.",
        )
        html = _history_html(commission)
    assert "Text of the decision" in html
    assert "Step" not in html
    # Dates as the rest of the page writes them, not as the log stores them.
    assert "13.02.2025" in html and "05.03.2025" in html
    assert "2025-03-05" not in html


def test_numbers_are_grouped_with_decimal_comma(org, coordinator):
    with scope(organisation=org.pk):
        audit_log(
            actor=coordinator,
            action="sector.changed",
            obj=org,
            organisation=org,
            before={"population": 4500},
            after={"population": "12345.6800"},
        )
        html = _history_html(org)
    assert "4\u00a0500" in html
    assert "12\u00a0345,68" in html
    assert "12345.6800" not in html


def test_record_added_to_a_case_is_named_not_listed_by_field(org, coordinator):
    with scope(organisation=org.pk), translation.override("nb"):
        audit_log(
            actor=coordinator,
            action="sector.added",
            obj=org,
            organisation=org,
            after={"user": "Geir Olsen", "role": "Pårørende"},
            data={"record": "Geir Olsen (Pårørende)"},
        )
        html = _history_html(org)
    assert "«Geir Olsen (Pårørende)»" in html
    assert "User" not in html and "Bruker" not in html


def test_identical_lines_in_a_row_are_told_once_with_a_count(org, coordinator):
    with scope(organisation=org.pk), translation.override("en"):
        audit_log(
            actor=coordinator,
            action="sector.added",
            obj=org,
            organisation=org,
            after={"name": "Helse"},
        )
        for _ in range(11):
            audit_log(actor=coordinator, action="benefit_map.edge.added", obj=org, organisation=org)
        entries = history_for(org)
        html = _history_html(org)
    assert [(e.action, e.count) for e in entries] == [
        ("benefit_map.edge.added", 11),
        ("sector.added", 1),
    ]
    assert html.count("Benefit map: link added") == 1
    assert "(11 times)" in html
