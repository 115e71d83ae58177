"""The organisation's portfolio settings: the limit for active cases and when a case is stuck."""

from django.db import transaction

from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import lock_version, save_versioned

from ..models import PortfolioSettings

SETTINGS_FIELDS = ("wip_limit", "stuck_after_days")


def portfolio_settings_ensure(organisation) -> PortfolioSettings:
    """A default provider (organisation set-up): create the settings row once."""
    settings, _created = PortfolioSettings.objects.get_or_create(organisation=organisation)
    return settings


def portfolio_settings_for(organisation) -> PortfolioSettings:
    """The settings, or unsaved defaults – reading never writes."""
    found = PortfolioSettings.objects.filter(organisation=organisation).first()
    return found or PortfolioSettings(organisation=organisation)


@transaction.atomic
def portfolio_settings_update(
    *, actor, organisation, wip_limit: int | None, stuck_after_days: int, version=None
) -> PortfolioSettings:
    """Save the settings; `version` is the one the form was loaded with (None: not checked).
    Unsaved defaults are version 1, so two forms opened before the first save still clash."""
    settings = lock_version(portfolio_settings_ensure(organisation), version)
    before = snapshot(settings, SETTINGS_FIELDS)
    settings.wip_limit = wip_limit
    settings.stuck_after_days = stuck_after_days
    settings.full_clean(exclude=["organisation"])
    save_versioned(settings, SETTINGS_FIELDS)
    audit_log(
        actor=actor,
        action="portfolio.settings.changed",
        obj=settings,
        organisation=organisation,
        before=before,
        after=snapshot(settings, SETTINGS_FIELDS),
    )
    return settings
