from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenefitsConfig(AppConfig):
    name = "slik.benefits"
    label = "benefits"
    verbose_name = _("Benefits realisation")

    def ready(self):
        from slik.core.audit import register_actions
        from slik.organisations import services as organisation_services

        from .audit_codes import ACTION_LABELS
        from .audit_io import ACTION_LABELS_IO
        from .services.categories import benefit_defaults_ensure

        register_actions(ACTION_LABELS)
        register_actions(ACTION_LABELS_IO)
        if benefit_defaults_ensure not in organisation_services.DEFAULT_PROVIDERS:
            organisation_services.DEFAULT_PROVIDERS.append(benefit_defaults_ensure)

        from slik.cases.panels import CASE_PAGE_PANELS
        from slik.cases.services.gates import GATE_CHECK_EXTENSIONS

        from .gates import gate_check_extension
        from .panels import case_benefits_panel

        if gate_check_extension not in GATE_CHECK_EXTENSIONS:
            GATE_CHECK_EXTENSIONS.append(gate_check_extension)
        if case_benefits_panel not in CASE_PAGE_PANELS:
            CASE_PAGE_PANELS.append(case_benefits_panel)
