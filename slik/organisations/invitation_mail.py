"""The invitation e-mail: the same text for every address, whether it has an account or not.

Sent in the request, right after the invitation is saved: the link holds the token, which is
never stored in clear (not in the database, not in a task queue). The link is built from
SITE_URL, never from the request's Host header.
"""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from .models import Invitation

logger = logging.getLogger(__name__)


def invitation_link(token: str) -> str:
    return settings.SITE_URL + reverse("invitations:answer", kwargs={"token": token})


def send_invitation_email(*, invitation: Invitation, token: str) -> bool:
    """Mail the invitation; False when the mail server refused it (the invitation stays and can
    be sent again from the members page)."""
    context = {
        "organisation": invitation.organisation,
        "inviter": invitation.invited_by,
        "role": invitation.get_role_display(),
        "link": invitation_link(token),
        "expires_at": invitation.expires_at,
    }
    subject = render_to_string("organisations/emails/invitation_subject.txt", context)
    body = render_to_string("organisations/emails/invitation_email.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, None, [invitation.email])
    except (smtplib.SMTPException, OSError):
        logger.exception("Invitation %s could not be mailed", invitation.pk)
        return False
    return True
