"""Numbers, money, percentages and dates the Norwegian way: the one module that writes and reads
them, so a value reads the same on screen, on paper, in a spreadsheet and in a chart.

Screen templates use the filters in `slik.core.templatetags.formats`; the report renderers
(PDF, Word, Excel, CSV) call `format_value`; charts get the same rules as a d3 locale from
`slik.core.charts.chart_config`.

Writing (the same in nb, nn and en: the figures are Norwegian public data, and a file must not
change with the language of whoever made it):

- decimal comma, thousands grouped by three with a no-break space: `1 234 567,5`;
- at most two decimals unless asked, trailing zeros dropped, rounded half up;
- a hyphen-minus before negative numbers (`-3`): spreadsheets read it as a number, U+2212 not;
- money `1 200 000 kr`, percentages `12,5 %` (a no-break space before `kr` and `%`);
- dates `29.11.2026`; date and time in Norwegian time (settings.TIME_ZONE, Europe/Oslo):
  `29.11.2026 kl. 10.15` (English: `29.11.2026 10:15`);
- on screen, a date in running text is written out in the user's language
  (`format_long_date`: `29. november 2026`, English `29 November 2026`).

Reading (`parse_number`, for the form fields and the file import alike): comma or point is the
decimal separator. Thousands may be grouped by three with a space (also no-break or narrow
no-break, as Excel and `format_number` write them), or with the other separator when both appear
(`1.234,5`, `1,234.5`); alone, `1,234` and `1.234` are decimals. The limits are those of the
fields numbers are stored in (16 digits, 4 of them decimals): at most four decimals are kept,
rounded half up, and anything from 10¹² up is refused. `parse_date` reads `29.11.2026` and
`2026-11-29`.
"""

from __future__ import annotations

import datetime
import decimal
import re

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

DECIMAL_MARK = ","
THOUSANDS_SEPARATOR = "\u00a0"
MINUS = "-"
MONEY_SUFFIX = "\u00a0kr"
PERCENT_SUFFIX = "\u00a0%"
EMPTY = "–"
LANGUAGES = ("nb", "nn", "en")
TIME_FORMATS = {"nb": "%H.%M", "nn": "%H.%M", "en": "%H:%M"}
DATETIME_PATTERNS = {"nb": "{date} kl. {time}", "nn": "{date} kl. {time}", "en": "{date} {time}"}

MAX_ABS = decimal.Decimal("1e12")
PLACES = decimal.Decimal("0.0001")
NUMBER = re.compile(
    r"""(?P<sign>[+\-\u2212]?)
    (?P<whole>[0-9]+|[0-9]{1,3}(?P<group>[ \u00a0\u202f.,])[0-9]{3}(?:(?P=group)[0-9]{3})*)?
    (?:(?P<point>[.,])(?P<fraction>[0-9]+))?""",
    re.VERBOSE,
)
DATE = re.compile(r"(?P<day>[0-9]{1,2})\.(?P<month>[0-9]{1,2})\.(?P<year>[0-9]{4})")
ISO_DATE = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})")


def language_code(language: str | None = None) -> str:
    """ "nb", "nn" or "en" for a language tag ("nb-no", "en-gb"); the active one by default."""
    code = (language or translation.get_language() or "nb").lower()[:2]
    return code if code in LANGUAGES else "nb"


class Code(int):
    """A whole number that names something (an id, a year) rather than counts it: written
    without thousands grouping everywhere («2026», not «2 026»); a spreadsheet keeps it a number."""

    __slots__ = ()


def is_number(value) -> bool:
    return isinstance(value, int | float | decimal.Decimal) and not isinstance(value, bool)


def is_finite(value) -> bool:
    """A number other than NaN and ±infinity, which no format writes."""
    return is_number(value) and decimal.Decimal(value).is_finite()


# --- Writing ---------------------------------------------------------------------------------


def format_number(value, decimals: int | None = 2, *, fixed: bool = False, grouping=True) -> str:
    """`1234567.5` → "1 234 567,5"; "" for None.

    `decimals` is the most shown (None: all the value has); `fixed` always shows that many
    (`format_number(8.5, fixed=True)` → "8,50"); `grouping=False` leaves out the thousands
    separators, for a value in an input field."""
    if value is None:
        return ""
    number = _rounded(_as_decimal(value), decimals)
    whole, _point, fraction = format(abs(number), "f").partition(".")
    fraction = fraction.ljust(decimals or 0, "0") if fixed else fraction.rstrip("0")
    if grouping:
        whole = _grouped(whole)
    sign = MINUS if number < 0 and (whole.strip("0") or fraction.strip("0")) else ""
    return f"{sign}{whole}{DECIMAL_MARK + fraction if fraction else ''}"


def format_money(value, decimals: int = 0) -> str:
    """`1200000` → "1 200 000 kr" (whole kroner unless `decimals`); "" for None."""
    return "" if value is None else format_number(value, decimals) + MONEY_SUFFIX


def format_percent(value, decimals: int = 1) -> str:
    """A value in per cent (not a fraction): `12.5` → "12,5 %"; "" for None."""
    return "" if value is None else format_number(value, decimals) + PERCENT_SUFFIX


def number_for_input(value) -> str:
    """A number as an input field shows it for editing: every decimal kept and grouped as on
    the page ("1 250,75", never "1250.7500"); `parse_number` reads it back exactly."""
    return format_number(value, None)


def local_datetime(value: datetime.datetime) -> datetime.datetime:
    """An aware datetime in Norwegian time (settings.TIME_ZONE); a naive one is taken as such."""
    if timezone.is_aware(value):
        return timezone.localtime(value, timezone.get_default_timezone())
    return value


