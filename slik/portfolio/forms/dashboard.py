"""The dashboard's filters. Choices come from lists the view already read."""

from html import escape

from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from slik.cases.models import Case, Phase
from slik.core.choices import PlainSelect
from slik.core.forms import DsForm

from ..selectors.dashboard import DashboardFilters


def _with_all(choices) -> list:
    return [("", _("All"))] + [(str(value), label) for value, label in choices]


def _given(options: list):
    # A callable: Django normalises the list (166 floker in Oslo) only when it is asked for.
    return lambda: options


class GivenChoiceField(forms.ChoiceField):
    """A choice among (value, label) strings without groups (`DashboardFilterForm.options`),
    checked as Django checks one – the value or its text equal to an option's – against the
    set of values: Django's check walked and normalised the list (Oslo: 166 floker, 0.3 ms
    for a filtered page)."""

    values: frozenset = frozenset()

    def valid_value(self, value) -> bool:
        return str(value) in self.values


class DashboardFilterForm(DsForm):
    """Filters of the dashboard. Choices come from lists the view already read, so validation
    costs no queries; an invalid value is dropped, never an error page. The fields are written
    in one pass (`fields_html`): Oslo offers 166 floker."""

    phase = GivenChoiceField(label=_("Phase"), required=False, widget=PlainSelect)
    sector = GivenChoiceField(label=_("Sector"), required=False, widget=PlainSelect)
    challenge = GivenChoiceField(label=_("Floke"), required=False, widget=PlainSelect)
    owner = GivenChoiceField(label=_("Case owner"), required=False, widget=PlainSelect)
    status = GivenChoiceField(label=_("Status"), required=False, widget=PlainSelect)

    def __init__(self, *args, choices: dict, details: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = {
            "phase": _with_all((v, f"{v}. {label}") for v, label in Phase.choices),
            "sector": _with_all(choices["sectors"]),
            "challenge": _with_all(choices["challenges"]),
            "owner": _with_all(choices["owners"]),
            "status": _with_all(Case.Status.choices),
        }
        if not details:
            del self.fields["owner"]
        for name, field in self.fields.items():
            field.choices = _given(self.options[name])
            field.values = frozenset(value for value, _label in self.options[name])

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

    def fields_html(self):
        """What the dashboard template wrote for each field (a label, the select, its errors),
        in one pass. A field with an error goes through Django (it adds aria attributes)."""
        parts = []
        for name in self.fields:
            field = self[name]
            errors = field.errors
            select = str(field) if errors else self._select(field)
            messages = "".join(
                f'<div class="ds-validation-message" data-color="danger" '
                f'id="{escape(field.id_for_label)}-error">{escape(str(error))}</div>'
                for error in errors
            )
            parts.append(
                f'\n  <div class="ds-field">\n    <label class="ds-label" '
                f'for="{escape(field.id_for_label)}">{escape(str(field.label))}</label>\n'
                f"    {select}\n    {messages}\n  </div>\n  "
            )
        return mark_safe("".join(parts))  # noqa: S308 – every value above is escaped

    def _select(self, field) -> str:
        """`PlainSelect` (select.html) for a field without errors."""
        value = field.value()
        chosen = "" if value is None else str(value)
        attrs = "".join(
            f' {escape(key)}="{escape(str(item))}"'
            for key, item in {**field.field.widget.attrs, "id": field.auto_id}.items()
        )
        parts = [f'<select name="{escape(field.html_name)}"{attrs}>']
        found = False
        for option, label in self.options[field.name]:
            # Most values are ids: digits need no escaping.
            value = option if option.isdigit() else escape(option)
            if not found and option == chosen:
                found = True
                parts.append(
                    f'\n  <option value="{value}" selected>{escape(str(label))}</option>\n'
                )
            else:
                parts.append(f'\n  <option value="{value}">{escape(str(label))}</option>\n')
        parts.append("\n</select>")
        return "".join(parts)
