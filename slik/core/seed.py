"""Default data text in the reader's language: roadmap steps, benefit categories, sectors.

What an organisation starts with is Norwegian data, stored as bokmål and editable per
organisation (a renamed sector is the organisation's own word). A reader who chose nynorsk or
English sees a default text in that language as long as it is unchanged: each app registers its
defaults here, bokmål text → a translatable string, in its AppConfig.ready(). A text the
organisation has changed has no entry and shows as stored.
"""

from __future__ import annotations

from django.utils.translation import get_language

from .registry import KeyedRegistry

SEED_TEXTS = KeyedRegistry("core.seed_texts", "bokmål default text → its translation (lazy)")
STORED_LANGUAGE = "nb"


def seed_texts_register(translations: dict) -> None:
    SEED_TEXTS.update(translations)


def seed_text(text: str) -> str:
    """`text` as the active language writes it when it is an unchanged default, else as stored."""
    if not text or (get_language() or STORED_LANGUAGE) == STORED_LANGUAGE:
        return text
    translation = SEED_TEXTS.get(text)
    return str(translation) if translation is not None else text
