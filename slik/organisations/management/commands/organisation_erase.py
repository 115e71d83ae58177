"""`manage.py organisation_erase <slug> [--confirm <slug>] [--leave-partnerships]`: delete an
organisation and everything it owns, for a GDPR erasure request. Export it first
(`organisation_export`) and keep the backups' retention in mind. See docs/operations.md."""

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from slik.organisations.erasure import organisation_erase, organisation_erase_blockers
from slik.organisations.models import Organisation


class Command(BaseCommand):
    help = (
        "Erase an organisation: every row that belongs to it (cases, floker, benefits, "
        "memberships, its audit log …) and its files. Cannot be undone."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the organisation's address, as in /k/<slug>/")
        parser.add_argument("--confirm", metavar="SLUG", help="the address again, not to be asked")
        parser.add_argument(
            "--leave-partnerships",
            action="store_true",
            help="erase even when the organisation is in a partnership (it leaves them)",
        )

    def handle(self, *args, slug, confirm=None, leave_partnerships=False, **options):
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            raise CommandError(
                _("There is no organisation with the address %(slug)s.") % {"slug": slug}
            )
        blockers = organisation_erase_blockers(
            organisation=organisation, leave_partnerships=leave_partnerships
        )
        if blockers:
            raise CommandError(" ".join(str(b) for b in blockers))
        if (confirm if confirm is not None else self._ask(organisation)) != slug:
            raise CommandError(_("The address did not match; nothing was erased."))
        try:
            summary = organisation_erase(
                actor=None, organisation=organisation, leave_partnerships=leave_partnerships
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self._report(summary)

    def _ask(self, organisation) -> str:
        if not sys.stdin.isatty():
            raise CommandError(_("Add --confirm <address> to erase without a question."))
        self.stdout.write(
            _("This erases %(name)s and everything it owns. It cannot be undone.")
            % {"name": organisation}
        )
        return input(_("Type the address (%(slug)s) to erase it: ") % {"slug": organisation.slug})

    def _report(self, summary):
        self.stdout.write(
            _("Erased %(name)s: %(rows)d rows and %(files)d files.")
            % {"name": summary.organisation, "rows": summary.total, "files": summary.files}
        )
        for label, count in sorted(summary.rows.items()):
            self.stdout.write(f"  {label}: {count}")
        if summary.users_without_organisation:
            self.stdout.write(
                _(
                    "These accounts now belong to no organisation; anonymise them with "
                    "`manage.py user_anonymise` if the request covers them: %(emails)s"
                )
                % {"emails": ", ".join(summary.users_without_organisation)}
            )
