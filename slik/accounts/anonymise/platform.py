"""The platform's rows keyed to the person, outside any organisation's data.

Audit events they did or that are about their account (or whose text names their e-mail: a
membership event in an organisation they left), the sign-in logs under their e-mail (axes),
queued tasks given their e-mail, the Django admin's log of and by them, and any e-mail column
that holds exactly their address (an invitation). Sessions and the rows that exist for the
person alone are deleted instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import models
from django.db.models import Q

from slik.core.models import AuditEvent


def _audit_events(user) -> models.QuerySet:
    email = user.email
    about = Q(content_type=ContentType.objects.get_for_model(user), object_id=user.pk)
    naming = Q(data__icontains=email) | Q(changes__icontains=email)
    return AuditEvent._base_manager.filter(
        Q(actor=user) | about | naming | Q(object_repr__icontains=email)
    )


def _task_rows(email: str) -> Iterator[models.QuerySet]:
    # The database task backend is optional (the test settings run tasks immediately).
    try:
        model = apps.get_model("django_tasks_database", "DBTaskResult")
    except LookupError:
        return
    yield model._base_manager.filter(
        Q(args_kwargs__icontains=email) | Q(return_value__icontains=email)
    )


def _email_columns(user) -> Iterator[models.QuerySet]:
    for model in apps.get_models():
        if model is type(user):
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.EmailField):
                yield model._base_manager.filter(**{f"{field.name}__iexact": user.email})


def platform_rows(user) -> Iterator[models.QuerySet]:
    yield _audit_events(user)
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        yield model._base_manager.filter(username__iexact=user.email)
    yield from _task_rows(user.email)
    about = Q(content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk))
    yield LogEntry.objects.filter(Q(user=user) | about)
    yield from _email_columns(user)


def session_keys(user) -> list[str]:
    """The person's sessions (read in the scan; deleted with the account)."""
    return [
        session.pk
        for session in Session.objects.iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]


def delete_personal_rows(user) -> None:
    """Rows that exist for the person alone and go with the account: in SLIK's apps, those
    whose foreign key to the account cascades (memberships, calendar tokens). Found over
    `_meta`, so a new app's personal rows go too."""
    for relation in type(user)._meta.related_objects:
        model = relation.related_model
        if relation.on_delete is models.CASCADE and model.__module__.startswith("slik."):
            model._base_manager.filter(**{relation.field.name: user}).delete()
