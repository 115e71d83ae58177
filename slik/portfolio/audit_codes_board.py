"""Audit codes of board meetings, plan goals and commissions, with their labels."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
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

# The name the apps.py hook of the brief asked for.
ACTION_LABELS_BOARD = ACTION_LABELS
