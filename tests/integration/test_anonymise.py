"""Deleting an account anonymises it: the person's name and e-mail leave SLIK, their work stays."""

import json
import re
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import models
from django.db.models.deletion import ProtectedError
from django.urls import reverse
from django.utils import translation
from django_scopes import scopes_disabled

from slik.accounts.models import User
from slik.accounts.services import user_anonymise, user_update_profile
from slik.benefits.models import Benefit
from slik.cases.models import Case, GateDecision
from slik.challenges.models import CriterionScore
from slik.core.models import AuditEvent
from slik.demo.accounts import DEMO_PASSWORD
from slik.organisations.models import Membership
from slik.organisations.services import membership_update

LOGIN = reverse("accounts:login")
EMAIL = "leder@hvaler.demo.slik.no"


@pytest.fixture
def history(db, settings, tmp_path, coordinator):
    """The demo's chief executive with a realistic history, all written through the services:
    memberships, floke scores, cases, gate and board decisions, a changed role and a changed
    name (so an earlier name is in the history too)."""
    settings.SLIK_DEMO = True
    settings.SHARED_DATA_DIR = tmp_path / "missing"
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", stdout=StringIO())
    user = User.objects.get(email=EMAIL)
    membership = Membership.objects.get(user=user)
    demo_coordinator = User.objects.get(email="koordinator@hvaler.demo.slik.no")
    membership_update(
        actor=demo_coordinator,
        membership=membership,
        role=membership.role,
        is_chief_executive=True,
        title="Kommunedirektør i Hvaler",
    )
    user_update_profile(actor=user, full_name="Tor Åge Andersen", language="nb")
    return user


def _found(terms, text: str) -> bool:
    """A term as a whole token: `prosjektleder@…` is another person than `leder@…`."""
    return any(
        re.search(rf"(?<![\w.+-]){re.escape(term)}(?![\w@])", text, re.IGNORECASE) for term in terms
    )


def _mentions(event: AuditEvent, terms) -> bool:
    return _found(
        terms, json.dumps([event.object_repr, event.changes, event.data], ensure_ascii=False)
    )


def _all_text(exclude=()) -> str:
    """Every text and JSON value of every table (except `exclude`), as one string."""
    parts = []
    with scopes_disabled():
        for model in apps.get_models():
            if model in exclude:
                continue
            names = [
                f.attname
                for f in model._meta.concrete_fields
                if isinstance(f, models.CharField | models.TextField | models.JSONField)
            ]
            if names:
                for row in model._base_manager.values_list(*names):
                    parts.append(json.dumps(row, ensure_ascii=False, default=str))
    return "\n".join(parts)


def test_anonymised_user_leaves_no_name_or_email_in_any_audit_event(history, coordinator, client):
    terms = ("leder@hvaler.demo.slik.no", "Tor Andersen", "Tor Åge Andersen")
    client.post(LOGIN, {"username": EMAIL, "password": "wrong"})  # the sign-in logs too
    client.post(LOGIN, {"username": EMAIL, "password": DEMO_PASSWORD})
    with scopes_disabled():
        mentioning = [e for e in AuditEvent.objects.all() if _mentions(e, terms)]
    assert len(mentioning) >= 14

    user_anonymise(actor=coordinator, user=history)

    with scopes_disabled():
        assert [e for e in AuditEvent.objects.all() if _mentions(e, terms)] == []
    assert not _found(terms, _all_text(exclude=(Session,)))


def _authored(user) -> dict:
    with scopes_disabled():
        return {
            "scores": CriterionScore.objects.filter(rater=user).count(),
            "cases": Case.objects.filter(owner=user).count(),
            "benefits": Benefit.objects.filter(owner=user).count(),
        }


def test_anonymised_user_keeps_their_scores_and_records_as_deleted_user(history, coordinator):
    authored = _authored(history)
    assert all(authored.values())
    with scopes_disabled():
        typed = GateDecision.objects.filter(decided_by__contains="Tor Andersen")
        gates = set(typed.values_list("pk", flat=True))
    assert gates  # "Ledergruppen v/ kommunedirektør Tor Andersen", typed by the coordinator

    user_anonymise(actor=coordinator, user=history)

    history.refresh_from_db()
    assert _authored(history) == authored
    with scopes_disabled():
        decided_by = set(
            GateDecision.objects.filter(pk__in=gates).values_list("decided_by", flat=True)
        )
    assert all(
        "Tor Andersen" not in text and text.startswith("Ledergruppen v/ kommunedirektør ")
        for text in decided_by
    )
    with translation.override("en"):
        assert str(history) == "Deleted user"
    assert history.full_name == ""
    assert history.email.endswith(".invalid") and EMAIL not in history.email
    assert history.anonymised_at is not None


