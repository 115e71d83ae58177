"""The published steps of KS' Veikart for tjenesteinnovasjon, per phase (METHOD.md §5).

Norwegian data text: a municipality edits its own copy (a new template version per save).
"""

from django.utils.translation import pgettext_lazy

from .models import Phase

DEFAULT_ROADMAP_STEPS: dict[int, list[str]] = {
    Phase.FORANKRING: [
        "Definere problemet og sette mål",
        "Utforske gevinster",
        "Sette sammen riktig team",
        "Kartlegge interessenter og planlegge forankring",
        "Kartlegge relaterte prosjekter",
    ],
    Phase.INNSIKT: [
        "Kartlegge dagens tjeneste (workshop på tvers av tjenesten)",
        "Intervjuer og observasjon",
        "Lære av andre",
    ],
    Phase.TJENESTEUTVIKLING: [
        "Utvikle, prøve ut og evaluere i runder",
        "Designe alle kontaktpunkter (digitale, fysiske og menneskelige)",
        "Beskrive prosesser, roller og rutiner",
        "Kartlegge gevinster",
    ],
    Phase.PILOTERING: [
        "Planlegge piloten (læringsmål, omfang, tid, deltakere, informasjon, opplæring, "
        "feilhåndtering, måling, observasjon, dokumentasjon)",
        "Gjennomføre piloten",
        "Ledere er informert",
        "Opplæring er gjennomført",
        "Oppsett er klart",
        "Brukere er identifisert",
        "Gevinstrealiseringsplan finnes",
    ],
    Phase.OVERGANG: [
        "Sikre at løsningen integreres i drift",
        "Ta med de ansatte",
        "Planlegge gevinstrealiseringen",
        "Overlevere til linjeledelsen",
    ],
    Phase.NY_PRAKSIS: [
        "Holde fokus på gevinstrealisering",
        "Følge opp gevinstene",
    ],
}

# The default steps for a reader who chose nynorsk or English (slik/core/seed.py); a step the
# organisation has rewritten shows as written.
STEP_TRANSLATIONS = {
    "Definere problemet og sette mål": pgettext_lazy(
        "roadmap step", "Define the problem and set goals"
    ),
    "Utforske gevinster": pgettext_lazy("roadmap step", "Explore the benefits"),
    "Sette sammen riktig team": pgettext_lazy("roadmap step", "Put together the right team"),
    "Kartlegge interessenter og planlegge forankring": pgettext_lazy(
        "roadmap step", "Map the stakeholders and plan how to anchor the work"
    ),
    "Kartlegge relaterte prosjekter": pgettext_lazy("roadmap step", "Map related projects"),
    "Kartlegge dagens tjeneste (workshop på tvers av tjenesten)": pgettext_lazy(
        "roadmap step", "Map today's service (a workshop across the service)"
    ),
    "Intervjuer og observasjon": pgettext_lazy("roadmap step", "Interviews and observation"),
    "Lære av andre": pgettext_lazy("roadmap step", "Learn from others"),
    "Utvikle, prøve ut og evaluere i runder": pgettext_lazy(
        "roadmap step", "Develop, try out and evaluate in rounds"
    ),
    "Designe alle kontaktpunkter (digitale, fysiske og menneskelige)": pgettext_lazy(
        "roadmap step", "Design every touchpoint (digital, physical and human)"
    ),
    "Beskrive prosesser, roller og rutiner": pgettext_lazy(
        "roadmap step", "Describe processes, roles and routines"
    ),
    "Kartlegge gevinster": pgettext_lazy("roadmap step", "Map the benefits"),
    "Planlegge piloten (læringsmål, omfang, tid, deltakere, informasjon, opplæring, "
    "feilhåndtering, måling, observasjon, dokumentasjon)": pgettext_lazy(
        "roadmap step",
        "Plan the pilot (learning goals, scope, time, participants, information, training, "
        "handling of errors, measurement, observation, documentation)",
    ),
    "Gjennomføre piloten": pgettext_lazy("roadmap step", "Run the pilot"),
    "Ledere er informert": pgettext_lazy("roadmap step", "Leaders are informed"),
    "Opplæring er gjennomført": pgettext_lazy("roadmap step", "Training is done"),
    "Oppsett er klart": pgettext_lazy("roadmap step", "The set-up is ready"),
    "Brukere er identifisert": pgettext_lazy("roadmap step", "Users are identified"),
    "Gevinstrealiseringsplan finnes": pgettext_lazy(
        "roadmap step", "A benefits realisation plan exists"
    ),
    "Sikre at løsningen integreres i drift": pgettext_lazy(
        "roadmap step", "Make sure the solution becomes part of daily operations"
    ),
    "Ta med de ansatte": pgettext_lazy("roadmap step", "Bring the employees along"),
    "Planlegge gevinstrealiseringen": pgettext_lazy(
        "roadmap step", "Plan the benefits realisation"
    ),
    "Overlevere til linjeledelsen": pgettext_lazy("roadmap step", "Hand over to line management"),
    "Holde fokus på gevinstrealisering": pgettext_lazy(
        "roadmap step", "Keep the focus on benefits realisation"
    ),
    "Følge opp gevinstene": pgettext_lazy("roadmap step", "Follow up the benefits"),
}
