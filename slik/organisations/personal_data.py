"""Where a person's data can be in the organisations' data, for anonymising their account.

`slik.accounts` anonymises the account but knows nothing of tenants; this module tells it
(registered in `OrganisationsConfig.ready()`): every row of every organisation the person is or
was a member of, found the way the erasure finds them (`tenant_data`). A membership that ended
is in the audit log (`membership.*` events name the member's e-mail). Organisation rows
themselves are never in scope, and organisation names are never scrubbed as a person's name.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _

from slik.accounts.anonymise import PersonalData, register_personal_data
from slik.core.models import AuditEvent

from .models import Membership, Organisation
from .tenant_data import rows_of, tenant_models


def organisations_of(user) -> list[Organisation]:
    """The organisations the person is a member of now or was before."""
    current = Q(pk__in=Membership.objects.filter(user=user).values("organisation_id"))
    past = AuditEvent._base_manager.filter(
        action__startswith="membership.",
        data__user__iexact=user.email,
        organisation__isnull=False,
    ).values("organisation_id")
    return list(Organisation.objects.filter(current | Q(pk__in=past)).order_by("pk"))


def _rows(user) -> Iterator[models.QuerySet]:
    models_ = tenant_models()
    for organisation in organisations_of(user):
        for model in models_:
            yield rows_of(model, organisation)


def _organisation_names() -> set[str]:
    names = set()
    for name, short_name in Organisation.objects.values_list("name", "short_name"):
        names.update((name, short_name))
    return names


def _without_coordinator(user) -> list[str]:
    """Organisations the person is the only innovation coordinator of: appoint a new one."""
    coordinator = Membership.Role.COORDINATOR
    return [
        _("%(organisation)s has no innovation coordinator now.") % {"organisation": m.organisation}
        for m in user.memberships.filter(role=coordinator).select_related("organisation")
        if not m.organisation.memberships.filter(role=coordinator).exclude(user=user).exists()
    ]


def register() -> None:
    register_personal_data(
        "organisations",
        PersonalData(rows=_rows, reserved_names=_organisation_names, notices=_without_coordinator),
    )
