"""Background work for accounts: the password reset mail.

The request only queues the e-mail address it was given; the worker looks for the account and
sends the mail. So the request does the same work whether or not the address has an account:
neither an SMTP hand-over (tens or hundreds of milliseconds) nor even the account lookup can
tell anyone with a stopwatch which addresses do.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task


@task()
def send_password_reset_email(email: str) -> int:
    """Mail a reset link to each active account with this address; returns how many.

    The token is made here, from the account as it is now, so no reset link is ever stored
    in the task queue.
    """
    sent = 0
    for user in PasswordResetForm().get_users(email):
        path = reverse(
            "accounts:password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        context = {"user": user, "link": settings.SITE_URL + path}
        with translation.override(user.language):
            subject = render_to_string("accounts/password_reset_subject.txt", context)
            body = render_to_string("accounts/password_reset_email.txt", context)
        send_mail(" ".join(subject.split()), body, None, [user.email])
        sent += 1
    return sent
