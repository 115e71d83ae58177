"""The filters of the reports page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from slik.core.choices import PlainSelect
from slik.core.filters import FilterForm
from slik.core.plain import PlainFieldsMixin

from . import registry
from .models import ReportRun

FORMAT_LABELS = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel", "csv": "CSV"}


def _all(choices) -> list:
    return [("", _("All")), *choices]


class RunFilterForm(PlainFieldsMixin, FilterForm):
    """Written without the form templates (`PlainFieldsMixin`): they cost more than the rest
    of the list's filter bar."""

    report = forms.ChoiceField(label=_("Report"), required=False, widget=PlainSelect)
    status = forms.ChoiceField(label=_("Status"), required=False, widget=PlainSelect)
    file_format = forms.ChoiceField(label=_("Format"), required=False, widget=PlainSelect)
    published = forms.ChoiceField(
        label=_("Published to politicians"),
        required=False,
        choices=_all([("yes", _("Published")), ("no", _("Not published"))]),
        widget=PlainSelect,
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["report"].choices = _all((d.key, d.title) for d in registry.REGISTRY.values())
        self.fields["status"].choices = _all(ReportRun.Status.choices)
        self.fields["file_format"].choices = _all((f, FORMAT_LABELS[f]) for f in registry.FORMATS)
