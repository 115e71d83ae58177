from django.apps import AppConfig
from django.db.backends.signals import connection_created


class CoreConfig(AppConfig):
    name = "slik.core"
    label = "core"

    def ready(self):
        from .sqlite import register_functions

        # Text filters fold æ, ø, å on SQLite as they do on PostgreSQL (slik.core.sqlite).
        connection_created.connect(register_functions, dispatch_uid="slik.core.sqlite")
