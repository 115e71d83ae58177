"""People as rows: a person's name as `str(user)` writes it, from the columns, without a `User`
instance per row (the floke and case lists and their owner filters)."""

from types import SimpleNamespace

from django.forms.models import ModelChoiceIterator

from .models import User

# The columns `user_label` reads, for `values_list(*USER_LABEL_FIELDS)` (prefixed on a join).
USER_LABEL_FIELDS = ("full_name", "email", "anonymised_at")


def user_label(full_name, email, anonymised_at) -> str:
    """What `str(user)` writes, from the columns of `USER_LABEL_FIELDS`."""
    names = SimpleNamespace(full_name=full_name, email=email, anonymised_at=anonymised_at)
    return str(User.__str__(names))


class PeopleChoices(ModelChoiceIterator):
    """A choice per person, `(pk, field.person_label(full_name, email, anonymised_at))`, read
    as rows in one query instead of a `User` per choice (validation still gets the user)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        rows = self.queryset.values_list("pk", *USER_LABEL_FIELDS)
        for pk, *names in rows.iterator():
            yield pk, self.field.person_label(*names)
