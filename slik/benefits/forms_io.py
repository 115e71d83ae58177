"""Forms for the benefit map, the plan header and measurement imports."""

from django import forms
from django.utils.translation import gettext_lazy as _

from slik.core.concurrency import VersionedFormMixin
from slik.core.forms import DsForm, DsModelForm

from .models import Benefit, BenefitMapNode, BenefitsPlan


class MapNodeForm(DsForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=BenefitMapNode.Kind.choices)
    label = forms.CharField(label=_("Text"), max_length=200, required=False)
    benefit = forms.ModelChoiceField(
        label=_("Linked benefit (only for a benefit element)"),
        queryset=Benefit.objects.none(),
        required=False,
        help_text=_("Leave the text empty to use the benefit's title."),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["benefit"].queryset = Benefit.objects.filter(
            case=case, map_node__isnull=True
        ).order_by("id")


class MapEdgeForm(DsForm):
    source = forms.ModelChoiceField(label=_("From (contributes)"), queryset=None)
    target = forms.ModelChoiceField(label=_("To (is contributed to)"), queryset=None)

    def __init__(self, *args, nodes, **kwargs):
        super().__init__(*args, **kwargs)
        queryset = BenefitMapNode.objects.filter(pk__in=[n.pk for n in nodes]).order_by("id")
        for name in ("source", "target"):
            self.fields[name].queryset = queryset
            self.fields[name].label_from_instance = lambda n: f"{n.get_kind_display()}: {n.label}"


class BenefitsPlanForm(VersionedFormMixin, DsModelForm):
    class Meta:
        model = BenefitsPlan
        fields = ["rationale", "goals", "main_deliverables", "risks"]


class ImportForm(DsForm):
    file = forms.FileField(
        label=_("File (CSV or Excel .xlsx)"),
        help_text=_(
            "First row: column names. Required: date (YYYY-MM-DD or DD.MM.YYYY) and value "
            "(decimal comma or point). Optional: comment, unit, indicator."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )


class ImportConfirmForm(DsForm):
    """The confirmation of a previewed import, with what to do about dates on record."""

    SKIP, REPLACE = "skip", "replace"

    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    existing = forms.ChoiceField(
        label=_("Rows for dates that already have a value"),
        choices=[
            (SKIP, _("Skip them: keep the values on record (nothing changes for these dates)")),
            (REPLACE, _("Replace the values on record with the values in the file")),
        ],
        initial=SKIP,
        required=False,
        widget=forms.RadioSelect,
    )

    def clean_existing(self):
        return self.cleaned_data.get("existing") or self.SKIP
