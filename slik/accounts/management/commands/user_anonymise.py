"""`manage.py user_anonymise <email> [--yes] [--dry-run]`: delete an account on request by
anonymising it. See docs/operations.md, "Sletting (GDPR)"."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from slik.accounts.models import User
from slik.accounts.services import user_anonymise


class Command(BaseCommand):
    help = (
        "Anonymise an account: the person's name and e-mail are removed from their "
        "organisations' data and the platform's rows about them (the audit log included), their "
        "work stays with the author shown as 'Deleted user'."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--yes", action="store_true", help="do not ask first")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="change nothing; list per table and column how many rows would change, by id",
        )

    def handle(self, *args, email, yes=False, dry_run=False, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(
                _("There is no account with the e-mail %(email)s.") % {"email": email}
            )
        if dry_run:
            return self._report(user_anonymise(actor=None, user=user, dry_run=True))
        if not (yes or self._confirm(user)):
            raise CommandError(_("Cancelled; nothing was changed."))
        result = user_anonymise(actor=None, user=user)
        self.stdout.write(
            ngettext(
                "The account is anonymised; %(count)d row held the name or e-mail.",
                "The account is anonymised; %(count)d rows held the name or e-mail.",
                result.rows_scrubbed,
            )
            % {"count": result.rows_scrubbed}
        )
        for notice in result.notices:
            self.stdout.write(notice)

    def _report(self, result) -> None:
        """Counts and row ids only: the values would print the person's data."""
        for column, count, ids in result.findings.report():
            self.stdout.write(
                ngettext(
                    "%(column)s: %(count)d row (id %(ids)s)",
                    "%(column)s: %(count)d rows (ids %(ids)s)",
                    count,
                )
                % {"column": column, "count": count, "ids": ", ".join(map(str, ids))}
            )
        self.stdout.write(
            ngettext(
                "Dry run: %(count)d row would change; nothing was changed.",
                "Dry run: %(count)d rows would change; nothing was changed.",
                result.findings.rows,
            )
            % {"count": result.findings.rows}
        )

    def _confirm(self, user) -> bool:
        if not sys.stdin.isatty():
            raise CommandError(_("Add --yes to anonymise without a question."))
        answer = input(
            _("Anonymise %(name)s <%(email)s>? This cannot be undone. Type 'yes': ")
            % {"name": user.full_name, "email": user.email}
        )
        return answer.strip().lower() in ("yes", "ja")