def format_date(value) -> str:
    """`date(2026, 11, 29)` → "29.11.2026" (a datetime: its date in Norwegian time); "" for None."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = local_datetime(value).date()
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


MONTHS = {
    "nb": "januar februar mars april mai juni juli august september oktober november desember",
    "nn": "januar februar mars april mai juni juli august september oktober november desember",
    "en": "January February March April May June July August September October November December",
}
LONG_DATE_PATTERNS = {
    "nb": "{day}. {month} {year}",
    "nn": "{day}. {month} {year}",
    "en": "{day} {month} {year}",
}


def format_long_date(value, language: str | None = None) -> str:
    """A date written out for running text in the user's language: "29. november 2026"
    (English "29 November 2026"); a datetime: its date in Norwegian time; "" for None."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = local_datetime(value).date()
    code = language_code(language)
    month = MONTHS[code].split()[value.month - 1]
    return LONG_DATE_PATTERNS[code].format(day=value.day, month=month, year=value.year)


def format_time(value: datetime.datetime | datetime.time, language: str | None = None) -> str:
    """ "10.15" (English "10:15"), in Norwegian time."""
    if isinstance(value, datetime.datetime):
        value = local_datetime(value)
    return value.strftime(TIME_FORMATS[language_code(language)])


def format_datetime(value, language: str | None = None) -> str:
    """A moment in Norwegian time: "29.11.2026 kl. 10.15" (English "29.11.2026 10:15"); a plain
    date as `format_date`; "" for None."""
    if not isinstance(value, datetime.datetime):
        return format_date(value)
    value = local_datetime(value)
    pattern = DATETIME_PATTERNS[language_code(language)]
    return pattern.format(date=format_date(value), time=format_time(value, language))


def format_value(value, *, empty: str = EMPTY, language: str | None = None) -> str:
    """Any cell value as text, by its type: numbers as `format_number`, dates and datetimes as
    above, yes/no for booleans, `empty` for None, "" and NaN."""
    if value is None or value == "":
        return empty
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, Code):
        return str(int(value))
    if is_number(value):
        return format_number(value) if is_finite(value) else empty
    if isinstance(value, datetime.datetime):
        return format_datetime(value, language)
    if isinstance(value, datetime.date):
        return format_date(value)
    return str(value)


def decimals_shown(value, decimals: int = 2) -> int:
    """How many decimals `format_number(value, decimals)` shows – for formats that must show
    the same, such as a spreadsheet's number format."""
    text = format_number(value, decimals, grouping=False)
    return len(text.partition(DECIMAL_MARK)[2])


def _as_decimal(value) -> decimal.Decimal:
    if not is_number(value):
        raise TypeError(f"Not a number: {value!r}")
    number = value if isinstance(value, decimal.Decimal) else decimal.Decimal(str(value))
    if not number.is_finite():
        raise ValueError(f"Not a finite number: {value!r}")
    return number


def _rounded(number: decimal.Decimal, decimals: int | None) -> decimal.Decimal:
    if decimals is None:
        return number
    # Enough precision for every digit kept, however large the number (a float up to 1e308).
    context = decimal.Context(prec=max(number.adjusted(), 0) + decimals + 2)
    return number.quantize(decimal.Decimal(1).scaleb(-decimals), decimal.ROUND_HALF_UP, context)


def _grouped(digits: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return THOUSANDS_SEPARATOR.join(groups)


# --- Reading ---------------------------------------------------------------------------------


def parse_number(value) -> decimal.Decimal:
    """A Decimal from a number or text as the module docstring describes; ValidationError (code
    `not_a_number` or `too_large`) otherwise."""
    number = decimal.Decimal(str(value)) if is_number(value) else _number_from_text(value)
    if not number.is_finite():
        raise _not_a_number(value)
    if abs(number) >= MAX_ABS or abs(number.quantize(PLACES, decimal.ROUND_HALF_UP)) >= MAX_ABS:
        raise ValidationError(_("The number is too large."), code="too_large")
    return number.quantize(PLACES, rounding=decimal.ROUND_HALF_UP)


def _number_from_text(value) -> decimal.Decimal:
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


def parse_date(value) -> datetime.date:
    """A date from a date, a datetime (its date in Norwegian time) or text as "29.11.2026",
    "1.2.2026" or "2026-11-29"; ValidationError (code `invalid`) otherwise."""
    if isinstance(value, datetime.datetime):
        return local_datetime(value).date()
    if isinstance(value, datetime.date):
        return value
    text = value.strip() if isinstance(value, str) else ""
    match = DATE.fullmatch(text) or ISO_DATE.fullmatch(text)
    try:
        if match:
            return datetime.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        pass
    raise ValidationError(_("Enter a valid date."), code="invalid")


# Spreadsheet number formats that show a typed cell as the screen does (Excel puts the user's
# own decimal mark and grouping in place of "," and "."). `mm` right after the hours is minutes.
SPREADSHEET_DATE = "DD.MM.YYYY"
SPREADSHEET_DATETIME = {"nb": 'DD.MM.YYYY "kl." HH.MM', "nn": 'DD.MM.YYYY "kl." HH.MM'}
SPREADSHEET_DATETIME_EN = "DD.MM.YYYY HH:MM"


def spreadsheet_format(value, language: str | None = None) -> str | None:
    """The number format for a typed spreadsheet cell (number, date, datetime, `Code`), or None
    for text and empty cells."""
    if isinstance(value, Code):
        return "0"
    if isinstance(value, datetime.datetime):
        return SPREADSHEET_DATETIME.get(language_code(language), SPREADSHEET_DATETIME_EN)
    if isinstance(value, datetime.date):
        return SPREADSHEET_DATE
    if isinstance(value, bool) or not is_finite(value):
        return None
    decimals = decimals_shown(value)
    return "#,##0." + "0" * decimals if decimals else "#,##0"
