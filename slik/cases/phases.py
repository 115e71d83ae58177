"""Time spent in the phases of the roadmap: arithmetic on a case's phase periods."""

import datetime

from django.utils import timezone

from .models import Phase


def phase_days(periods, *, today: datetime.date | None = None) -> dict[int, int]:
    """Days spent in each phase, summed over its periods; an open period runs until today."""
    today = today or timezone.localdate()
    result = {phase: 0 for phase in Phase.values}
    for period in periods:
        end = period.ended_on or today
        result[period.phase] += max((end - period.started_on).days, 0)
    return result
