"""The organisation's portfolio settings: the limit for active cases and when a case is stuck."""

from django.db import transaction

from slik.core.audit import audit_log, snapshot

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
    *, actor, organisation, wip_limit: int | None, stuck_after_days: int
) -> PortfolioSettings:
    settings = portfolio_settings_ensure(organisation)
    before = snapshot(settings, SETTINGS_FIELDS)
    settings.wip_limit = wip_limit
    settings.stuck_after_days = stuck_after_days
    settings.full_clean(exclude=["organisation"])
    settings.save()
    audit_log(
        actor=actor,
        action="portfolio.settings.changed",
        obj=settings,
        organisation=organisation,
        before=before,
        after=snapshot(settings, SETTINGS_FIELDS),
    )
    return settings
