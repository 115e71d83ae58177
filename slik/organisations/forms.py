from django import forms
from django.utils.translation import gettext_lazy as _

from slik.core.forms import DsForm

from .models import Membership

ROLE_CHOICES = Membership.Role.choices


class SearchInput(forms.TextInput):
    input_type = "search"


class MemberFilterForm(DsForm):
    q = forms.CharField(
        label=_("Search by name or e-mail"), required=False, max_length=200, widget=SearchInput
    )
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=[("", _("All roles")), *ROLE_CHOICES]
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "filter_%s")
        super().__init__(*args, **kwargs)


class MemberChangeForm(DsForm):
    role = forms.ChoiceField(label=_("Role"), choices=ROLE_CHOICES)
    is_chief_executive = forms.BooleanField(
        label=_("Chief executive (kommunedirektør)"),
        required=False,
        help_text=_(
            "The chief executive takes part in gate decisions as head of the leader group."
        ),
    )
    title = forms.CharField(label=_("Job title"), required=False, max_length=150)


class MemberAddForm(MemberChangeForm):
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text=_("A new person gets an e-mail with a link to choose a password."),
    )
    full_name = forms.CharField(
        label=_("Full name"),
        required=False,
        max_length=200,
        help_text=_("Needed when the person has no account yet."),
    )

    field_order = ["email", "full_name", "role", "is_chief_executive", "title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(self.field_order)


class SectorForm(DsForm):
    name = forms.CharField(label=_("Sector name"), max_length=100)
