"""Invitations: the coordinator invites, re-sends and withdraws inside the tenant; the invited
person answers on a page outside it (`/konto/invitasjon/<token>/`), reached by the e-mailed link.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import selectors
from .access import access_in_tenant, post_only, require
from .forms import InvitationAccountForm, MemberAddForm
from .invitation_mail import send_invitation_email
from .services import invitations

VIEW = "organisations.view_organisation"
MANAGE = "organisations.manage_organisation"
# The backend that signs in a person who has just chosen their password on the invitation page.
PASSWORD_BACKEND = "slik.accounts.backends.PasswordBackend"


def _members_url(org) -> str:
    return reverse("organisations:members", kwargs={"org_slug": org.slug})


def _mail(request, invitation, token, success: str) -> None:
    if send_invitation_email(invitation=invitation, token=token):
        messages.success(request, success % {"email": invitation.email})
    else:
        messages.warning(
            request,
            _(
                "The invitation to %(email)s is saved, but the e-mail could not be sent. "
                "Try “Send again” later."
            )
            % {"email": invitation.email},
        )


# --- The coordinator's side (inside the tenant) ---------------------------------------------


@require_http_methods(["GET", "POST"])
def member_add(request, org_slug):
    org = request.organisation
    require(request.user, MANAGE, org)
    form = MemberAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation, token = invitations.invitation_create(
                actor=request.user, organisation=org, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            _mail(request, invitation, token, _("An invitation was sent to %(email)s."))
            return redirect(_members_url(org))
    return render(request, "organisations/member_add.html", {"form": form})


def _access_invitation(request, invitation_id):
    waiting = selectors.open_invitations(organisation=request.organisation)
    return access_in_tenant(request, waiting, view=VIEW, perm=MANAGE, pk=invitation_id)


def invitation_resend(request, org_slug, invitation_id):
    invitation = _access_invitation(request, invitation_id)
    if refused := post_only(request):
        return refused
    try:
        invitation, token = invitations.invitation_resend(actor=request.user, invitation=invitation)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        _mail(request, invitation, token, _("The invitation to %(email)s was sent again."))
    return redirect(_members_url(request.organisation))


@require_http_methods(["GET", "POST"])
def invitation_withdraw(request, org_slug, invitation_id):
    invitation = _access_invitation(request, invitation_id)
    if request.method == "POST":
        try:
            invitations.invitation_withdraw(actor=request.user, invitation=invitation)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("The invitation to %(email)s was withdrawn.") % {"email": invitation.email},
            )
        return redirect(_members_url(request.organisation))
    context = {"invitation": invitation, "cancel_url": _members_url(request.organisation)}
    return render(request, "organisations/invitation_withdraw.html", context)


# --- The invited person's side (outside any tenant) -----------------------------------------


def _answer_page(request, context: dict, status: int = 200):
    response = render(request, "organisations/invitation_answer.html", context, status=status)
    # The token is in the address: never pass it on to another site. (Not "no-referrer": the
    # browser would then send `Origin: null` with the page's own forms, which CSRF refuses.)
    response["Referrer-Policy"] = "same-origin"
    return response


def _needs_password(invitation) -> bool:
    """No account for the address, or one never given a password (so it cannot sign in)."""
    from slik.accounts.models import User

    account = User.objects.filter(email__iexact=invitation.email).first()
    return account is None or not account.has_usable_password()


def _refusal(invitation, user) -> tuple[str, int] | None:
    """Why this link cannot be answered (and the status to say it with), or None."""
    if invitation is None or invitation.withdrawn_at is not None:
        return _("This invitation link is not valid."), 404
    try:
        invitations.invitation_check(invitation)
    except ValidationError as exc:
        return " ".join(exc.messages), 410
    if user.is_authenticated and not invitations.email_matches(invitation, user):
        return _(
            "This invitation is for another e-mail address than the one you are signed in "
            "with. Sign out and open the link again."
        ), 403
    return None


@never_cache
@require_http_methods(["GET", "POST"])
def invitation_answer(request, token):
    invitation = invitations.invitation_for_token(token)
    if refusal := _refusal(invitation, request.user):
        message, status = refusal
        return _answer_page(request, {"problem": message}, status=status)
    signed_in = request.user.is_authenticated
    form = None
    if not signed_in and _needs_password(invitation):
        form = InvitationAccountForm(_unsaved_user(invitation), request.POST or None)
    error = ""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "decline":
            return _decline(request, invitation)
        if action == "accept" and (signed_in or (form is not None and form.is_valid())):
            error = _accept(request, invitation, form)
            if not error:
                name = invitation.organisation
                messages.success(request, _("Welcome to %(name)s.") % {"name": name})
                return redirect("organisations:overview", org_slug=name.slug)
    context = {
        "invitation": invitation,
        "form": form,
        "signed_in": signed_in,
        "sign_in_url": reverse("accounts:login") + "?" + urlencode({"next": request.path}),
        "error": error,
    }
    return _answer_page(request, context, status=400 if request.method == "POST" else 200)


def _unsaved_user(invitation):
    from slik.accounts.models import User

    return User(email=invitation.email)


def _accept(request, invitation, form) -> str:
    """Accept as the signed-in person, or with the new account's name and password; the
    reason it failed, or "" when the person is now a member (and signed in)."""
    try:
        if form is None:
            invitations.invitation_accept(invitation=invitation, user=request.user)
        else:
            membership = invitations.invitation_accept_new_account(
                invitation=invitation,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["new_password1"],
            )
            login(request, membership.user, backend=PASSWORD_BACKEND)
    except ValidationError as exc:
        return " ".join(exc.messages)
    return ""


def _decline(request, invitation):
    user = request.user if request.user.is_authenticated else None
    try:
        invitations.invitation_decline(invitation=invitation, user=user)
    except ValidationError as exc:
        return _answer_page(request, {"problem": " ".join(exc.messages)}, status=400)
    return _answer_page(request, {"declined": True, "invited_to": invitation.organisation})
