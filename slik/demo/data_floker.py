"""Hvaler's demo floker, retold from the stories in the material (METHOD.md §10).

Norwegian data text, like anything a municipality would type in. `key` links floker to cases;
`scores` are (easiness, benefit potential, political necessity) per leader, 1–5.
"""

YOUTH = "youth"
DROPOUT = "dropout"
ELDERLY = "elderly"
LONELINESS = "loneliness"
HOUSING = "housing"
SUMMER = "summer"

FLOKER = [
    {
        "key": YOUTH,
        "title": "Unge nyankomne blir ikke en del av fellesskapet",
        "description": (
            "Kommunen har brukt mye penger på integrering av flyktninger, men opplever ikke at "
            "utfordringen er løst. På innovasjonsseminaret snevret ledergruppen floken inn til "
            "ungdom: hvordan kan unge nyankomne og ungdom som har bodd her hele livet bli kjent "
            "og gjøre ting sammen i fritiden?"
        ),
        "sectors": ["Oppvekst", "NAV og sosial", "Kultur"],
        "external_actors": ["users", "voluntary"],
        "status": "in_work",
        "published": True,
        "scores": {"leader": (3, 5, 4), "education_head": (2, 5, 5), "health_head": (3, 4, 4)},
    },
    {
        "key": DROPOUT,
        "title": "De fem prosentene – unge som faller ut av skolen",
        "description": (
            "Omtrent fem prosent av ungdommene våre fullfører ikke skolen og står i fare for å "
            "havne utenfor arbeidslivet. Familiene deres møter NAV, barnevernet, helsetjenesten, "
            "kulturtilbudet og skolen hver for seg, og ingen har hele bildet."
        ),
        "sectors": ["Oppvekst", "NAV og sosial", "Helse og omsorg", "Kultur"],
        "external_actors": ["users"],
        "status": "in_work",
        "published": True,
        "scores": {"leader": (2, 5, 5), "education_head": (2, 5, 4), "health_head": (3, 5, 4)},
    },
    {
        "key": ELDERLY,
        "title": "Flere eldre, færre hender i omsorgen",
        "description": (
            "Andelen innbyggere over 80 år vokser raskt, mens antallet i arbeidsfør alder står "
            "stille. Med dagens måte å jobbe på får vi ikke nok ansatte til hjemmetjenesten og "
            "sykehjemmet om ti år. Se de tankevekkende tallene."
        ),
        "sectors": ["Helse og omsorg"],
        "external_actors": ["users", "voluntary", "business"],
        "status": "prioritised",
        "published": True,
        "scores": {"leader": (2, 5, 5), "education_head": (3, 4, 4), "health_head": (2, 5, 5)},
    },
    {
        "key": LONELINESS,
        "title": "Ensomhet blant eldre og unge voksne",
        "description": (
            "Både hjemmetjenesten og helsestasjon for ungdom forteller om mange som er ensomme. "
            "Frivilligheten har gode tilbud, men de når ikke alle, og kommunen vet lite om hvem "
            "som faller mellom."
        ),
        "sectors": ["Helse og omsorg", "Kultur"],
        "external_actors": ["voluntary", "users"],
        "status": "in_work",
        "published": False,
        "scores": {"leader": (4, 3, 3), "education_head": (4, 3, 2), "health_head": (3, 4, 3)},
    },
    {
        "key": HOUSING,
        "title": "Boliger for unge og vanskeligstilte",
        "description": (
            "Det finnes nesten ikke små utleieboliger i kommunen. Unge som vil flytte hjemmefra "
            "og folk i en vanskelig livssituasjon må ofte flytte til nabokommunene."
        ),
        "sectors": ["Plan og næring", "NAV og sosial"],
        "external_actors": ["business", "public"],
        "status": "candidate",
        "published": False,
        "scores": {"leader": (1, 4, 4), "education_head": (2, 3, 3), "health_head": (1, 4, 3)},
    },
    {
        "key": SUMMER,
        "title": "Sommerbefolkningen mangedobler trykket på tjenestene",
        "description": (
            "Om sommeren bor det mange ganger flere folk på øyene enn resten av året. Legevakt, "
            "renovasjon og vann skal dimensjoneres for toppene uten at budsjettet følger med."
        ),
        "sectors": ["Teknisk", "Helse og omsorg"],
        "external_actors": ["business", "users"],
        "status": "candidate",
        "published": False,
        "scores": {"leader": (3, 3, 2), "education_head": (3, 2, 2), "health_head": (2, 3, 3)},
    },
]

STAKEHOLDERS = {
    YOUTH: [
        ("Flyktningtjenesten", "Kommunen", 5, 4, "positive", "Med i arbeidsgruppen fra start."),
        ("Ungdomsrådet", "Brukere", 4, 2, "positive", "Workshop om fritidstilbud."),
        ("Frivilligsentralen", "Frivilligheten", 4, 3, "positive", "Faste møter hver måned."),
        ("Idrettslagene", "Frivilligheten", 3, 3, "neutral", "Informasjon via idrettsrådet."),
    ],
    DROPOUT: [
        ("Rektorene", "Kommunen", 5, 5, "positive", "Sitter i det strategiske forumet."),
        ("NAV", "Stat og kommune", 4, 4, "positive", "Sitter i det strategiske forumet."),
        ("Barnevernet", "Kommunen", 4, 4, "neutral", "Sitter i det strategiske forumet."),
        ("Foreldre", "Brukere", 5, 2, "unknown", "Intervjuer og foreldremøter."),
    ],
    ELDERLY: [
        ("Hjemmetjenesten", "Kommunen", 5, 4, "positive", "Tillitsvalgte med fra start."),
        ("Eldrerådet", "Brukere", 5, 3, "positive", "Orienteres i hvert møte."),
        ("Fagforbundet", "Tillitsvalgte", 4, 4, "neutral", "Drøftinger om arbeidstid."),
    ],
}

# (label, value, unit, year, source, comment) – a figure the municipality typed in itself.
OWN_FIGURES = {
    DROPOUT: [
        (
            "Andel elever som ikke fullfører skolen",
            "5",
            "%",
            2025,
            "Kommunens egen kartlegging (demo)",
            "Tallet bak navnet «de fem prosentene».",
        ),
    ],
}
