"""Filter choices read by a query compiled once (slik.core.compiled), e.g. the floke and case
lists' owner and floke filters.

A `ModelChoiceField` needs its queryset built on every page, though only a chosen value is ever
looked up in it; building the owner and floke querysets and compiling their option queries cost
more than the lists' own query. Here the options come from a compiled read and the queryset is
built only when a value is sent.
"""

from django.forms.models import ModelChoiceIterator
from django_scopes import get_scope, scope

from .filters import IdChoiceField


class ReadChoices(ModelChoiceIterator):
    """The options from the field's `choice_rows()`, (pk, *columns) tuples of a read compiled
    once (selectors), each labelled by `choice_label(*columns)`."""

    def __init__(self, field):
        # Not the field's queryset: asking for it would build it.
        self.field = field

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for pk, *columns in self.field.choice_rows():
            yield pk, self.field.choice_label(*columns)


class ReadChoiceField(IdChoiceField):
    """Options from `choice_rows()` (`ReadChoices`); the queryset that validates a chosen value
    is `chosen_in()`, built the first time it is asked for (a value is sent)."""

    iterator = ReadChoices
    chosen_in = None

    def __init__(self, *args, choice_label, **kwargs):
        self.choice_label = choice_label
        super().__init__(*args, queryset=None, **kwargs)

    def read_from(self, choice_rows, chosen_in) -> None:
        self.choice_rows, self.chosen_in = choice_rows, chosen_in
        # Built later in the tenant scope of now, as it was when built here.
        self._scope = dict(get_scope())
        # The widget's options still name the field this one was copied from.
        self.widget.choices = self.choices

    def _get_queryset(self):
        if self._queryset is None and self.chosen_in is not None:
            with scope(**self._scope):
                self._queryset = self.chosen_in().all()
        return self._queryset

    queryset = property(_get_queryset, IdChoiceField._set_queryset)
