"""Report runs: large reports are rendered by the background worker and offered when ready."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from . import registry


class ReportRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="report_runs"
    )
    report = models.CharField(_("report"), max_length=60)  # a key in the report registry
    file_format = models.CharField(_("format"), max_length=10)  # pdf, docx, xlsx, csv
    parameters = models.JSONField(default=dict, blank=True)  # e.g. {"case_id": 3, "year": 2026}
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # per cent
    error = models.TextField(blank=True)
    file = models.FileField(upload_to="reports/%Y/%m/", blank=True)
    filename = models.CharField(max_length=200, blank=True)
    is_published = models.BooleanField(_("published to politicians"), default=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    worker_seconds = models.FloatField(null=True, blank=True)

    objects = ScopedManager(organisation="organisation")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("report run")
        verbose_name_plural = _("report runs")

    def __str__(self):
        # The report's title, not its key: this is what the history and the overview show.
        definition = registry.get(self.report)
        name = str(definition.title) if definition else self.report
        return f"{name} ({self.file_format.upper()}, {self.get_status_display()})"
