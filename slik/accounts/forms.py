from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from slik.core.forms import DsFormMixin, DsModelForm

from .models import User
from .tasks import send_password_reset_email


class LoginForm(DsFormMixin, auth_forms.AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _("Wrong e-mail or password. Note that the password is case-sensitive."),
        "inactive": _("This account is deactivated."),
    }

    def clean_username(self):
        # Addresses are stored in lower case (UserManager); people type them as they like.
        return self.cleaned_data["username"].lower()


class PasswordResetForm(DsFormMixin, auth_forms.PasswordResetForm):
    def save(self, **kwargs):
        """Queue the address for the task worker, account or not (slik.accounts.tasks says
        why); the link is built from SITE_URL there, never from the request's Host header."""
        send_password_reset_email.enqueue(email=self.cleaned_data["email"])


class SetPasswordForm(DsFormMixin, auth_forms.SetPasswordForm):
    pass


class PasswordChangeForm(DsFormMixin, auth_forms.PasswordChangeForm):
    pass


class ProfileForm(DsModelForm):
    class Meta:
        model = User
        fields = ["full_name", "language"]
