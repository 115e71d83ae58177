"""Writes for benefits. The register (categories, benefits, indicators, measurements) is
re-exported here; the plan, map, imports and reminders live in their own modules."""

from .benefits import (
    benefit_create,
    benefit_delete,
    benefit_set_status,
    benefit_update,
    benefit_warnings,
)
from .categories import (
    benefit_category_add,
    benefit_category_set_active,
    benefit_defaults_ensure,
    benefit_settings_for,
    benefit_settings_update,
)
from .indicators import (
    indicator_clean,
    indicator_create,
    indicator_delete,
    indicator_update,
)
from .measurements import (
    measurement_clean,
    measurement_delete,
    measurement_on,
    measurement_record,
    measurement_replace,
)

__all__ = [
    "benefit_category_add",
    "benefit_category_set_active",
    "benefit_create",
    "benefit_defaults_ensure",
    "benefit_delete",
    "benefit_set_status",
    "benefit_settings_for",
    "benefit_settings_update",
    "benefit_update",
    "benefit_warnings",
    "indicator_clean",
    "indicator_create",
    "indicator_delete",
    "indicator_update",
    "measurement_clean",
    "measurement_delete",
    "measurement_on",
    "measurement_record",
    "measurement_replace",
]
