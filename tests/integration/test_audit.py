import datetime
import decimal

from django_scopes import scope

from slik.core.audit import action_label, audit_log, diff, history_for, register_actions, snapshot
from slik.core.models import AuditEvent
from slik.organisations.models import Membership


def test_diff_lists_only_changed_keys():
    assert diff({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": 4}) == {"b": [2, 3], "c": [None, 4]}
    assert diff({}, {}) == {}


def test_snapshot_uses_display_values_and_plain_types(employee, org):
    membership = Membership.objects.get(user=employee)
    snap = snapshot(membership, ("role", "title", "organisation", "created_at"))
    assert snap["role"] == membership.get_role_display()
    assert snap["organisation"] == "Hvaler"
    assert isinstance(snap["created_at"], str)


def test_plain_values_are_json_safe(coordinator, org):
    class Thing:
        pk = org.pk

    event = audit_log(
        actor=coordinator,
        action="test.done",
        obj=org,
        organisation=org,
        data={"when": datetime.date(2024, 1, 1), "amount": decimal.Decimal("1.5"), "xs": (1, 2)},
    )
    event.refresh_from_db()
    assert event.data == {"when": "2024-01-01", "amount": "1.5", "xs": [1, 2]}


def test_audit_log_records_actor_changes_and_object(coordinator, org):
    event = audit_log(
        actor=coordinator,
        action="test.changed",
        obj=org,
        organisation=org,
        before={"name": "A"},
        after={"name": "B"},
    )
    assert event.actor == coordinator
    assert event.changes == {"name": ["A", "B"]}
    assert event.object_repr == "Hvaler"


def test_anonymous_actor_is_stored_as_none(org):
    from django.contrib.auth.models import AnonymousUser

    event = audit_log(actor=AnonymousUser(), action="test.x", obj=org, organisation=org)
    assert event.actor is None


def test_history_is_newest_first_and_per_object(coordinator, org, other_org):
    for n in range(3):
        audit_log(actor=coordinator, action=f"test.{n}", obj=org, organisation=org)
    audit_log(actor=None, action="test.other", obj=other_org, organisation=other_org)
    with scope(organisation=org.pk):
        actions = [e.action for e in history_for(org)]
    assert actions == ["test.2", "test.1", "test.0"]


def test_audit_events_are_scoped(coordinator, org, other_org):
    audit_log(actor=None, action="test.other", obj=other_org, organisation=other_org)
    with scope(organisation=org.pk):
        assert not AuditEvent.objects.filter(action="test.other").exists()


def test_registered_labels():
    register_actions({"test.labelled": "Merket"})
    assert action_label("test.labelled") == "Merket"
    assert action_label("test.unknown") == "test.unknown"
    assert action_label("membership.added") != "membership.added"
