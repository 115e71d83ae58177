from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def overview_floker(*, organisation, actor):
    """The organisation overview's card: floker by status, those the actor may see."""
    from slik.organisations.pages import CountCard, counted_rows

    from .models import Challenge
    from .selectors import challenges_by_status

    return CountCard(
        key="challenges",
        heading=_("Floker by status"),
        caption=_("Number of floker by status"),
        column=_("Status"),
        rows=counted_rows(
            challenges_by_status(actor=actor, organisation=organisation), Challenge.Status.choices
        ),
        url_name="challenges:list",
        link_text=_("See all floker"),
        row_attribute="status",
    )


class ChallengesConfig(AppConfig):
    name = "slik.challenges"
    label = "challenges"
    verbose_name = _("Floker")

    def ready(self):
        from slik.core.audit import register_actions
        from slik.organisations.pages import OVERVIEW_SECTIONS, SETTINGS_LINKS, SettingsLink
        from slik.organisations.services import DEFAULT_PROVIDERS

        from .audit import ACTIONS
        from .services import criteria_ensure_defaults

        register_actions(ACTIONS)
        DEFAULT_PROVIDERS.register(criteria_ensure_defaults)
        OVERVIEW_SECTIONS.register(overview_floker)
        SETTINGS_LINKS.register(
            SettingsLink("challenges:criteria", _("Criteria for the decision matrix"))
        )
