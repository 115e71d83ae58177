from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "slik.core"
    label = "core"
