"""SQLite's LIKE folding case beyond ASCII, so a list filter finds «Åpen» when «åpen» is typed.

Django writes `icontains`, `iexact`, `istartswith` … on SQLite as `LIKE … ESCAPE '\\'`, and
SQLite's own LIKE folds only A–Z. SQLite lets an application replace the `like()` function that
LIKE calls; the one registered here lower-cases both sides with Python's Unicode rules, as
PostgreSQL's `UPPER(…) LIKE UPPER(…)` does. Every text filter in every app keeps its ordinary
ORM lookup and behaves the same on both databases.

LIKE on SQLite is already case-insensitive for ASCII (also for `contains`), so this changes no
meaning, only extends it to æ, ø, å and the rest of Unicode.
"""

from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=256)
def _compiled(pattern: str, escape: str | None) -> re.Pattern:
    parts = []
    chars = iter(pattern.lower())
    for char in chars:
        if escape and char == escape:
            parts.append(re.escape(next(chars, "")))
        elif char == "%":
            parts.append(".*")
        elif char == "_":
            parts.append(".")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts), re.DOTALL)


def like(pattern, value, escape=None):
    """SQL `value LIKE pattern [ESCAPE escape]` (SQLite calls `like(pattern, value, escape)`)."""
    if pattern is None or value is None:
        return None
    return _compiled(str(pattern), escape).fullmatch(str(value).lower()) is not None


def register_functions(sender, connection, **kwargs) -> None:
    """`connection_created` receiver: install `like` on every new SQLite connection."""
    if connection.vendor != "sqlite":
        return
    raw = connection.connection
    raw.create_function("like", 2, like, deterministic=True)
    raw.create_function("like", 3, like, deterministic=True)
