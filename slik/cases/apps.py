from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def overview_cases(*, organisation, actor):
    """The organisation overview's card: active cases by phase, those the actor may see."""
    from slik.organisations.pages import CountCard, counted_rows

    from .models import Phase
    from .selectors import active_cases_by_phase

    found = active_cases_by_phase(actor=actor, organisation=organisation)
    return CountCard(
        key="cases",
        heading=_("Active innovation cases by phase"),
        caption=_("Number of active innovation cases by roadmap phase"),
        column=_("Phase"),
        rows=counted_rows(found, [(p, f"{p}. {label}") for p, label in Phase.choices]),
        url_name="cases:list",
        link_text=_("See all innovation cases"),
        row_attribute="phase",
    )


class CasesConfig(AppConfig):
    name = "slik.cases"
    label = "cases"
    verbose_name = _("Innovation cases")

    def ready(self):
        from slik.challenges.panels import CHALLENGE_PAGE_PANELS
        from slik.core.audit import register_actions
        from slik.core.seed import seed_texts_register
        from slik.organisations import services as organisation_services
        from slik.organisations.pages import OVERVIEW_SECTIONS, SETTINGS_LINKS, SettingsLink

        from .audit_codes import ACTION_LABELS
        from .defaults import STEP_TRANSLATIONS
        from .services.roadmap import roadmap_template_ensure
        from .views.challenges import challenge_cases_panel

        register_actions(ACTION_LABELS)
        seed_texts_register(STEP_TRANSLATIONS)
        organisation_services.DEFAULT_PROVIDERS.register(roadmap_template_ensure)
        OVERVIEW_SECTIONS.register(overview_cases)
        SETTINGS_LINKS.register(SettingsLink("cases:roadmap", _("Roadmap template")))
        SETTINGS_LINKS.register(SettingsLink("cases:gate_settings", _("Gate decision rules")))
        CHALLENGE_PAGE_PANELS.register(challenge_cases_panel)
