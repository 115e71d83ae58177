"""Erasing an organisation completely, for the platform's or a coordinator's GDPR request.

Every tenant-owned row goes (found through `tenant_data`, so a new app's models go too), in an
order that lets PROTECT hold: rows that point at others are deleted first, so cases go before
the roadmap templates they were made from. Memberships and the organisation's audit events go
with the rest; the files of its rows go once the transaction has committed. The accounts of its
people stay (they may belong elsewhere); those left in no organisation are listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from slik.core.audit import audit_log

from .models import Membership, Organisation
from .tenant_data import file_fields, rows_of, tenant_models


@dataclass
class ErasureSummary:
    organisation: str
    rows: dict[str, int] = field(default_factory=dict)  # model label → rows deleted
    files: int = 0
    users_without_organisation: list[str] = field(default_factory=list)  # e-mails

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def organisation_erase_blockers(*, organisation: Organisation, leave_partnerships: bool) -> list:
    """Why the organisation cannot be erased as asked (the pre-check the command shows)."""
    blockers = []
    municipalities = organisation.municipalities.count()
    if municipalities:
        blockers.append(
            _("%(name)s is the county of %(count)d municipalities; it cannot be erased.")
            % {"name": organisation, "count": municipalities}
        )
    if leave_partnerships:
        return blockers
    partnerships = [str(p) for p in organisation.partnerships.all()]
    if partnerships:
        blockers.append(
            _(
                "%(name)s is a member of %(partnerships)s. Erase with --leave-partnerships to "
                "take it out of them."
            )
            % {"name": organisation, "partnerships": ", ".join(partnerships)}
        )
    if organisation.member_municipalities.exists():
        blockers.append(
            _(
                "%(name)s is a partnership with member municipalities. Erase with "
                "--leave-partnerships to end the partnership."
            )
            % {"name": organisation}
        )
    return blockers


def _files_of(organisation: Organisation) -> list:
    files = []
    for model in tenant_models():
        for name in file_fields(model):
            storage = model._meta.get_field(name).storage
            values = rows_of(model, organisation).exclude(**{name: ""}).values_list(name, flat=True)
            files += [(storage, value) for value in values if value]
    return files


def _delete_files(files: list) -> None:
    for storage, name in files:
        storage.delete(name)


def _delete_rows(organisation: Organisation, summary: ErasureSummary) -> None:
    for model in reversed(tenant_models()):
        _count, per_model = rows_of(model, organisation).delete()
        for label, count in per_model.items():
            if count:
                summary.rows[label] = summary.rows.get(label, 0) + count


@transaction.atomic
def organisation_erase(
    *, actor, organisation: Organisation, leave_partnerships: bool = False
) -> ErasureSummary:
    """Delete the organisation and everything that belongs to it; audited as a platform event."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    blockers = organisation_erase_blockers(
        organisation=organisation, leave_partnerships=leave_partnerships
    )
    if blockers:
        raise ValidationError(blockers, code="blocked")
    summary = ErasureSummary(organisation=f"{organisation} ({organisation.slug})")
    user_ids = list(
        Membership.objects.filter(organisation=organisation).values_list("user_id", flat=True)
    )
    with scopes_disabled():
        files = _files_of(organisation)
        _delete_rows(organisation, summary)
        summary.files = len(files)
        audit_log(
            actor=actor,
            action="organisation.erased",
            obj=organisation,
            organisation=None,
            data={
                "organisation": organisation.name,
                "slug": organisation.slug,
                "rows": summary.total,
                "files": summary.files,
            },
        )
        organisation.delete()
    transaction.on_commit(lambda: _delete_files(files))
    users = get_user_model().objects.filter(pk__in=user_ids, memberships__isnull=True)
    summary.users_without_organisation = sorted(users.values_list("email", flat=True))
    return summary
