"""Sign-in and password reset do not tell whether an e-mail address has an account.

The answers must be identical, and so must the time they take: the timing tests use a real
PBKDF2 hasher (with fewer iterations than production, so the suite stays quick) and, for the
reset, a mail server that takes 50 ms, as a real SMTP server does.
"""

import re
import statistics
import time

from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core import mail
from django.core.cache import caches
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse

LOGIN = reverse("accounts:login")
RESET = reverse("accounts:password_reset")
UNKNOWN = "ingen-konto@hvaler.test"
RUNS = 11
# Known and unknown may differ by this factor at most, by the fastest run (the cost itself: a
# busy machine only adds time) or by the median. Six test runs sharing two cores make either
# statistic jump now and then; a real leak (a hash skipped, a mail server waited for) shows in
# both, by far more than this.
SENSIBLE_RATIO = 1.5
CSRF = re.compile(r"[A-Za-z0-9]{64}")  # the CSRF token, masked afresh on every page


class QuickPBKDF2(PBKDF2PasswordHasher):
    # Enough for the hash (tens of milliseconds) to outweigh the database round trips.
    iterations = 100_000


class SlowMailServer(EmailBackend):
    """Stands in for an SMTP server: every mail takes 50 ms to hand over."""

    def send_messages(self, messages):
        time.sleep(0.05)
        return super().send_messages(messages)


def _normalised(response, email):
    return CSRF.sub("", response.content.decode()).replace(email, "EMAIL")


def _sign_in_fails(client, email, number=0):
    return client.post(
        LOGIN, {"username": email, "password": "feil-passord"}, REMOTE_ADDR=f"10.9.0.{number + 1}"
    )


def test_failed_sign_in_answers_known_and_unknown_email_identically(client, employee):
    known = _sign_in_fails(client, employee.email)
    unknown = _sign_in_fails(client, UNKNOWN, 1)
    assert known.status_code == unknown.status_code == 200
    assert [e.code for e in known.context["form"].errors.as_data()["__all__"]] == [
        e.code for e in unknown.context["form"].errors.as_data()["__all__"]
    ]
    assert _normalised(known, employee.email) == _normalised(unknown, UNKNOWN)


def test_password_reset_answers_known_and_unknown_email_identically(client, employee):
    known = client.post(RESET, {"email": employee.email}, follow=True)
    unknown = client.post(RESET, {"email": UNKNOWN}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain
    assert _normalised(known, employee.email) == _normalised(unknown, UNKNOWN)


def _times(request_known, request_unknown):
    known, unknown = [], []
    for number in range(RUNS):
        # Interleaved, so a busy moment on the machine hits both sides alike.
        for request, times in ((request_known, known), (request_unknown, unknown)):
            caches["throttle"].clear()  # every run is answered in full, none refused as too many
            start = time.perf_counter()
            request(number)
            times.append(time.perf_counter() - start)
    return known, unknown


def _ratio(statistic, known, unknown):
    a, b = statistic(known), statistic(unknown)
    return max(a, b) / min(a, b)


def assert_similar(known, unknown):
    ratios = {f.__name__: _ratio(f, known, unknown) for f in (min, statistics.median)}
    assert min(ratios.values()) < SENSIBLE_RATIO, (ratios, known, unknown)


def test_failed_sign_in_takes_as_long_for_known_and_unknown_email(client, make_user, settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.QuickPBKDF2"]
    user = make_user("kjent@hvaler.test", "Kjent Person")
    _sign_in_fails(client, UNKNOWN, 200)  # warm up templates and caches

    known, unknown = _times(
        lambda n: _sign_in_fails(client, user.email, n),
        lambda n: _sign_in_fails(client, UNKNOWN, 100 + n),
    )
    assert_similar(known, unknown)


def test_password_reset_takes_as_long_for_known_and_unknown_email(client, employee, settings):
    settings.EMAIL_BACKEND = f"{__name__}.SlowMailServer"
    # Production queues the mail for the worker, as the database task backend does.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.post(RESET, {"email": UNKNOWN})  # warm up templates and caches

    known, unknown = _times(
        lambda n: client.post(RESET, {"email": employee.email}, REMOTE_ADDR=f"10.8.0.{n + 1}"),
        lambda n: client.post(RESET, {"email": UNKNOWN}, REMOTE_ADDR=f"10.8.1.{n + 1}"),
    )
    assert_similar(known, unknown)
    assert mail.outbox == []  # nothing was sent inside the request
