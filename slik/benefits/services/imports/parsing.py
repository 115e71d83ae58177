"""Parsing a date cell, as ISO or Norwegian. Numbers are read by `slik.benefits.numbers`, the
same reader as the forms'."""

from __future__ import annotations

import datetime

DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")


def parse_date(raw) -> datetime.date:
    if isinstance(raw, datetime.datetime):
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    text = str(raw or "").strip()
    if len(text) > 20:
        raise ValueError
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError
