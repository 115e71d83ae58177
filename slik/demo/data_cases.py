"""Hvaler's demo cases, retold from the stories in the material (METHOD.md §10).

Each case has a script of events, oldest first; `days` is how many days ago it happened, so the
history always lies in the past. Event kinds:
- ("steps", days, phase, how_many)  tick the first steps of a phase's checklist
- ("gate", days, decision, {fields})  a gate decision (to_phase only when going back)
- ("record", days, kind, {values})  an insight, hypothesis, decision, n3 or responsibility
- ("result", days, hypothesis_index, result, learning)  a hypothesis tested
- ("stakeholder", days, (name, group, interest, influence, attitude, involvement))
"""

from .data_floker import DROPOUT, ELDERLY, HOUSING, LONELINESS, YOUTH

LEADER_GROUP = "Ledergruppen v/ kommunedirektør Tor Andersen"

YOUTH_CASE = "Ungdom inn i fellesskapet"
FAMILY_CASE = "Én dør inn – familiekontakt for de fem prosentene"
CONFERENCE_CASE = "Åpen innovasjonskonferanse og ansvarsveksling"
HOUSING_CASE = "App for leieboliger til unge"
HOME_CARE_CASE = "Hverdagsmestring i hjemmetjenesten"

CASES = [
    {
        "title": YOUTH_CASE,
        "floker": [YOUTH],
        "owner": "education_head",
        "summary": (
            "Vi ville finne ut hvorfor unge nyankomne ikke blir en del av fellesskapet, og "
            "prøve ut nye møteplasser sammen med ungdommene selv.\n\n"
            "Hypotesene våre holdt ikke: da vi intervjuet 15 ungdommer, fant vi stor vilje "
            "til å bli kjent på tvers. Ideen ble å kombinere ungdomsbedrift, "
            "ungdomsfrivillighet og frivilligsentralen – men de tre miljøene var ikke med fra "
            "starten, og arbeidet stoppet opp. Derfor gikk vi et steg tilbake."
        ),
        "units": "Flyktningtjenesten, kultur, ungdomsklubben",
        "partners": "Frivilligsentralen, Ungt entreprenørskap",
        "innovation_type": "radical",
        "oecd_facet": "mission",
        "started": 320,
        "published": True,
        "events": [
            ("steps", 300, 1, 5),
            (
                "record",
                295,
                "hypothesis",
                {
                    "statement": "Noen ungdommer med innvandrerbakgrunn ønsker ikke å bli "
                    "inkludert.",
                    "test_method": "Intervjue 15 ungdommer med og uten innvandrerbakgrunn.",
                },
            ),
            (
                "record",
                295,
                "hypothesis",
                {
                    "statement": "Norsk ungdom vil ikke inkludere de nyankomne.",
                    "test_method": "De samme intervjuene, med egne spørsmål om vennskap.",
                },
            ),
            (
                "gate",
                280,
                "go",
                {"basis": "Innovasjonsseminar der floken ble avgrenset til ungdom."},
            ),
            (
                "record",
                240,
                "insight",
                {
                    "kind": "interview",
                    "title": "Intervjuer med 15 ungdommer",
                    "description": "Nesten alle ønsket å bli kjent med ungdom de ikke kjente "
                    "fra før. Det som mangler, er arenaer og noen som tar det første steget.",
                },
            ),
            ("result", 235, 0, "refuted", "Ungdommene vi snakket med ville gjerne være med."),
            ("result", 235, 1, "refuted", "Stor vilje til å inkludere – men få møteplasser."),
            ("steps", 230, 2, 3),
            (
                "gate",
                220,
                "go",
                {
                    "basis": "Innsikt fra 15 intervjuer. Idé: ungdomsbedrift, "
                    "ungdomsfrivillighet og frivilligsentralen sammen."
                },
            ),
            ("steps", 170, 3, 1),
            (
                "record",
                150,
                "insight",
                {
                    "kind": "learning",
                    "title": "Arbeidet stoppet opp",
                    "description": "De tre miljøene ideen bygde på, ble invitert inn først "
                    "da løsningen var tegnet. De kjente seg ikke igjen og trakk seg.",
                },
            ),
            (
                "gate",
                140,
                "back",
                {
                    "to_phase": 2,
                    "reason": "Ungdomsbedriften, ungdomsfrivilligheten og frivilligsentralen "
                    "var ikke med fra starten, og prosessen stoppet opp. Vi går tilbake til "
                    "innsikt og starter på nytt sammen med dem.",
                    "basis": "Statusmøte med prosjektgruppen og frivilligsentralen.",
                },
            ),
            (
                "record",
                139,
                "decision",
                {
                    "title": "Starte på nytt – med de tre miljøene fra første dag",
                    "description": "Lærdom: involver tidlig. Å feile og gå tilbake er en "
                    "del av innovasjon, og forståelsen av floken kan endre seg fort.",
                    "decided_by": LEADER_GROUP,
                },
            ),
            (
                "stakeholder",
                138,
                (
                    "Ungt entreprenørskap",
                    "Frivilligheten",
                    4,
                    3,
                    "positive",
                    "Med i den nye arbeidsgruppen.",
                ),
            ),
        ],
    },
    {
        "title": FAMILY_CASE,
        "floker": [DROPOUT],
        "owner": "education_head",
        "summary": (
            "Et strategisk forum for familier på tvers av NAV, barnevern, helse, kultur og "
            "skole – med myndighet fra enhetslederne – gir familiene én dør inn. En "
            "familiekontakt følger familien i fire steg:\n\n"
            "1. en uformell samtale med familien,\n"
            "2. et møte med den enheten som er mest relevant,\n"
            "3. skreddersydde tiltak som lages sammen med familien,\n"
            "4. en evaluering innen seks måneder.\n\n"
            "Piloten er knyttet til skolekretsprosjektet på ungdomsskolen."
        ),
        "units": "NAV, barnevern, helse, kultur, skole",
        "partners": "Skolekretsprosjektet",
        "innovation_type": "incremental",
        "oecd_facet": "enhancement",
        "started": 430,
        "published": True,
        "events": [
            ("steps", 410, 1, 5),
            (
                "gate",
                390,
                "go",
                {"basis": "Strategisk forum for familier opprettet med enhetsledermyndighet."},
            ),
            (
                "record",
                360,
                "insight",
                {
                    "kind": "interview",
                    "title": "Samtaler med åtte familier",
                    "description": "Familiene fortalte om mange møter med ulike tjenester, "
                    "og om å måtte fortelle historien sin på nytt hver gang.",
                },
            ),
            (
                "record",
                350,
                "insight",
                {
                    "kind": "observation",
                    "title": "Observasjon av forumets første møter",
                    "description": "Enhetslederne brukte lang tid på å avklare hvem som "
                    "eide saken. Nye aktører som kom inn uten forankring, falt fort fra.",
                },
            ),
            ("steps", 340, 2, 3),
            ("gate", 320, "go", {"basis": "Innsikt fra familier og forumets møter."}),
            (
                "record",
                300,
                "hypothesis",
                {
                    "statement": "Familier tar imot hjelp tidligere når de har én fast "
                    "kontaktperson.",
                    "test_method": "Sammenligne tidspunkt for første tiltak i piloten med "
                    "året før.",
                },
            ),
            (
                "record",
                250,
                "n3",
                {
                    "need": 3,
                    "solution": 2,
                    "driving_force": 3,
                    "team": 2,
                    "anchoring": 2,
                    "comment": "Forankringen hos nye enheter må styrkes før piloten.",
                },
            ),
            (
                "record",
                245,
                "responsibility",
                {
                    "name": "Familiekontakten",
                    "area": "Følge familien gjennom de fire stegene",
                    "raci": "R",
                },
            ),
            (
                "record",
                245,
                "responsibility",
                {"name": "Kommunalsjef oppvekst", "area": "Resultatet av piloten", "raci": "A"},
            ),
            (
                "record",
                245,
                "responsibility",
                {"name": "NAV og barnevernet", "area": "Tiltak i steg 3", "raci": "C"},
            ),
            (
                "record",
                245,
                "responsibility",
                {"name": "Ledergruppen", "area": "Status hver måned", "raci": "I"},
            ),
            ("steps", 120, 3, 4),
            (
                "record",
                110,
                "decision",
                {
                    "title": "Knytte piloten til skolekretsprosjektet",
                    "description": "Piloten bruker skolekretsprosjektets nettverk av "
                    "foreldre og lærere.",
                    "decided_by": LEADER_GROUP,
                },
            ),
            (
                "gate",
                90,
                "go",
                {
                    "basis": "Løsningsforslag testet med tre familier og ansatte i forumet.",
                    "conditions": "Evaluering innen seks måneder. Nye aktører tas bare inn "
                    "etter forankring i forumet.",
                },
            ),
            ("steps", 60, 4, 1),
            (
                "stakeholder",
                60,
                ("Skolekretsprosjektet", "Kommunen", 4, 3, "positive", "Felles styringsgruppe."),
            ),
        ],
    },
    {
        "title": CONFERENCE_CASE,
        "floker": [LONELINESS],
        "owner": "health_head",
        "summary": (
            "Vi inviterte innbyggere, frivillige, næringsliv og ansatte til en åpen konferanse. "
            "Grupper på åtte skrev problemer på flippover, alle stemte, og de ti største "
            "problemene fikk hver sin gruppe som jobbet fram ideer. En ny runde beholdt de mest "
            "overbevisende ideene, og hver gruppe fikk en navngitt samler som følger opp.\n\n"
            "Ut av dette kom ideen om **ansvarsveksling**: kommunen kan starte noe og overlate "
            "det til andre, eller ta over initiativ som startet utenfor kommunen."
        ),
        "units": "Kultur, helse og omsorg",
        "partners": "Pensjonistforeningen, frivilligsentralen, nabolagskafeen",
        "innovation_type": "incremental",
        "oecd_facet": "adaptive",
        "started": 260,
        "published": False,
        "events": [
            ("steps", 240, 1, 4),
            ("gate", 225, "go", {"basis": "Ledergruppen ga mandat til en åpen konferanse."}),
            (
                "record",
                200,
                "insight",
                {
                    "kind": "observation",
                    "title": "Åpen konferanse med 120 deltakere",
                    "description": "Femten grupper på åtte skrev problemer på flippover. "
                    "Ensomhet fikk flest stemmer, foran transport og møteplasser.",
                },
            ),
            (
                "record",
                195,
                "insight",
                {
                    "kind": "need",
                    "title": "Ti problemer, ti grupper, ti samlere",
                    "description": "Hver av de ti største problemene fikk en gruppe og en "
                    "navngitt samler. Fire ideer overlevde den andre silingen.",
                },
            ),
            ("steps", 185, 2, 3),
            ("gate", 170, "go", {"basis": "Fire ideer fra konferansen med egne samlere."}),
            (
                "record",
                120,
                "decision",
                {
                    "title": "Ansvarsveksling for møteplassene",
                    "description": "Seniortreffene som kommunen startet på biblioteket, "
                    "overlates til pensjonistforeningen. Kommunen tar over lokalet til "
                    "nabolagskafeen, som frivillige startet.",
                    "decided_by": LEADER_GROUP,
                },
            ),
            (
                "record",
                118,
                "responsibility",
                {
                    "name": "Pensjonistforeningen",
                    "area": "Seniortreffene (fra 1. mars)",
                    "raci": "R",
                },
            ),
            (
                "record",
                118,
                "responsibility",
                {"name": "Kulturenheten", "area": "Overlevering av seniortreffene", "raci": "A"},
            ),
            (
                "record",
                118,
                "responsibility",
                {"name": "Eiendomsavdelingen", "area": "Lokalet til nabolagskafeen", "raci": "R"},
            ),
            (
                "record",
                118,
                "responsibility",
                {
                    "name": "Frivilligsentralen",
                    "area": "Samler for gruppen om ensomhet",
                    "raci": "C",
                },
            ),
            ("steps", 100, 3, 2),
        ],
    },
    {
        "title": HOUSING_CASE,
        "floker": [HOUSING],
        "owner": "leader",
        "summary": (
            "Ideen var en app som samler ledige utleieboliger for unge. Innsikten viste at "
            "problemet er at boligene ikke finnes, ikke at de er vanskelige å finne."
        ),
        "units": "NAV, plan og næring",
        "partners": "",
        "innovation_type": "incremental",
        "oecd_facet": "enhancement",
        "started": 210,
        "published": False,
        "events": [
            ("steps", 200, 1, 3),
            ("gate", 185, "go", {"basis": "Idé fra medarbeidere i NAV."}),
            (
                "record",
                160,
                "insight",
                {
                    "kind": "interview",
                    "title": "Samtaler med ti unge boligsøkere",
                    "description": "Alle kjente til de få boligene som finnes. Ingen manglet "
                    "informasjon – de manglet boliger.",
                },
            ),
            (
                "gate",
                140,
                "stop",
                {
                    "basis": "Innsikt fra ti samtaler.",
                    "reason": "En app løser ikke behovet. Floken går tilbake til "
                    "ledergruppen som et spørsmål for boligplanen.",
                },
            ),
        ],
    },
    {
        "title": HOME_CARE_CASE,
        "floker": [ELDERLY],
        "owner": "health_head",
        "summary": (
            "Hverdagsmestring skal hjelpe eldre å klare mer selv, slik at hjemmetjenesten kan "
            "bruke hendene der de trengs mest."
        ),
        "units": "Hjemmetjenesten, fysioterapi",
        "partners": "Eldrerådet",
        "innovation_type": "incremental",
        "oecd_facet": "anticipatory",
        "started": 35,
        "published": False,
        "events": [
            ("steps", 20, 1, 2),
            (
                "record",
                18,
                "n3",
                {
                    "need": 3,
                    "solution": 1,
                    "driving_force": 2,
                    "team": 1,
                    "anchoring": 2,
                    "comment": "Behovet er tydelig; teamet er ikke satt sammen ennå.",
                },
            ),
            (
                "stakeholder",
                15,
                ("Brukerrådet", "Brukere", 4, 2, "positive", "Invitert til oppstartsmøtet."),
            ),
        ],
    },
]

# Råde's own small portfolio, so its coordinator sees a municipality of their own.
RADE_FLOKE = {
    "title": "Rekruttering av helsefagarbeidere",
    "description": "Halvparten av helsefagarbeiderne går av med pensjon innen ti år.",
}
RADE_CASE = "Lærlingløft i helse og omsorg"
