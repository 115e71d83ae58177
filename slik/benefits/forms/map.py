"""Editing the benefit map: elements and the links between them. The rules are the map
service's (`map_node_clean`, `map_edge_clean`).

The choices come from the map the view has read already (`selectors.benefit_map_for`): its
elements and the case's benefits not in it yet. The forms query nothing to render, and their
selects are written in one pass (`PlainSelect`) – a map of twenty elements offers each of them
twice, and Django's select renders a template per option. The fields and the text input are
written in Python too (`PlainFieldsMixin`, `PlainTextInput`): the form templates were a third of
the map page's template. A field with help text, and a form with errors, still go through the
templates.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from slik.core.choices import PlainSelect
from slik.core.forms import DsForm
from slik.core.plain import PlainFieldsMixin, PlainTextInput

from ..models import BenefitMapNode
from ..services.map import map_edge_clean, map_node_clean

EMPTY_CHOICE = ("", "---------")


def _chosen(objects: dict, value):
    """The object whose id `value` is (the field has checked that it is one of the choices),
    or None for no choice."""
    return objects[int(value)] if value else None


class MapNodeForm(PlainFieldsMixin, DsForm):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=BenefitMapNode.Kind.choices, widget=PlainSelect
    )
    label = forms.CharField(label=_("Text"), max_length=200, required=False, widget=PlainTextInput)
    benefit = forms.ChoiceField(
        label=_("Linked benefit (only for a benefit element)"),
        required=False,
        help_text=_("Leave the text empty to use the benefit's title."),
        widget=PlainSelect,
    )

    def __init__(self, *args, case, benefits, **kwargs):
        """`benefits`: the case's benefits not in the map yet (the service refuses others)."""
        super().__init__(*args, **kwargs)
        self.case = case
        self.benefits = {benefit.pk: benefit for benefit in benefits}
        self.fields["benefit"].choices = [
            EMPTY_CHOICE,
            *((benefit.pk, benefit.title) for benefit in benefits),
        ]

    def clean_benefit(self):
        return _chosen(self.benefits, self.cleaned_data.get("benefit"))

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            map_node_clean(case=self.case, **data)
        except ValidationError as exc:
            self.add_error(None, exc)
        return data


class MapEdgeForm(PlainFieldsMixin, DsForm):
    source = forms.ChoiceField(label=_("From (contributes)"), widget=PlainSelect)
    target = forms.ChoiceField(label=_("To (is contributed to)"), widget=PlainSelect)

    def __init__(self, *args, case, nodes, **kwargs):
        """`nodes`: the elements of the case's map, as the view read them."""
        super().__init__(*args, **kwargs)
        self.case = case
        self.nodes = {node.pk: node for node in nodes}
        kinds = {kind: str(label) for kind, label in BenefitMapNode.Kind.choices}
        choices = [EMPTY_CHOICE] + [
            (node.pk, f"{kinds[node.kind]}: {node.label}")
            for node in sorted(nodes, key=lambda node: node.pk)
        ]
        for name in ("source", "target"):
            self.fields[name].choices = choices

    def clean_source(self):
        return _chosen(self.nodes, self.cleaned_data.get("source"))

    def clean_target(self):
        return _chosen(self.nodes, self.cleaned_data.get("target"))

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            map_edge_clean(case=self.case, source=data["source"], target=data["target"])
        except ValidationError as exc:
            self.add_error(None, exc)
        return data
