"""What a new organisation starts with. Values are Norwegian data, editable per organisation."""

DEFAULT_SECTORS = [
    "Oppvekst",
    "Helse og omsorg",
    "NAV og sosial",
    "Kultur",
    "Teknisk",
    "Plan og næring",
    "Administrasjon og digitalisering",
]
