from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "report.ordered": _("Report ordered"),
    "report.retried": _("Report ordered again"),
    "report.failed": _("Report failed"),
    "report.published": _("Report published to politicians"),
    "report.unpublished": _("Report withdrawn from politicians"),
}
