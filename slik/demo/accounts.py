"""The demo's people. The sign-in page lists DEMO_ACCOUNTS when settings.SLIK_DEMO is true
(registered in DemoConfig.ready())."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# Published on the login page of the demo on purpose; demo accounts exist only with SLIK_DEMO.
DEMO_PASSWORD = "slik-demo-2026"

HVALER = "3110"
RADE = "3112"


@dataclass(frozen=True)
class DemoPerson:
    key: str
    email: str
    full_name: str
    municipality: str  # municipality number
    role: str  # Membership.Role value
    title: str
    label: str  # what the login page shows
    is_chief_executive: bool = False


DEMO_PEOPLE: tuple[DemoPerson, ...] = (
    DemoPerson(
        "coordinator",
        "koordinator@hvaler.demo.slik.no",
        "Ingrid Hansen",
        HVALER,
        "coordinator",
        "Innovasjonskoordinator",
        _("Innovation coordinator, Hvaler"),
    ),
    DemoPerson(
        "leader",
        "leder@hvaler.demo.slik.no",
        "Tor Andersen",
        HVALER,
        "leader",
        "Kommunedirektør",
        _("Chief executive (leader group), Hvaler"),
        is_chief_executive=True,
    ),
    DemoPerson(
        "project_leader",
        "prosjektleder@hvaler.demo.slik.no",
        "Sofie Berg",
        HVALER,
        "project_leader",
        "Prosjektleder",
        _("Project leader, Hvaler"),
    ),
    DemoPerson(
        "politician",
        "politiker@hvaler.demo.slik.no",
        "Geir Olsen",
        HVALER,
        "politician",
        "Kommunestyremedlem",
        _("Politician, Hvaler"),
    ),
    DemoPerson(
        "education_head",
        "oppvekst@hvaler.demo.slik.no",
        "Hanne Nilsen",
        HVALER,
        "leader",
        "Kommunalsjef oppvekst",
        _("Head of education (leader group), Hvaler"),
    ),
    DemoPerson(
        "health_head",
        "helse@hvaler.demo.slik.no",
        "Bjørn Larsen",
        HVALER,
        "leader",
        "Kommunalsjef helse og omsorg",
        _("Head of health and care (leader group), Hvaler"),
    ),
    DemoPerson(
        "rade_coordinator",
        "koordinator@rade.demo.slik.no",
        "Marte Johansen",
        RADE,
        "coordinator",
        "Innovasjonskoordinator",
        _("Innovation coordinator, Råde"),
    ),
)

# (e-mail, role label) for the login page.
DEMO_ACCOUNTS: list[tuple[str, str]] = [(person.email, person.label) for person in DEMO_PEOPLE]
