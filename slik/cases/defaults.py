"""The published steps of KS' Veikart for tjenesteinnovasjon, per phase (METHOD.md §5).

Norwegian data text: a municipality edits its own copy (a new template version per save).
"""

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
