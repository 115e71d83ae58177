"""Decisions of minutes approved before entries could be locked are locked now, as approving
the minutes does today (services.board.board_meeting_close): the case's decision log and the
signed minutes must not disagree."""

from django.db import migrations
from django.utils import timezone


def lock_approved(apps, schema_editor):
    AgendaItem = apps.get_model("portfolio", "AgendaItem")
    CaseDecision = apps.get_model("cases", "CaseDecision")
    now = timezone.now()
    items = AgendaItem.objects.filter(meeting__is_closed=True, case_decision__isnull=False)
    for item in items.select_related("meeting").iterator():
        meeting = item.meeting
        # The source as board_meeting_close writes it (the words of the catalogue's bokmål).
        source = f"Porteføljerådet: {meeting.title}"[:200] + f", {meeting.held_on:%d.%m.%Y}"
        CaseDecision.objects.filter(pk=item.case_decision_id, locked_at__isnull=True).update(
            locked_at=now, locked_by=source[:300]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("portfolio", "0003_settings_version"),
        ("cases", "0005_governance"),
    ]

    operations = [migrations.RunPython(lock_approved, migrations.RunPython.noop)]
