from django.db import transaction

from slik.core.audit import audit_log, snapshot

from .models import User

PROFILE_FIELDS = ("full_name", "language")


@transaction.atomic
def user_update_profile(*, actor: User, full_name: str, language: str) -> User:
    before = snapshot(actor, PROFILE_FIELDS)
    actor.full_name = full_name
    actor.language = language
    actor.save(update_fields=["full_name", "language"])
    audit_log(
        actor=actor,
        action="user.profile.updated",
        obj=actor,
        organisation=None,
        before=before,
        after=snapshot(actor, PROFILE_FIELDS),
    )
    return actor
