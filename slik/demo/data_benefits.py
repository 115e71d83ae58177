"""Hvaler's demo benefits (gevinster): realistic monthly series with baseline and target.

Dates are relative to today: a series point is (months_ago, value), dated the first day of
that month, so every measurement lies in the past. `baseline` and `target` are
(value, months_ago) – a negative months_ago lies in the future. The series are fixed lists, not
random numbers, so the statistics on the demo's indicator pages are the same on every machine:

- SHIFT_SERIES (family case) shows a real change: 12 baseline months around 14.1 hours, then
  10 months around 11.7 – every point after the baseline lies below the centre line, so the
  XmR run rule (8 in a row on one side) fires, and the points also fall outside the limits.
- NOISE_SERIES (conference case) is only noise: the 10 months after the baseline have the same
  mean (4.2) as the 12 baseline months, stay within the limits, and no run rule fires.
"""

from .data_cases import CONFERENCE_CASE, FAMILY_CASE, HOME_CARE_CASE, YOUTH_CASE

# Categories by (category set, name) from the benefits app's default sets.
DIRECT = ("Saman om", "Direkte budsjettgevinst")
INDIRECT = ("Saman om", "Indirekte budsjettgevinst")
QUALITATIVE = ("Saman om", "Kvalitativ gevinst")
QUALITY = ("DFØ", "Kvalitet")
OTHER_ACTORS = ("DFØ", "Gevinst for andre aktører")


def monthly(values, *, last: int = 1) -> list[tuple[int, float]]:
    """One value per month, the last one `last` months ago."""
    count = len(values)
    return [(count - index - 1 + last, value) for index, value in enumerate(values)]


SHIFT_BASELINE = [14.2, 13.6, 14.5, 13.9, 14.1, 14.6, 13.7, 14.0, 14.4, 13.8, 14.3, 13.9]
SHIFT_AFTER = [12.6, 12.1, 11.8, 12.2, 11.5, 11.9, 11.3, 11.7, 11.1, 11.4]
SHIFT_SERIES = monthly(SHIFT_BASELINE + SHIFT_AFTER)

NOISE_BASELINE = [4.3, 4.0, 4.4, 4.1, 4.2, 4.5, 3.9, 4.2, 4.3, 4.0, 4.4, 4.1]
NOISE_AFTER = [4.0, 4.4, 4.1, 4.3, 3.9, 4.4, 4.2, 4.0, 4.5, 4.2]
NOISE_SERIES = monthly(NOISE_BASELINE + NOISE_AFTER)

# Months ago of the last baseline month of the two long series (the baseline date).
LONG_BASELINE_MONTHS_AGO = len(SHIFT_AFTER) + 1

# Sickness absence in the home-care service from the HR system: the baseline year only.
ABSENCE_SERIES = monthly([9.4, 8.7, 9.1, 9.6, 8.8, 9.0, 8.5, 9.2, 9.3, 8.9, 8.6, 9.1])

SHIFT_INDICATOR = "Tid brukt på koordineringsmøter"
NOISE_INDICATOR = "Brukertilfredshet med møteplassene"

