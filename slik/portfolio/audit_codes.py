"""Labels of the portfolio's audit codes: settings, status reports, board meetings, plan goals
and commissions."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "portfolio.settings.changed": _("Portfolio settings changed"),
    "portfolio.status_report.created": _("Status report created"),
    "portfolio.status_report.changed": _("Status report changed"),
    "portfolio.status_report.published": _("Status report published"),
    "portfolio.status_report.deleted": _("Draft status report deleted"),
    "portfolio.board.created": _("Board meeting created"),
    "portfolio.board.changed": _("Board meeting changed"),
    "portfolio.board.deleted": _("Board meeting deleted"),
    "portfolio.board.item_added": _("Case added to the agenda"),
    "portfolio.board.item_removed": _("Case removed from the agenda"),
    "portfolio.board.item_moved": _("Agenda reordered"),
    "portfolio.board.decided": _("Board decision recorded"),
    "portfolio.board.closed": _("Minutes approved"),
    "portfolio.goal.created": _("Plan goal registered"),
    "portfolio.goal.changed": _("Plan goal changed"),
    "portfolio.goal.deleted": _("Plan goal deleted"),
    "portfolio.commission.created": _("Commission registered"),
    "portfolio.commission.changed": _("Commission changed"),
    "portfolio.commission.cases_linked": _("Cases answering the commission changed"),
    "portfolio.commission.status_changed": _("Commission status changed"),
    "portfolio.commission.deleted": _("Commission deleted"),
}
