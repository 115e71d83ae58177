"""Forms of board meetings: the meeting, the agenda and the decision on one case."""

from django import forms
from django.utils.translation import gettext_lazy as _

from slik.cases.models import Case
from slik.core.choices import PlainSelect, RowChoiceField
from slik.core.concurrency import LoadedCharField, LoadedIntegerField, VersionedFormMixin
from slik.core.forms import DateInput, DsForm, DsModelForm
from slik.core.plain import PlainFieldsMixin, PlainTextInput

from ..models import AgendaItem, BoardMeeting


class BoardFilterForm(PlainFieldsMixin, DsForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200, widget=PlainTextInput)
    closed = forms.ChoiceField(
        label=_("Minutes"),
        required=False,
        choices=[("", _("All")), ("open", _("Not approved")), ("closed", _("Approved"))],
        widget=PlainSelect,
    )


class BoardMeetingForm(VersionedFormMixin, DsModelForm):
    class Meta:
        model = BoardMeeting
        fields = ["title", "held_on", "participants", "notes"]
        widgets = {"held_on": DateInput()}
        help_texts = {
            "participants": _("One name and role per line."),
            "notes": _("Markdown is allowed: **bold**, lists, links."),
        }


class AgendaAddForm(PlainFieldsMixin, DsForm):
    case = RowChoiceField(label=_("Innovation case"), queryset=Case.objects.none())

    def __init__(self, *args, candidates=None, shown=None, **kwargs):
        """`candidates`: the cases a submitted choice is checked against. A form that is only
        shown gets `shown` instead: the (id, title) rows of the same cases, which the meeting
        page reads with its agenda (building the queryset alone cost ≈ 0.5 ms)."""
        super().__init__(*args, **kwargs)
        field = self.fields["case"]
        if candidates is not None:
            field.queryset = candidates
        if shown is not None:
            field.choices = [("", field.empty_label), *shown]


class AgendaDecisionForm(DsForm):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=AgendaItem.Decision.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea,
        help_text=_(
            "The basis and any conditions; it goes into the case's decision log. Required "
            "when the board stops the case: it is the reason."
        ),
    )
    confirm_warnings = forms.BooleanField(
        label=_("The board has considered the warnings shown above"), required=False
    )
    override_reason = forms.CharField(
        label=_("Reason for going on without recorded insight"),
        required=False,
        widget=forms.Textarea,
        help_text=_("Needed only when the case has no recorded insight (needs first)."),
    )
    # The case's state the checks above were shown for; a decision on a case that has moved
    # on since is refused.
    expected_phase = LoadedIntegerField()
    expected_status = LoadedCharField()

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.update(expected_phase=case.phase, expected_status=case.status)
