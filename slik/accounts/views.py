from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import forms, services, throttle
from .models import User
from .pages import DEMO_LOGINS, PROFILE_SECTIONS

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def _remember_language(request, response, language):
    request.session["slik_language"] = language
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language, max_age=365 * 24 * 3600, samesite="Lax"
    )
    return response


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = forms.LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        return _remember_language(self.request, response, form.get_user().language)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Only a demo installation shows its shared password on the sign-in page.
        context["demo_logins"] = list(DEMO_LOGINS) if settings.SLIK_DEMO else []
        return context


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    form_class = forms.PasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        if throttle.password_reset_allowed(self.request, form.cleaned_data["email"]):
            return super().form_valid(form)
        form.add_error(
            None,
            ValidationError(
                _("Too many requests for a new password. Wait an hour and try again."),
                code="throttled",
            ),
        )
        response = self.form_invalid(form)
        response.status_code = 429
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = forms.SetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        services.user_password_reset(user=form.user, password=form.cleaned_data["new_password1"])
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        return redirect(self.get_success_url())


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = forms.PasswordChangeForm
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        services.user_password_change(user=form.user, password=form.cleaned_data["new_password1"])
        update_session_auth_hash(self.request, form.user)
        messages.success(self.request, _("Your password has been changed."))
        return redirect(self.get_success_url())


@login_required
def profile(request):
    # The form edits a copy: validation must not change request.user before the service has
    # taken its "before" snapshot (and a rejected name must not show in the header).
    form = forms.ProfileForm(request.POST or None, instance=User.objects.get(pk=request.user.pk))
    if request.method == "POST" and form.is_valid():
        services.user_update_profile(
            actor=request.user,
            full_name=form.cleaned_data["full_name"],
            language=form.cleaned_data["language"],
        )
        messages.success(request, _("Your profile has been saved."))
        return _remember_language(request, redirect("accounts:profile"), request.user.language)
    sections = [section(request) for section in PROFILE_SECTIONS]
    return render(request, "accounts/profile.html", {"form": form, "sections": sections})


@require_POST
def set_language(request):
    """The language switch in the footer: remembered in session, cookie and profile."""
    language = request.POST.get("language")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    if language not in LANGUAGE_CODES:
        return redirect(next_url)
    if request.user.is_authenticated and request.user.language != language:
        services.user_update_profile(
            actor=request.user, full_name=request.user.full_name, language=language
        )
    return _remember_language(request, redirect(next_url), language)
