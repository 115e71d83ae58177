from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from slik.core.forms import DsFormMixin, DsModelForm

from .models import User


class LoginForm(DsFormMixin, auth_forms.AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _("Wrong e-mail or password. Note that the password is case-sensitive."),
        "inactive": _("This account is deactivated."),
    }


class PasswordResetForm(DsFormMixin, auth_forms.PasswordResetForm):
    pass


class SetPasswordForm(DsFormMixin, auth_forms.SetPasswordForm):
    pass


class PasswordChangeForm(DsFormMixin, auth_forms.PasswordChangeForm):
    pass


class ProfileForm(DsModelForm):
    class Meta:
        model = User
        fields = ["full_name", "language"]