BENEFITS = {
    FAMILY_CASE: [
        {
            "title": "Mindre tid til koordinering mellom tjenestene",
            "description": "Når forumet avklarer hvem som eier saken, trenger ikke enhetene "
            "lenger mange parallelle møter om den samme familien.",
            "category": INDIRECT,
            "beneficiary": "Enhetene i forumet (NAV, barnevern, helse, skole)",
            "realisation": "reallocation",
            "reallocation_to": "Familiekontakten og enhetene bruker den frigjorte tiden på "
            "hjemmebesøk og tidlige tiltak (steg 1 og 2).",
            "calculation_basis": "Timelister fra de fem enhetene, snitt per uke per måned.",
            "uncertainty": "low",
            "priority": "high",
            "responsible": "education_head",
            "owner": "leader",
            "realisation_months": 8,
            "status": ("tracking", "on_plan"),
            "indicators": [
                {
                    "name": SHIFT_INDICATOR,
                    "unit": "timer per uke",
                    "direction": "lower",
                    "baseline": (14.1, LONG_BASELINE_MONTHS_AGO),
                    "target": (10.0, -6),
                    "data_source": "Timelister i enhetene",
                    "method": "Sum av timer i koordineringsmøter, snitt per uke i måneden.",
                    "frequency": "monthly",
                    "cost_of_measuring": "1 time per måned (kontormedarbeider)",
                    "series": SHIFT_SERIES,
                },
            ],
        },
        {
            "title": "Familiene får hjelp tidligere",
            "description": "Med én fast kontaktperson settes tiltak inn før problemene vokser.",
            "category": QUALITY,
            "beneficiary": "Familiene og barna",
            "realisation": "quality",
            "calculation_basis": "Saksdatoer i fagsystemene for familiene i piloten.",
            "uncertainty": "medium",
            "priority": "high",
            "responsible": "education_head",
            "owner": "leader",
            "realisation_months": 12,
            "status": ("tracking", "minor_delays"),
            "indicators": [
                {
                    "name": "Uker fra første kontakt til første tiltak",
                    "unit": "uker",
                    "direction": "lower",
                    "baseline": (11.0, 4),
                    "target": (4.0, -9),
                    "data_source": "Fagsystemene i barnevern og NAV",
                    "method": "Median for familiene som fikk første tiltak i måneden.",
                    "frequency": "monthly",
                    "cost_of_measuring": "2 timer per måned",
                    "series": [(4, 11.0), (3, 9.5), (2, 8.0), (1, 7.5)],
                },
            ],
        },
        {
            "title": "Familiene forteller historien sin bare én gang",
            "description": "Familiene slipper å gjenta historien sin for hver ny tjeneste.",
            "category": OTHER_ACTORS,
            "beneficiary": "Familiene",
            "realisation": "quality",
            "uncertainty": "medium",
            "priority": "medium",
            "responsible": "education_head",
            "owner": "leader",
            "realisation_months": 12,
            "status": ("tracking", "on_plan"),
            "indicators": [
                {
                    "name": "Andel familier som bare måtte fortelle historien én gang",
                    "unit": "%",
                    "direction": "higher",
                    "baseline": (20.0, 5),
                    "target": (70.0, -9),
                    "data_source": "Evalueringssamtalen etter seks måneder (steg 4)",
                    "method": "Ja/nei-spørsmål i evalueringssamtalen.",
                    "frequency": "quarterly",
                    "cost_of_measuring": "Inngår i evalueringssamtalen",
                    "series": [(5, 20.0), (2, 45.0)],
                },
            ],
        },
    ],
    YOUTH_CASE: [
        {
            "title": "Flere nyankomne ungdommer med i fritidsaktiviteter",
            "description": "Møteplasser som ungdommene lager sammen, gir flere en plass i "
            "fellesskapet.",
            "category": QUALITATIVE,
            "beneficiary": "Unge nyankomne og ungdomsmiljøet",
            "prerequisites": "Ungdomsbedriften, ungdomsfrivilligheten og frivilligsentralen er "
            "med fra starten.",
            "realisation": "quality",
            "uncertainty": "high",
            "priority": "high",
            "responsible": "education_head",
            "owner": "leader",
            "realisation_months": 18,
            "status": ("expected", "not_started"),
            "indicators": [
                {
                    "name": "Andel nyankomne ungdommer i organisert fritid",
                    "unit": "%",
                    "direction": "higher",
                    "baseline": (35.0, 8),
                    "target": (60.0, -18),
                    "data_source": "Ungdata og flyktningtjenestens oversikt",
                    "method": "Andel av de nyankomne 13–19-åringene som deltar ukentlig.",
                    "frequency": "quarterly",
                    "cost_of_measuring": "Halv dag per kvartal",
                    "series": [(8, 35.0), (5, 36.0), (2, 34.0)],
                },
            ],
        },
        {
            "title": "Frigjort tid i flyktningtjenesten",
            "description": "Når frivilligheten drar i gang møteplassene, bruker "
            "flyktningtjenesten mindre tid på å følge opp fritid for hver ungdom.",
            "category": INDIRECT,
            "beneficiary": "Flyktningtjenesten",
            # Reallocation without saying what the freed time is for: the pitfall shows.
            "realisation": "reallocation",
            "uncertainty": "high",
            "priority": "medium",
            "responsible": "education_head",
            "owner": "leader",
            "realisation_months": 18,
            "status": ("expected", "not_started"),
            "indicators": [
                {
                    "name": "Tid brukt på individuell oppfølging av fritid",
                    "unit": "timer per uke",
                    "direction": "lower",
                    "baseline": (10.0, 6),
                    "target": (6.0, -18),
                    "data_source": "Timelister i flyktningtjenesten",
                    "frequency": "quarterly",
                    "series": [(6, 10.0)],
                },
            ],
        },
    ],
    CONFERENCE_CASE: [
        {
            "title": "Mindre ensomhet blant eldre",
            "description": "Faste møteplasser drevet av frivillige gir eldre flere å være "
            "sammen med.",
            "category": QUALITY,
            "beneficiary": "Eldre som bor alene",
            "realisation": "quality",
            "uncertainty": "high",
            "priority": "high",
            "responsible": "health_head",
            "owner": "leader",
            "realisation_months": 6,
            "status": ("tracking", "delayed"),
            "indicators": [
                {
                    "name": NOISE_INDICATOR,
                    "unit": "poeng (1–6)",
                    "direction": "higher",
                    "baseline": (4.2, LONG_BASELINE_MONTHS_AGO),
                    "target": (4.8, -6),
                    "data_source": "Kort spørreskjema på seniortreffene og nabolagskafeen",
                    "method": "Snitt av svarene på «Hvor fornøyd er du med møteplassen?».",
                    "frequency": "monthly",
                    "cost_of_measuring": "Frivillige deler ut skjemaet",
                    "series": NOISE_SERIES,
                },
            ],
        },
        {
            "title": "Lavere driftsutgifter til seniortreffene",
            "description": "Pensjonistforeningen overtar seniortreffene fra 1. mars.",
            "category": DIRECT,
            "beneficiary": "Kommunens budsjett",
            "realisation": "budget_cut",
            "calculation_basis": "Lønn til treffleder og leie av lokale, regnskap 2025.",
            "uncertainty": "low",
            "priority": "medium",
            "responsible": "health_head",
            "owner": "leader",
            "realisation_months": 3,
            "status": ("partly_realised", "on_plan"),
            "indicators": [
                {
                    "name": "Kommunens utgifter til seniortreffene (årstakt)",
                    "unit": "kr",
                    "direction": "lower",
                    "baseline": (180000.0, 9),
                    "target": (40000.0, -3),
                    "data_source": "Regnskapet",
                    "frequency": "quarterly",
                    "series": [(9, 180000.0), (6, 150000.0), (3, 95000.0)],
                },
            ],
        },
        {
            "title": "Frigjort tid i kulturenheten",
            "description": "Kulturenheten trenger ikke lenger drive seniortreffene selv.",
            "category": INDIRECT,
            "beneficiary": "Kulturenheten",
            "realisation": "reallocation",
            "reallocation_to": "Nye møteplasser i distriktene sammen med frivilligsentralen.",
            "uncertainty": "medium",
            "priority": "low",
            "responsible": "health_head",
            "owner": "leader",
            "realisation_months": 3,
            "status": ("tracking", "on_plan"),
            "indicators": [
                {
                    "name": "Årsverk brukt på seniortreffene",
                    "unit": "årsverk",
                    "direction": "lower",
                    "baseline": (0.6, 9),
                    "target": (0.1, -3),
                    "data_source": "Turnusplanen i kulturenheten",
                    "frequency": "quarterly",
                    "series": [(9, 0.6), (6, 0.5), (3, 0.3)],
                },
            ],
        },
    ],
    HOME_CARE_CASE: [
        {
            "title": "Lavere sykefravær i hjemmetjenesten",
            "description": "Brukere som klarer mer selv, gir færre tunge løft og mindre "
            "tidspress for de ansatte.",
            "category": INDIRECT,
            "beneficiary": "Ansatte i hjemmetjenesten",
            "realisation": "quality",
            "uncertainty": "high",
            "priority": "medium",
            "responsible": "health_head",
            "owner": "leader",
            "realisation_months": 18,
            "status": ("expected", "not_started"),
            "indicators": [
                {
                    "name": "Sykefravær i hjemmetjenesten",
                    "unit": "%",
                    "direction": "lower",
                    "baseline": (9.0, 1),
                    "target": (7.6, -18),
                    "data_source": "HR-systemet (legemeldt og egenmeldt)",
                    "frequency": "monthly",
                    "series": ABSENCE_SERIES,
                },
            ],
        },
    ],
}

