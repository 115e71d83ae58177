"""The e-mail a new member gets: Django's password-reset machinery with an invitation text.

PasswordResetForm only mails users with a usable password, and a new member has none yet, so
`get_users` is pointed at the one person being invited.
"""

from django.contrib.auth.forms import PasswordResetForm


class _InvitationForm(PasswordResetForm):
    def __init__(self, user):
        super().__init__(data={"email": user.email})
        self._user = user

    def get_users(self, email):
        if self._user.is_active:
            yield self._user


def send_invitation(*, request, user, organisation, inviter) -> None:
    form = _InvitationForm(user)
    form.is_valid()
    form.save(
        request=request,
        use_https=request.is_secure(),
        subject_template_name="organisations/emails/invitation_subject.txt",
        email_template_name="organisations/emails/invitation_email.txt",
        extra_email_context={"organisation": organisation, "inviter": inviter},
    )
