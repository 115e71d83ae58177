"""`manage.py dumpdata` that works beside SLIK's scoped managers and never leaves half a file.

Django's dumpdata reads each model through its default manager, and SLIK's tenant models refuse
an unscoped query (django-scopes), so a plain dump stopped with a ScopeError after writing part
of the file. A dump spans every tenant, so it runs with the scopes disabled; it writes to a
temporary file beside the target and moves it into place only when the dump is complete.

`manage.py backup` is the supported backup (database and files, with checksums); dumpdata is
for moving fixtures between installations.
"""

from django.core.management.commands import dumpdata
from django_scopes import scopes_disabled

from slik.core.backup.files import atomic_path


class Command(dumpdata.Command):
    def handle(self, *app_labels, **options):
        output = options.get("output")
        with scopes_disabled():
            if not output or output == "-":
                return super().handle(*app_labels, **options)
            with atomic_path(output) as partial:
                return super().handle(*app_labels, **{**options, "output": str(partial)})
