"""Parsing one cell: numbers with decimal comma or point, dates as ISO or Norwegian."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

MAX_ABS_VALUE = Decimal("1e12")
NUMBER_RE = re.compile(r"^[+-]?\d+([.,]\d+)?$")
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")


def parse_number(raw) -> Decimal:
    if isinstance(raw, bool):
        raise ValueError
    if isinstance(raw, int | float | Decimal):
        number = Decimal(str(raw))
    else:
        text = str(raw or "").strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
        if text.count(",") == 1 and "." in text and text.index(".") < text.index(","):
            text = text.replace(".", "")  # 1.234,5 – dots as thousand separators
        if len(text) > 40 or not NUMBER_RE.match(text):
            raise ValueError
        number = Decimal(text.replace(",", "."))
    if not number.is_finite() or abs(number) >= MAX_ABS_VALUE:
        raise ValueError
    return number.quantize(Decimal("0.0001"))


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
