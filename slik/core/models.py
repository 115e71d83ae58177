"""Infrastructure models: the audit log every service writes to."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class AuditEvent(models.Model):
    """One state change: who, when, what, before and after.

    `content_type`/`object_id` name the object whose page shows the event as history (a gate
    decision is logged against its case), so a page's history is one indexed query; the
    organisation's latest activity (the overview page) is another, however long its history.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.CASCADE
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    action = models.CharField(_("action"), max_length=80)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    object_repr = models.CharField(max_length=300, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = ScopedManager(organisation="organisation")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "-created_at"]),
            models.Index(
                fields=["organisation", "-created_at", "-id"], name="core_audit_org_latest"
            ),
        ]

    def __str__(self):
        return f"{self.action} {self.object_repr}"
