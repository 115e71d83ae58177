"""The overview's latest activity, read compiled once (slik/core/compiled.py), is what the
queryset gave: the same ten events in the same order, the same fields, the actor or none."""

from django.contrib.contenttypes.models import ContentType
from django_scopes import scope

from slik.core.models import AuditEvent
from slik.organisations import selectors
from slik.organisations.models import Organisation


def test_recent_events_are_the_querysets(org, other_org, coordinator, politician):
    kind = ContentType.objects.get_for_model(Organisation)
    for n in range(12):
        AuditEvent.objects.create(
            organisation=org,
            actor=coordinator if n % 2 else None,
            action="organisation.updated",
            content_type=kind,
            object_id=org.pk,
            object_repr=f"Hendelse {n}",
        )
    AuditEvent.objects.create(
        organisation=other_org, action="x", content_type=kind, object_id=1, object_repr="Utenfor"
    )
    with scope(organisation=org.pk):
        events = selectors.recent_events(organisation=org, actor=coordinator)
        expected = list(
            AuditEvent.objects.filter(organisation=org)
            .select_related("actor")
            .order_by("-created_at", "-id")[: selectors.RECENT_EVENTS]
        )
        assert selectors.recent_events(organisation=org, actor=politician) == []
    shown = ("pk", "created_at", "action", "object_repr", "actor")
    assert [tuple(getattr(e, name) for name in shown) for e in events] == [
        tuple(getattr(e, name) for name in shown) for e in expected
    ]
    assert [str(e.actor) for e in events if e.actor] == [str(e.actor) for e in expected if e.actor]
    assert len(events) == 10
