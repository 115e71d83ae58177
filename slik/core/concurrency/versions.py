"""The row side of optimistic locking: the `version` every edited model carries, the row lock a
service takes before it decides, and the refusals it raises (`EditConflict`, `StaleState`)."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_scopes import scopes_disabled

CONFLICT_STATUS = 409


class Versioned(models.Model):
    """A model whose edit forms are checked for lost updates."""

    version = models.PositiveIntegerField(gettext_lazy("version"), default=1, editable=False)

    class Meta:
        abstract = True


class StaleState(ValidationError):
    """The action was chosen for a state the object has since left."""

    def __init__(self, message, code: str = "stale"):
        super().__init__(message, code=code)


class EditConflict(StaleState):
    """Someone saved the object after the form was loaded; `current` is the object as saved."""

    def __init__(self, current: models.Model):
        super().__init__(
            _("Someone else saved this while you were editing. Nothing of yours is saved yet."),
            code="conflict",
        )
        self.current = current


def lock(obj: models.Model) -> models.Model:
    """Reload `obj` in place from its row, locked until the transaction ends.

    Decisions made on a copy read before the lock (a phase, a status, "already published?")
    would race; everything a service checks must come from the locked row.
    """
    obj.refresh_from_db(from_queryset=type(obj)._base_manager.select_for_update())
    return obj


def lock_version(obj: Versioned, version: int | None) -> Versioned:
    """Lock `obj`'s row and refuse when it was saved since `version` was loaded.

    A write without a version (the demo loader, a script) is not checked; every edit form
    sends one, and a form that lost it sends -1 (`LoadedIntegerField`), which is refused.
    """
    lock(obj)
    if version is not None and obj.version != version:
        raise EditConflict(obj)
    return obj


def save_versioned(obj: Versioned, fields: Iterable[str]) -> None:
    """Save only `fields` of the locked row, one version up.

    Never a plain `save()`: it would write back every field of the instance, including ones
    another transaction changed (a case's phase after a gate decision).
    """
    obj.version += 1
    names = [*dict.fromkeys(fields), "version"]
    if any(f.name == "updated_at" for f in obj._meta.concrete_fields):
        names.append("updated_at")
    obj.save(update_fields=names)


def bump_version(queryset) -> int:
    """Mark rows changed outside their edit form (a bulk update), so open forms see it."""
    return queryset.update(version=models.F("version") + 1)


def subject_of(obj: models.Model) -> dict:
    """Audit data naming the changed object when the event is logged against another one
    (a hypothesis's change appears in its case's history)."""
    return {"subject": f"{obj._meta.label_lower}:{obj.pk}"}


def last_change(obj: models.Model):
    """The latest audit event that created or changed `obj`: who saved it last, and when."""
    from ..models import AuditEvent

    own = Q(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        data__subject__isnull=True,
    )
    subject = Q(data__subject=subject_of(obj)["subject"])
    # The object was fetched inside its tenant; the event is looked up by its identity.
    with scopes_disabled():
        return (
            AuditEvent.objects.filter(own | subject)
            .filter(Q(action__endswith=".changed") | Q(action__endswith=".created"))
            .select_related("actor")
            .order_by("-created_at", "-id")
            .first()
        )