def test_anonymised_user_cannot_sign_in_and_loses_memberships_and_sessions(
    history, coordinator, client
):
    client.post(LOGIN, {"username": EMAIL, "password": DEMO_PASSWORD})
    assert client.session.get("_auth_user_id") == str(history.pk)

    user_anonymise(actor=coordinator, user=history)

    history.refresh_from_db()
    assert not history.is_active and not history.has_usable_password()
    assert Membership.objects.filter(user=history).count() == 0
    assert Session.objects.count() == 0
    other = client.__class__()
    for username in (EMAIL, history.email):
        other.post(LOGIN, {"username": username, "password": DEMO_PASSWORD})
        assert "_auth_user_id" not in other.session
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_anonymising_is_audited_without_the_old_identity(history, coordinator):
    user_anonymise(actor=coordinator, user=history)
    with scopes_disabled():
        event = AuditEvent.objects.get(action="user.anonymised")
    assert event.actor == coordinator and event.object_id == history.pk
    assert not _mentions(event, (EMAIL, "Andersen"))


def test_deleting_a_user_with_scores_is_refused(history):
    with pytest.raises(ProtectedError):
        history.delete()


def test_no_domain_row_is_deleted_with_its_user():
    """Only rows that exist for the person alone (a membership, a calendar token) may go with
    the account; everything else protects or keeps a null author. Found over `_meta`, so a new
    model's foreign key to the user is checked too."""
    personal = {"organisations.Membership", "benefits.CalendarToken"}
    cascading = {
        relation.related_model._meta.label
        for relation in User._meta.related_objects
        if relation.on_delete is models.CASCADE
        and relation.related_model.__module__.startswith("slik.")
    }
    assert cascading <= personal


def test_user_anonymise_command(employee):
    call_command("user_anonymise", employee.email.upper(), yes=True, stdout=StringIO())
    employee.refresh_from_db()
    assert employee.anonymised_at is not None and "ansatt" not in employee.email


def test_user_anonymise_dry_run_changes_nothing_and_counts_rows_per_column(history):
    with scopes_disabled():
        gates = sorted(
            GateDecision.objects.filter(decided_by__contains="Tor Andersen").values_list(
                "pk", flat=True
            )
        )
    before = _all_text()
    out = StringIO()

    call_command("user_anonymise", EMAIL, dry_run=True, stdout=out)

    assert _all_text() == before
    history.refresh_from_db()
    assert history.anonymised_at is None and history.email == EMAIL
    report = out.getvalue()
    line = next(line for line in report.splitlines() if "cases.GateDecision.decided_by" in line)
    assert re.search(rf"\b{len(gates)}\b", line)
    assert all(re.search(rf"\b{pk}\b", line) for pk in gates)
    assert "core.AuditEvent." in report
    assert not _found(("Tor Andersen", "Tor Åge Andersen", EMAIL), report)


def test_admin_anonymises_instead_of_deleting(employee, client, make_user):
    admin = make_user("drift@slik.test", "Drift", is_staff=True, is_superuser=True)
    client.force_login(admin)
    changelist = reverse("admin:accounts_user_changelist")
    page = client.get(changelist)
    actions = dict(page.context["action_form"].fields["action"].choices)
    assert "anonymise" in actions and "delete_selected" not in actions
    assert client.get(reverse("admin:accounts_user_delete", args=[employee.pk])).status_code == 403
    response = client.post(
        changelist, {"action": "anonymise", "_selected_action": [employee.pk], "post": "yes"}
    )
    assert response.status_code == 302
    employee.refresh_from_db()
    assert employee.anonymised_at is not None


def test_anonymising_the_last_coordinator_says_so_and_a_second_time_changes_nothing(
    coordinator, org
):
    result = user_anonymise(actor=None, user=coordinator)
    assert len(result.notices) == 1 and "Hvaler" in result.notices[0]
    again = user_anonymise(actor=None, user=coordinator)
    assert again.rows_scrubbed == 0 and again.notices == []
    with scopes_disabled():
        assert AuditEvent.objects.filter(action="user.anonymised").count() == 1
