"""The roadmap template's edit form: the steps of every phase, one per line."""

from django import forms
from django.utils.translation import gettext_lazy as _

from slik.core.concurrency import VersionedFormMixin
from slik.core.forms import DsForm

from ..models import GateSettings, Phase
from ..selectors import steps_by_phase
from ..services import roadmap_template_save_check
from .refusals import show_refusals


class RoadmapForm(VersionedFormMixin, DsForm):
    """The steps of every phase; `version=` is the roadmap version the edit starts from."""

    note = forms.CharField(label=_("What changed"), max_length=300, required=False)

    def __init__(self, *args, steps_by_phase=None, **kwargs):
        super().__init__(*args, **kwargs)
        steps_by_phase = steps_by_phase or {}
        fields = {}
        for value, label in Phase.choices:
            fields[f"phase_{value}"] = forms.CharField(
                label=label,
                required=False,
                widget=forms.Textarea(attrs={"rows": 6, "class": "ds-input"}),
                help_text=_("One step per line, in order. Add, change, remove or move lines."),
                initial="\n".join(step.text for step in steps_by_phase.get(value, [])),
            )
        self.fields = {**fields, **self.fields}  # the phases first, then note (and version)

    def clean(self):
        data = super().clean()
        errors = roadmap_template_save_check(self._steps(data))
        show_refusals(self, {f"phase_{phase}": messages for phase, messages in errors.items()})
        return data

    def saved_values(self, obj) -> dict:
        steps = steps_by_phase(obj)
        values = {
            f"phase_{value}": "\n".join(step.text for step in steps.get(value, []))
            for value, _label in Phase.choices
        }
        return {**values, "note": obj.note}

    def steps(self) -> dict[int, list[str]]:
        return self._steps(self.cleaned_data)

    @staticmethod
    def _steps(data) -> dict[int, list[str]]:
        return {
            value: (data.get(f"phase_{value}") or "").splitlines()
            for value, _label in Phase.choices
        }


class GateSettingsForm(DsForm):
    readiness = forms.ChoiceField(
        label=_("Going on to the next phase with an incomplete checklist or gaps in the N3 check"),
        choices=GateSettings.Mode.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Warn: the gate decision shows what is missing and can still be recorded. Block: "
            "the case cannot go on until the checklist is done and the latest N3 check rates "
            "no fundament missing or weak."
        ),
    )
