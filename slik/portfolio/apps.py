import importlib

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Audit labels of the other parts of the app (board meetings, plan goals), when present.
OPTIONAL_AUDIT_MODULES = ("audit_codes_board", "audit_codes_goals")


def _optional_module(module_name: str):
    """A module of this app that another engineer may not have written yet, or None."""
    try:
        return importlib.import_module(f"slik.portfolio.{module_name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"slik.portfolio.{module_name}":
            raise
        return None


def _register_optional_parts(register_actions) -> None:
    for module_name in OPTIONAL_AUDIT_MODULES:
        if module := _optional_module(module_name):
            register_actions(module.ACTION_LABELS)
    # The board's report definitions (minutes) register with the reports app.
    reports = _optional_module("reports")
    if reports is not None and hasattr(reports, "register_reports"):
        reports.register_reports()


def _append_once(registry: list, item) -> None:
    if item not in registry:
        registry.append(item)


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
        _register_optional_parts(register_actions)
        _append_once(organisation_services.DEFAULT_PROVIDERS, portfolio_settings_ensure)
        _append_once(GATE_CHECK_EXTENSIONS, wip_gate_extension)
        _append_once(CASE_CREATE_WARNINGS, wip_create_warnings)
        _append_once(CASE_PAGE_PANELS, case_status_panel)
