"""What is scrubbed: the person's e-mail, and the names they have had that are safe to look for.

The e-mail is unique, so it is always replaced. A name is replaced only when it has at least two
words and is matched as whole words: a single-word name ("Solveig", or a user who once called
themselves "Råde") is too likely to be an ordinary word or a place name, so it stays in free
text. Names that are an organisation's name are never treated as a person's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.db.models import Q

from slik.core.models import AuditEvent


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


def scrubbable_names(names: Iterable[str], reserved: Iterable[str]) -> set[str]:
    """The names to look for: two words or more, spaces normalised, none of `reserved`."""
    reserved = {" ".join(name.split()).casefold() for name in reserved}
    normalised = {" ".join(name.split()) for name in names if name}
    return {
        name for name in normalised if len(name.split()) >= 2 and name.casefold() not in reserved
    }


class Scrubber:
    """Replaces the e-mail and names (whole words, any case) in text and JSON values.

    A Norwegian genitive `s` after a name stays as it was ("Kari Nordmanns sak"). An e-mail
    field is replaced only when it holds exactly the person's address: other people's addresses
    in the same rows are never touched.
    """

    def __init__(self, *, email: str, new_email: str, names: Iterable[str], placeholder: str):
        self.email, self.new_email = email.casefold(), new_email
        self.replacements = {name.casefold(): placeholder for name in names}
        self.replacements[self.email] = new_email
        # Longest first, so that a full name wins over a shorter earlier one inside it.
        terms = sorted(self.replacements, key=len, reverse=True)
        alternatives = "|".join(re.escape(term) for term in terms)
        self.pattern = re.compile(
            rf"(?<![\w.@+-])(?:{alternatives})(?=(?:'?s)?(?![\w@]|\.\w))", re.IGNORECASE
        )

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

    def field_value(self, field: models.Field, value):
        """`value` of `field` scrubbed, cut to the column's length."""
        if isinstance(field, models.EmailField):
            mine = isinstance(value, str) and value.strip().casefold() == self.email
            return self.new_email if mine else value
        new = self.value(value)
        limit = getattr(field, "max_length", None)
        return new[:limit] if limit and isinstance(new, str) else new

    def candidates(self, fields) -> Q:
        """A cheap filter for rows that may hold a term; `field_value` decides. SQLite's LIKE
        folds only ASCII letters (Ø is not ø) and its JSON keeps them escaped, so there every
        row in scope is read – SQLite installations are the small ones."""
        if connection.vendor == "sqlite":
            return Q()
        condition = Q()
        for field in fields:
            for term in self.replacements:
                condition |= Q(**{f"{field.attname}__icontains": term})
        return condition
