"""The dashboard's filters. Choices come from lists the view already read."""

from django import forms
from django.utils.translation import gettext_lazy as _

from slik.cases.models import Case, Phase
from slik.core.choices import PlainSelect
from slik.core.forms import DsForm

from ..selectors.dashboard import DashboardFilters


def _with_all(choices) -> list:
    return [("", _("All"))] + [(str(value), label) for value, label in choices]


class DashboardFilterForm(DsForm):
    """Filters of the dashboard. Choices come from lists the view already read, so validation
    costs no queries; an invalid value is dropped, never an error page. The selects are
    written in one pass (`PlainSelect`): Oslo offers 157 floker."""

    phase = forms.ChoiceField(label=_("Phase"), required=False, widget=PlainSelect)
    sector = forms.ChoiceField(label=_("Sector"), required=False, widget=PlainSelect)
    challenge = forms.ChoiceField(label=_("Floke"), required=False, widget=PlainSelect)
    owner = forms.ChoiceField(label=_("Case owner"), required=False, widget=PlainSelect)
    status = forms.ChoiceField(label=_("Status"), required=False, widget=PlainSelect)

    def __init__(self, *args, choices: dict, details: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].choices = _with_all((v, f"{v}. {label}") for v, label in Phase.choices)
        self.fields["sector"].choices = _with_all(choices["sectors"])
        self.fields["challenge"].choices = _with_all(choices["challenges"])
        self.fields["status"].choices = _with_all(Case.Status.choices)
        if details:
            self.fields["owner"].choices = _with_all(choices["owners"])
        else:
            del self.fields["owner"]

    def filters(self) -> DashboardFilters:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})

        def number(name):
            value = data.get(name) or ""
            return int(value) if value.isdigit() else None

        return DashboardFilters(
            phase=number("phase"),
            sector=number("sector"),
            challenge=number("challenge"),
            owner=number("owner"),
            status=data.get("status") or "",
        )
