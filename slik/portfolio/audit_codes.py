"""Labels of the portfolio's audit codes (dashboard settings and status reports)."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "portfolio.settings.changed": _("Portfolio settings changed"),
    "portfolio.status_report.created": _("Status report created"),
    "portfolio.status_report.changed": _("Status report changed"),
    "portfolio.status_report.published": _("Status report published"),
    "portfolio.status_report.deleted": _("Draft status report deleted"),
}
