"""What a new organisation starts with. Values are Norwegian data, editable per organisation."""

from django.utils.translation import pgettext_lazy

DEFAULT_SECTORS = [
    "Oppvekst",
    "Helse og omsorg",
    "NAV og sosial",
    "Kultur",
    "Teknisk",
    "Plan og næring",
    "Administrasjon og digitalisering",
]

# The default sectors for a reader who chose nynorsk or English (slik/core/seed.py).
SECTOR_TRANSLATIONS = {
    "Oppvekst": pgettext_lazy("sector", "Childhood and education"),
    "Helse og omsorg": pgettext_lazy("sector", "Health and care"),
    "NAV og sosial": pgettext_lazy("sector", "NAV and social services"),
    "Kultur": pgettext_lazy("sector", "Culture"),
    "Teknisk": pgettext_lazy("sector", "Technical services"),
    "Plan og næring": pgettext_lazy("sector", "Planning and business"),
    "Administrasjon og digitalisering": pgettext_lazy(
        "sector", "Administration and digitalisation"
    ),
}
