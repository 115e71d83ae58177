"""Hvaler's portfolio steering: plan goals, commissions, capacity, status reports, board meetings.

Dates are relative to today (`days` ago; negative: ahead). Cases are named by their titles in
data_cases, floker by their keys in data_floker, benefits by their titles in data_benefits.
"""

from .data_cases import CONFERENCE_CASE, FAMILY_CASE, HOME_CARE_CASE, HOUSING_CASE, YOUTH_CASE
from .data_floker import DROPOUT, ELDERLY, LONELINESS

# Four cases are active (Anchoring to Transition); one more would reach the limit.
WIP_LIMIT = 5
STUCK_AFTER_DAYS = 180

# Budget (kroner) and estimated hours per case, for the dashboard's resources.
RESOURCES = {
    YOUTH_CASE: (350_000, 900),
    FAMILY_CASE: (1_200_000, 2_400),
    CONFERENCE_CASE: (180_000, 600),
    HOUSING_CASE: (60_000, 150),
    HOME_CARE_CASE: (400_000, 1_100),
}

COMMUNITY_GOAL = "Alle barn og unge skal oppleve tilhørighet og mestring"
ACTION_GOAL = "Flere eldre skal bo trygt hjemme lenger"
BUDGET_GOAL = "Redusere utgiftene til barnevernstiltak utenfor hjemmet"

# `year`: years before this one (the community plan was adopted two years ago).
PLAN_GOALS = [
    {
        "source": "community_plan",
        "title": COMMUNITY_GOAL,
        "description": "Samfunnsmål 2 i kommuneplanens samfunnsdel: ingen skal stå utenfor "
        "fellesskapet på skolen eller i fritiden.",
        "years_ago": 2,
        "reference": "Kommuneplanens samfunnsdel, samfunnsmål 2.1",
        "cases": [YOUTH_CASE, FAMILY_CASE],
        "benefits": [
            "Familiene får hjelp tidligere",
            "Flere nyankomne ungdommer med i fritidsaktiviteter",
        ],
    },
    {
        "source": "action_plan",
        "title": ACTION_GOAL,
        "description": "Handlingsdelen prioriterer hverdagsmestring og møteplasser som "
        "forebygger ensomhet.",
        "years_ago": 0,
        "reference": "Handlingsplan med økonomiplan, tiltak 4.3",
        "cases": [HOME_CARE_CASE, CONFERENCE_CASE],
        "benefits": ["Mindre ensomhet blant eldre", "Lavere sykefravær i hjemmetjenesten"],
    },
    {
        "source": "budget",
        "title": BUDGET_GOAL,
        "description": "Budsjettvedtaket forutsetter 1,5 millioner kroner lavere utgifter "
        "til tiltak utenfor hjemmet innen utgangen av året.",
        "years_ago": 0,
        "reference": "Budsjett, kapittel 2.4 Barnevern",
        "cases": [FAMILY_CASE],
        "benefits": ["Mindre tid til koordinering mellom tjenestene"],
    },
]

# The case number is "<two-digit year of the decision>/<number>", as in the archive.
COMMISSIONS = [
    {
        "body": "Kommunestyret",
        "days": 400,
        "number": 1234,
        "title": "Én dør inn for familier som trenger hjelp fra flere tjenester",
        "text": "Kommunestyret ber kommunedirektøren utvikle og prøve ut en modell der "
        "familier med sammensatte behov får én kontaktperson på tvers av NAV, barnevern, "
        "helse, kultur og skole. Kommunestyret skal få en status hvert halvår.",
        "floker": [DROPOUT],
        "goals": [COMMUNITY_GOAL, BUDGET_GOAL],
        "cases": [FAMILY_CASE],
        "status": "in_progress",
        "status_comment": "Piloten er i gang på én skole; den andre skolen starter i januar.",
    },
    {
        "body": "Formannskapet",
        "days": 45,
        "number": 312,
        "title": "Forebygge ensomhet blant eldre på øyene",
        "text": "Formannskapet ber administrasjonen finne nye måter å forebygge ensomhet "
        "blant hjemmeboende eldre på, sammen med frivilligheten og eldrerådet.",
        "floker": [ELDERLY, LONELINESS],
        "goals": [ACTION_GOAL],
        "cases": [],
        "status": "received",
        "status_comment": "",
    },
]

STATUS_DIMENSIONS = ("overall", "time", "budget", "quality", "risk", "benefits")

# (case, days ago, published, {dimension: (level, comment)})
STATUS_REPORTS = [
    (
        FAMILY_CASE,
        12,
        True,
        {
            "overall": ("on_plan", "Piloten går som planlagt på den første skolen."),
            "time": ("minor_delays", "Oppstarten på skole nummer to er flyttet til januar."),
            "budget": ("on_plan", "Forbruket følger planen."),
            "quality": ("on_plan", "Familiene gir gode tilbakemeldinger på familiekontakten."),
            "risk": ("minor_delays", "Familiekontakten er én person; vi trenger en vikar."),
            "benefits": ("ahead", "Tiden til koordinering har gått ned mer enn ventet."),
        },
    ),
    (
        CONFERENCE_CASE,
        2,
        False,
        {
            "overall": ("minor_delays", "To av fire møteplasser er i gang."),
            "time": ("minor_delays", "Samlerne for de to siste møteplassene er ikke på plass."),
            "budget": ("on_plan", ""),
            "quality": ("on_plan", ""),
            "risk": ("on_plan", ""),
            "benefits": ("not_started", "Ingen målinger før møteplassene har vart et halvår."),
        },
    ),
]

HELD_MEETING = {
    "title": "Porteføljerådet, høstmøtet",
    "days": 7,
    "participants": "Tor Andersen (kommunedirektør), Hanne Nilsen (kommunalsjef oppvekst), "
    "Bjørn Larsen (kommunalsjef helse og omsorg), Ingrid Hansen (innovasjonskoordinator)",
    "notes": "Gjennomgang av porteføljen før budsjettbehandlingen.",
    # (case, board decision, comment)
    "items": [
        (
            HOME_CARE_CASE,
            "continue",
            "Behovet er tydelig og brukerrådet er med. Saken går videre til innsikt; teamet "
            "settes sammen før jul.",
        ),
        (
            FAMILY_CASE,
            "adjust",
            "Piloten utvides til skole nummer to, og familiekontakten får en vikar.",
        ),
    ],
}

UPCOMING_MEETING = {
    "title": "Porteføljerådet, vintermøtet",
    "days": -21,
    "participants": "Ledergruppen og innovasjonskoordinator",
    "notes": "",
    "items": [CONFERENCE_CASE, YOUTH_CASE],
}
