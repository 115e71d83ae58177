"""The mechanics of anonymising an account (the service is `services.user_anonymise`).

SLIK copies a person's name and e-mail into other rows: the audit log (`data={"user": email}`,
a changed owner's name in `changes`, a membership's `object_repr`), and people type names into
decided-by fields, meeting participants, RACI rows and comments. All of these are found without
naming the apps: every text and JSON column of every table is searched for the e-mail and every
name the account has had, and each whole-word match is replaced – a name by "Deleted user", the
e-mail by the account's new placeholder address, which stays unique per account (sign-in logs
are unique per e-mail and address).
"""

from __future__ import annotations

import re

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import connection, models
from django.db.models import Q

from slik.core.models import AuditEvent

# Rows that hold no copied text, or are handled on their own (sessions are deleted).
NOT_SEARCHED = {"sessions.Session", "contenttypes.ContentType", "auth.Permission"}
TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)
# Shorter names would replace ordinary words ("Bo", "Ea"); full names are longer.
MIN_TERM = 3


def personal_names(user) -> set[str]:
    """Every full name the account has had (earlier ones are in the profile history)."""
    names = {user.full_name}
    changes = AuditEvent.objects.with_scopes_disabled().filter(
        action="user.profile.updated",
        content_type=ContentType.objects.get_for_model(user),
        object_id=user.pk,
    )
    for change in changes.values_list("changes", flat=True):
        names.update(value for value in change.get("full_name", []) if isinstance(value, str))
    return names


class Scrubber:
    """Replaces terms (whole words, any case) by their replacements in text and JSON values.

    A Norwegian genitive `s` after a name stays as it was ("Kari Nordmanns sak").
    """

    def __init__(self, replacements: dict[str, str]):
        self.replacements = {
            term.strip().casefold(): replacement
            for term, replacement in replacements.items()
            if term and len(term.strip()) >= MIN_TERM
        }
        # Longest first, so that a full name wins over a shorter earlier one inside it.
        terms = sorted(self.replacements, key=len, reverse=True)
        alternatives = "|".join(re.escape(term) for term in terms)
        self.pattern = re.compile(
            rf"(?<![\w.@+-])(?:{alternatives})(?=(?:'?s)?(?![\w@]|\.\w))", re.IGNORECASE
        )

    def __bool__(self) -> bool:
        return bool(self.replacements)

    def _replace(self, match: re.Match) -> str:
        return self.replacements[match.group(0).casefold()]

    def value(self, value):
        if isinstance(value, str):
            return self.pattern.sub(self._replace, value)
        if isinstance(value, dict):
            return {self.value(key): self.value(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.value(item) for item in value]
        return value

    def candidates(self, fields) -> Q:
        """A cheap filter for rows that may hold a term; `value` decides. SQLite's LIKE folds
        only ASCII letters (Ø is not ø) and its JSON keeps them escaped, so there every row is
        read – SQLite installations are the small ones."""
        if connection.vendor == "sqlite":
            return Q()
        condition = Q()
        for field in fields:
            for term in self.replacements:
                condition |= Q(**{f"{field.attname}__icontains": term})
        return condition


def _scrub_model(model, fields, scrubber: Scrubber) -> int:
    changed = 0
    for obj in model._base_manager.filter(scrubber.candidates(fields)).iterator(chunk_size=500):
        updates = {}
        for field in fields:
            old = getattr(obj, field.attname)
            new = scrubber.value(old)
            if new != old:
                limit = getattr(field, "max_length", None)
                updates[field.attname] = new[:limit] if limit and isinstance(new, str) else new
        if updates:
            # An update, not save(): no "changed at" moves, no model logic runs.
            model._base_manager.filter(pk=obj.pk).update(**updates)
            changed += 1
    return changed


def scrub_everywhere(*, user, replacements: dict[str, str]) -> int:
    """Replace each term in every text of every table except the account's own; rows changed."""
    scrubber = Scrubber(replacements)
    if not scrubber:
        return 0
    changed = 0
    for model in apps.get_models():
        if model is type(user) or model._meta.label in NOT_SEARCHED:
            continue
        fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, TEXT_FIELDS) and not f.choices and not f.primary_key
        ]
        if fields:
            changed += _scrub_model(model, fields, scrubber)
    return changed


def delete_personal_rows(user) -> None:
    """Rows that exist for the person alone and go with the account: in SLIK's apps, those
    whose foreign key to the account cascades (memberships, calendar tokens). Found over
    `_meta`, so a new app's personal rows go too."""
    for relation in type(user)._meta.related_objects:
        model = relation.related_model
        if relation.on_delete is models.CASCADE and model.__module__.startswith("slik."):
            model._base_manager.filter(**{relation.field.name: user}).delete()


def delete_sessions(user) -> None:
    mine = [
        session.pk
        for session in Session.objects.iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    Session.objects.filter(pk__in=mine).delete()
