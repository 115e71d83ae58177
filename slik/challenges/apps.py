from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChallengesConfig(AppConfig):
    name = "slik.challenges"
    label = "challenges"
    verbose_name = _("Floker")

    def ready(self):
        from slik.core.audit import register_actions
        from slik.organisations.services import DEFAULT_PROVIDERS

        from .audit import ACTIONS
        from .services import criteria_ensure_defaults

        register_actions(ACTIONS)
        if criteria_ensure_defaults not in DEFAULT_PROVIDERS:
            DEFAULT_PROVIDERS.append(criteria_ensure_defaults)
