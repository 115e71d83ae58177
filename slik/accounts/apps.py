from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "slik.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from slik.core.audit import register_actions

        from .audit import ACTION_LABELS, connect_sign_in_events

        register_actions(ACTION_LABELS)
        connect_sign_in_events()
