from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChallengesConfig(AppConfig):
    name = "slik.challenges"
    label = "challenges"
    verbose_name = _("Floker")
