from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "slik.portfolio"
    label = "portfolio"
    verbose_name = _("Portfolio")

    def ready(self):
        from slik.cases.panels import CASE_CREATE_WARNINGS, CASE_PAGE_PANELS
        from slik.cases.services.gates import GATE_CHECK_EXTENSIONS
        from slik.core.audit import register_actions
        from slik.organisations import services as organisation_services

        from .audit_codes import ACTION_LABELS
        from .panels import case_status_panel
        from .services.capacity import wip_create_warnings, wip_gate_extension
        from .services.settings import portfolio_settings_ensure

        register_actions(ACTION_LABELS)
        organisation_services.DEFAULT_PROVIDERS.register(portfolio_settings_ensure)
        GATE_CHECK_EXTENSIONS.register(wip_gate_extension)
        CASE_CREATE_WARNINGS.register(wip_create_warnings)
        CASE_PAGE_PANELS.register("status", case_status_panel)
