from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenefitsConfig(AppConfig):
    name = "slik.benefits"
    label = "benefits"
    verbose_name = _("Benefits realisation")

    def ready(self):
        from slik.cases.panels import CASE_PAGE_PANELS
        from slik.cases.services.gates import GATE_CHECK_EXTENSIONS
        from slik.core.audit import register_actions
        from slik.organisations.services import DEFAULT_PROVIDERS

        from .audit_codes import ACTION_LABELS
        from .gates import gate_check_extension
        from .panels import case_benefits_panel
        from .services.categories import benefit_defaults_ensure

        register_actions(ACTION_LABELS)
        DEFAULT_PROVIDERS.register(benefit_defaults_ensure)
        GATE_CHECK_EXTENSIONS.register(gate_check_extension)
        CASE_PAGE_PANELS.register("benefits", case_benefits_panel)
