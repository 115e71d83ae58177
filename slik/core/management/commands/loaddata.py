"""`manage.py loaddata` across every tenant: fixtures hold rows of many organisations, and
setting a tenant model's many-to-many values goes through its scoped manager."""

from django.core.management.commands import loaddata
from django_scopes import scopes_disabled


class Command(loaddata.Command):
    def handle(self, *fixture_labels, **options):
        with scopes_disabled():
            return super().handle(*fixture_labels, **options)
