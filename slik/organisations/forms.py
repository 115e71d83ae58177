from django import forms
from django.utils.translation import gettext_lazy as _

from slik.accounts.forms import SetPasswordForm
from slik.core.concurrency import VersionedFormMixin
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


class MemberChangeForm(VersionedFormMixin, DsForm):
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
    """Invite a person by e-mail: the same pending invitation whether the address has an
    account or not, so nothing about the account is asked for or shown."""

    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text=_("The person gets an e-mail with a link to accept or decline."),
    )

    field_order = ["email", "role", "is_chief_executive", "title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(self.field_order)


class InvitationAccountForm(SetPasswordForm):
    """Name and password of a person who answers an invitation without having an account."""

    full_name = forms.CharField(
        label=_("Full name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )

    field_order = ["full_name", "new_password1", "new_password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(self.field_order)


class SectorForm(VersionedFormMixin, DsForm):
    name = forms.CharField(label=_("Sector name"), max_length=100)
