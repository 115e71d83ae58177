from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "slik.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from slik.cases.panels import CASE_PAGE_PANELS
        from slik.core.audit import register_actions

        from . import definitions
        from .audit_codes import ACTION_LABELS
        from .panels import case_reports_panel

        register_actions(ACTION_LABELS)
        definitions.register_all()
        CASE_PAGE_PANELS.register("reports", case_reports_panel)
