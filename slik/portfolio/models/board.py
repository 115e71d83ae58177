"""Board meetings of the portfolio board (porteføljeråd) and their decisions per case."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from slik.core.concurrency import Versioned


class BoardMeeting(Versioned):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="board_meetings"
    )
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    participants = models.TextField(_("participants"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    is_closed = models.BooleanField(_("minutes approved"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organisation="organisation")

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("board meeting")
        verbose_name_plural = _("board meetings")

    def __str__(self):
        return f"{self.title} ({self.held_on})"


class AgendaItem(models.Model):
    """A case on the agenda and the board's decision on it."""

    class Decision(models.TextChoices):
        START = "start", _("Start")
        CONTINUE = "continue", _("Continue")
        ADJUST = "adjust", _("Adjust")
        PAUSE = "pause", _("Pause")
        STOP = "stop", _("Stop")
        SCALE = "scale", _("Scale")
        HAND_OVER = "hand_over", _("Hand over to operations")

    meeting = models.ForeignKey(BoardMeeting, on_delete=models.CASCADE, related_name="items")
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(default=0)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    case_decision = models.ForeignKey(
        "cases.CaseDecision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    gate_decision = models.ForeignKey(
        "cases.GateDecision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager(organisation="meeting__organisation")

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "case"], name="agenda_item_unique_case")
        ]

    def __str__(self):
        return f"{self.meeting}: {self.case}"
