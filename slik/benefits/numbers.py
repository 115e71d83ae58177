"""Reading numbers the way Norwegians type them: `8,5`, `1 250,75`, `−3`, `12.5`, `1.234,5`.

The one reader for the forms and the measurement import, so a value typed and a value imported
never differ. Comma or point is the decimal separator. Thousands may be grouped by three with a
space (also no-break or narrow no-break, as Excel and the number formatting of nb write them),
or with the other separator when both appear (`1.234,5`, `1,234.5`); alone, `1,234` and `1.234`
are decimals. The limits are those of the fields numbers are stored in (16 digits, 4 of them
decimals): at most four decimals are kept, rounded half up, and anything from 10¹² up is refused.
"""

from __future__ import annotations

import decimal
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_ABS = decimal.Decimal("1e12")
PLACES = decimal.Decimal("0.0001")
NUMBER = re.compile(
    r"""(?P<sign>[+\-\u2212]?)
    (?P<whole>[0-9]+|[0-9]{1,3}(?P<group>[ \u00a0\u202f.,])[0-9]{3}(?:(?P=group)[0-9]{3})*)?
    (?:(?P<point>[.,])(?P<fraction>[0-9]+))?""",
    re.VERBOSE,
)


def parse_number(value) -> decimal.Decimal:
    """A Decimal from a number or text as above; ValidationError (code `not_a_number` or
    `too_large`) otherwise."""
    if isinstance(value, decimal.Decimal | int | float) and not isinstance(value, bool):
        number = decimal.Decimal(str(value))
    else:
        number = _from_text(value)
    if not number.is_finite():
        raise _not_a_number(value)
    if abs(number) >= MAX_ABS or abs(number.quantize(PLACES, decimal.ROUND_HALF_UP)) >= MAX_ABS:
        raise ValidationError(_("The number is too large."), code="too_large")
    return number.quantize(PLACES, rounding=decimal.ROUND_HALF_UP)


def _from_text(value) -> decimal.Decimal:
    match = NUMBER.fullmatch(value.strip()) if isinstance(value, str) else None
    if not match or not (match["whole"] or match["fraction"]):
        raise _not_a_number(value)
    group, point = match["group"], match["point"]
    if group and group == point:
        raise _not_a_number(value)  # 1,234,5: no telling where the decimals start
    whole = (match["whole"] or "0").replace(group or " ", "")
    sign = "-" if match["sign"] in ("-", "\u2212") else ""
    return decimal.Decimal(f"{sign}{whole}.{match['fraction'] or '0'}")


def _not_a_number(value) -> ValidationError:
    return ValidationError(
        _("“%(value)s” is not a number. Write for example 8,5 or 120."),
        code="not_a_number",
        params={"value": "" if value is None else " ".join(str(value).split())[:40]},
    )