PLAN = {
    FAMILY_CASE: {
        "rationale": "Familiene med størst behov møter mange tjenester hver for seg og må "
        "fortelle historien sin på nytt hver gang. Enhetene bruker mye tid på å avklare hvem "
        "som eier saken.",
        "goals": "Flere unge fullfører videregående opplæring (kommuneplanens samfunnsdel). "
        "Tjenestene bruker tiden der den gir mest for familiene.",
        "main_deliverables": "Strategisk forum for familier med myndighet fra enhetslederne. "
        "Familiekontakt som følger familien i fire steg. Evaluering innen seks måneder.",
        "risks": "Nye enheter kommer inn uten forankring og faller fra. Den frigjorte tiden "
        "forsvinner i drift hvis ingen bestemmer hva den skal brukes til.",
    },
}

# The family case's benefit map: (key, kind, label or the title of a benefit above).
MAP_NODES = [
    ("forum", "measure", "Strategisk forum for familier med myndighet fra enhetslederne"),
    ("contact", "measure", "Familiekontakt som følger familien i fire steg"),
    ("owner", "change", "Enhetene avklarer i forumet hvem som eier saken"),
    ("one_door", "change", "Familien har én fast kontaktperson"),
    ("fewer_meetings", "effect", "Færre og kortere koordineringsmøter"),
    ("early", "effect", "Tiltak settes inn før problemene vokser"),
    ("b_time", "benefit", "Mindre tid til koordinering mellom tjenestene"),
    ("b_early", "benefit", "Familiene får hjelp tidligere"),
    ("b_once", "benefit", "Familiene forteller historien sin bare én gang"),
    ("goal_school", "goal", "Flere unge fullfører videregående opplæring"),
    ("goal_resources", "goal", "Tjenestene bruker tiden der den gir mest"),
]
MAP_EDGES = [
    ("forum", "owner"),
    ("contact", "one_door"),
    ("owner", "fewer_meetings"),
    ("owner", "early"),
    ("one_door", "early"),
    ("one_door", "b_once"),
    ("fewer_meetings", "b_time"),
    ("early", "b_early"),
    ("b_time", "goal_resources"),
    ("b_early", "goal_school"),
    ("b_once", "goal_school"),
]
