"""The personal calendar address: made on first use, renewed on request (audited)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from slik.core.audit import audit_log

from ..models import CalendarToken
from ..models.calendar import new_calendar_token


def calendar_token_ensure(*, user) -> CalendarToken:
    """The user's secret calendar address, made the first time they open the calendar page."""
    token, _created = CalendarToken.objects.get_or_create(user=user)
    return token


@transaction.atomic
def calendar_token_regenerate(*, actor) -> CalendarToken:
    """A new secret address; the old one stops working at once."""
    token, created = CalendarToken.objects.select_for_update().get_or_create(user=actor)
    if not created:
        token.token = new_calendar_token()
        token.created_at = timezone.now()
        token.save(update_fields=["token", "created_at"])
    audit_log(actor=actor, action="calendar_token.regenerated", obj=token, organisation=None)
    return token
