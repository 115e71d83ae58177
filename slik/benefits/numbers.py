"""Reading numbers the way Norwegians type them: `8,5`, `1 250,75`, `-3`, `12.5`."""

from __future__ import annotations

import decimal
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_SPACES = re.compile(r"[\s\u00a0\u202f]")
MAX_ABS = decimal.Decimal("1e12")


def parse_number(value) -> decimal.Decimal:
    """A Decimal from a number or text with decimal comma or point; ValidationError otherwise."""
    if isinstance(value, decimal.Decimal | int | float) and not isinstance(value, bool):
        number = decimal.Decimal(str(value))
    else:
        text = _SPACES.sub("", str(value or "")).replace("\u2212", "-")
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)", text):
            raise ValidationError(
                _("“%(value)s” is not a number. Write for example 8,5 or 120."),
                code="not_a_number",
                params={"value": str(value)[:40]},
            )
        number = decimal.Decimal(text)
    if not number.is_finite() or abs(number) >= MAX_ABS:
        raise ValidationError(_("The number is too large."), code="too_large")
    return number.quantize(decimal.Decimal("0.0001"), rounding=decimal.ROUND_HALF_UP)
