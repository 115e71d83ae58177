from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "slik.cases"
    label = "cases"
    verbose_name = _("Innovation cases")

    def ready(self):
        from slik.core.audit import register_actions
        from slik.organisations import services as organisation_services

        from .audit_codes import ACTION_LABELS
        from .services.roadmap import roadmap_template_ensure

        register_actions(ACTION_LABELS)
        if roadmap_template_ensure not in organisation_services.DEFAULT_PROVIDERS:
            organisation_services.DEFAULT_PROVIDERS.append(roadmap_template_ensure)
