import json
from functools import partial

from django import forms
from django.utils.translation import gettext_lazy as _

from slik.core.choices import PlainSelect
from slik.core.concurrency import (
    LoadedCharField,
    LoadedIntegerField,
    VersionedFormMixin,
    refuse_stale,
    reload_hidden,
)
from slik.core.forms import DsForm, DsModelForm, NumberField
from slik.core.plain import PlainFieldsMixin, PlainInput, PlainTextInput
from slik.core.read_choices import ReadChoiceField
from slik.core.seed import seed_text

from .models import Challenge, Criterion, ExternalActor, KeyFigure, Stakeholder
from .selectors import (
    challenge_owner_choices,
    challenge_owners,
    organisation_members,
    organisation_sectors,
    sector_choices,
)
from .services import SCORES, STAKEHOLDER_FIELDS, WEIGHTS, challenge_status_stale


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name or obj.email


def _member_label(full_name, email, _anonymised_at) -> str:
    """`MemberChoiceField`'s label, from the columns of `USER_LABEL_FIELDS`."""
    return full_name or email


class ChallengeForm(VersionedFormMixin, DsModelForm):
    # Querysets are set per organisation in __init__ (scoped managers refuse unscoped queries).
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    owner = MemberChoiceField(
        label=_("Owner"), queryset=None, required=False, empty_label=_("No owner yet")
    )
    external_actors = forms.MultipleChoiceField(
        label=_("External actors"),
        choices=ExternalActor.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Challenge
        fields = ["title", "description", "sectors", "external_actors", "owner"]
        help_texts = {"description": _("You can use Markdown: **bold**, lists and links.")}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        existing = list(self.instance.sectors.all()) if self.instance.pk else []
        self.fields["sectors"].queryset = sector_choices(
            organisation=organisation, include=existing
        )
        self.fields["sectors"].label_from_instance = _sector_label
        self.fields["owner"].queryset = organisation_members(organisation=organisation)


def _sector_label(sector) -> str:
    return seed_text(sector.name)


class ChallengeFilterForm(PlainFieldsMixin, DsForm):
    q = forms.CharField(
        label=_("Search in titles"), required=False, max_length=200, widget=PlainTextInput
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *Challenge.Status.choices],
        widget=PlainSelect,
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        required=False,
        queryset=None,
        empty_label=_("All sectors"),
        widget=PlainSelect,
    )
    owner = ReadChoiceField(
        label=_("Owner"),
        required=False,
        choice_label=_member_label,
        empty_label=_("All owners"),
        widget=PlainSelect,
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("updated", _("Last changed")),
            ("title", _("Title (A–Å)")),
            ("status", _("Status")),
        ],
        widget=PlainSelect,
    )

    def __init__(self, *args, actor, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        # Every sector read once: the options (those in use) and the names on the list's rows.
        self.sectors = organisation_sectors(organisation=organisation)
        sector = self.fields["sector"]
        sector.choices = [
            ("", sector.empty_label),
            *((pk, seed_text(name)) for pk, name, in_use in self.sectors if in_use),
        ]
        if self.is_bound and self.data.get("sector") not in sector.empty_values:
            # What validation accepts; an empty value is never looked up.
            sector.queryset = sector_choices(organisation=organisation)
        # Only owners of floker the actor may see: a politician learns no other names.
        who = {"actor": actor, "organisation": organisation}
        self.fields["owner"].read_from(
            partial(challenge_owner_choices, **who), partial(challenge_owners, **who)
        )


class StatusForm(DsForm):
    status = forms.ChoiceField(label=_("New status"), choices=())
    reason = forms.CharField(
        label=_("Reason (optional)"), required=False, max_length=500, widget=forms.Textarea
    )
    # The status the floke had when the form was opened; a change made meanwhile is not undone.
    expected_status = LoadedCharField()
    stale = False

    def __init__(self, *args, allowed=(), challenge=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.challenge = challenge
        labels = dict(Challenge.Status.choices)
        self.fields["status"].choices = [(value, labels[value]) for value in allowed]

    def clean(self):
        data = super().clean()
        if self.challenge is None:
            return data
        stale = challenge_status_stale(
            challenge=self.challenge, expected_status=data["expected_status"]
        )
        if stale:
            # The choice was made among the statuses of then; only the refusal matters now.
            self._errors.pop("status", None)
            refuse_stale(self, stale, expected_status=self.challenge.status)
        return data


class KeyFigureForm(VersionedFormMixin, DsModelForm):
    class Meta:
        model = KeyFigure
        fields = ["label", "value", "unit", "year", "source", "comment"]
        # Typed the Norwegian way ("8,5", "1 200 000"); the model still checks digits and places.
        field_classes = {"value": NumberField}


class ReadyFigureForm(DsForm):
    code = forms.CharField(max_length=40, widget=forms.HiddenInput)


class ProjectionImportForm(DsForm):
    file = forms.FileField(
        label=_("Projection file from Statistics Norway (table 14288)"),
        help_text=_(
            "In the statistics bank, choose your municipality, the ages (one by one or in "
            "groups), the main alternative and the years from now to 2040, then «Last ned» as "
            "semicolon-separated CSV or JSON-stat 2."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.json,text/csv,application/json"}),
    )


class LabourYearsForm(DsForm):
    """The care labour-years (årsverk i pleie og omsorg) today; empty removes them."""

    labour_years = NumberField(
        label=_("Care labour-years (årsverk i pleie og omsorg)"),
        required=False,
        max_digits=9,
        decimal_places=1,
        help_text=_("From KOSTRA or your own accounts, e.g. «412,5». Leave empty to remove."),
    )
    year = forms.TypedChoiceField(label=_("Counted in"), coerce=int, choices=())

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]

    def clean_labour_years(self):
        value = self.cleaned_data.get("labour_years")
        if value is not None and value <= 0:
            raise forms.ValidationError(_("Enter a number above 0, or leave the field empty."))
        return value


class CriterionForm(VersionedFormMixin, DsModelForm):
    class Meta:
        model = Criterion
        fields = ["name", "description", "weight"]
        help_texts = {"weight": _("0–10. A weight of 0 leaves the criterion out of the ranking.")}


SCORE_CHOICES = [("", _("Not scored")), *[(str(n), str(n)) for n in SCORES]]


class ScoreForm(DsForm):
    """One field per active criterion, 1–5; empty removes the actor's score."""

    def __init__(self, *args, criteria, initial_scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_scores = initial_scores or {}
        for criterion in criteria:
            field = forms.TypedChoiceField(
                label=criterion.name,
                help_text=criterion.description,
                choices=SCORE_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                initial=initial_scores.get(criterion.pk),
            )
            field.widget.attrs["class"] = "ds-input"
            self.fields[f"criterion_{criterion.pk}"] = field

    def scores(self) -> dict[int, int | None]:
        return {
            int(name.removeprefix("criterion_")): value for name, value in self.cleaned_data.items()
        }


class WeightsForm(DsForm):
    """The weights on the matrix page; one number field per active criterion.

    Only the weights changed on this page are saved, so two people weighing at once do not
    undo each other: with a script each field saves itself alone (`only`, one request after
    the other), without one the form sends the weights it was opened with (`was_…`). Each
    weight sent carries the weight it was changed from, so one that someone else changed since
    is refused rather than overwritten (`criteria_set_weights`).
    """

    stale = False

    def __init__(self, *args, criteria, save_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in criteria:
            field = forms.IntegerField(
                label=criterion.name,
                min_value=min(WEIGHTS),
                max_value=max(WEIGHTS),
                initial=criterion.weight,
                widget=PlainInput,
            )
            field.widget.attrs.update({"class": "ds-input", "inputmode": "numeric"})
            if save_url:
                field.widget.attrs.update(_save_alone(save_url, criterion.pk))
            self.fields[f"weight_{criterion.pk}"] = field
            # Rendered with the ranking, which htmx replaces after each save while the fields
            # above stay as typed (templates/challenges/matrix.html).
            self.fields[f"was_{criterion.pk}"] = LoadedIntegerField(initial=criterion.weight)

    def weights(self) -> dict[int, int]:
        only = self.data.get("only")
        changed = {}
        for name, value in self.cleaned_data.items():
            if not name.startswith("weight_"):
                continue
            pk = int(name.removeprefix("weight_"))
            loaded = self.cleaned_data.get(f"was_{pk}")
            if only is not None and only != str(pk):
                continue
            if only is None and loaded is not None and loaded == value:
                continue
            changed[pk] = value
        return changed

    def loaded(self) -> dict[int, int]:
        """The weight each sent weight was changed from, as the page was loaded (or saved)."""
        return {pk: self.cleaned_data[f"was_{pk}"] for pk in self.weights()}

    def reload(self, current: dict[int, int], only=None) -> None:
        """Start again from `current`, the saved weights: those typed here are kept, the
        others show what is saved now, so sending the form again replaces only what was typed,
        deliberately. `only`: just the starting points of these weights, for a page whose
        fields htmx does not replace (it would show the others' new weights, not send them)."""
        values = {}
        for pk, weight in current.items():
            if f"was_{pk}" not in self.fields or (only is not None and pk not in only):
                continue
            values[f"was_{pk}"] = weight
            untouched = self.cleaned_data.get(f"weight_{pk}") == self.cleaned_data.get(f"was_{pk}")
            if untouched and only is None:
                values[f"weight_{pk}"] = weight
        reload_hidden(self, **values)


def _save_alone(url: str, pk: int) -> dict:
    return {
        "hx-post": url,
        "hx-trigger": "change",
        "hx-vals": json.dumps({"only": str(pk)}),
        "hx-sync": "#weights-form:queue all",
        "hx-target": "#matrix-ranking",
        "hx-swap": "outerHTML",
    }


class StakeholderForm(VersionedFormMixin, DsModelForm):
    """A stakeholder of a floke or a case. An empty strategy is left for the service to fill
    from interest and influence (`Stakeholder.fill_default_strategy`)."""

    strategy = forms.ChoiceField(
        label=_("Strategy"),
        required=False,
        choices=[("", _("Suggest from interest and influence")), *Stakeholder.Strategy.choices],
    )

    class Meta:
        model = Stakeholder
        fields = list(STAKEHOLDER_FIELDS)
        widgets = {
            "interest": forms.NumberInput(attrs={"min": 1, "max": 5}),
            "influence": forms.NumberInput(attrs={"min": 1, "max": 5}),
        }
