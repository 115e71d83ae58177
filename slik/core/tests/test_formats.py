"""Norwegian numbers, money, percentages and dates, written and read by one module.

Reading: comma or point is the decimal separator; thousands may be grouped by three with a space
(also no-break and narrow no-break), or with the other separator when both appear (`1.234,5`,
`1,234.5`); alone, `1,234` and `1.234` are decimals. At most four decimals are kept, rounded half
up; anything from 10¹² up is too large (the fields hold 16 digits, 4 of them decimals)."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from slik.core import formats
from slik.core.formats import (
    format_date,
    format_datetime,
    format_money,
    format_number,
    format_percent,
    format_value,
    number_for_input,
    parse_date,
    parse_number,
)

NBSP = "\u00a0"
UTC = datetime.UTC
OSLO = zoneinfo.ZoneInfo("Europe/Oslo")

ACCEPTED = [
    ("8,5", "8.5"),
    ("12.5", "12.5"),
    ("-3", "-3"),
    ("+3", "3"),
    (" 7 ", "7"),
    ("\u22122,0", "-2"),
    ("\u22121 250,5", "-1250.5"),
    ("1 250,75", "1250.75"),
    ("1\u00a0250,75", "1250.75"),
    ("1\u202f250,75", "1250.75"),
    ("1 234 567", "1234567"),
    ("1 234.5", "1234.5"),
    ("1.234,5", "1234.5"),
    ("1.234.567,25", "1234567.25"),
    ("1,234.5", "1234.5"),
    ("1.234", "1.234"),
    ("1,234", "1.234"),
    (",5", "0.5"),
    ("0,00005", "0.0001"),
    ("0,00004", "0"),
    ("-0,00005", "-0.0001"),
    ("999999999999,9999", "999999999999.9999"),
    (7, "7"),
    (7.1, "7.1"),
    (Decimal("7.123456"), "7.1235"),
]
NOT_NUMBERS = [
    "",
    "abc",
    "8,5,1",
    "1.2.3",
    "1.234.5",
    "1,234,5",
    "12 5",
    "1 23",
    "1 234,5 6",
    "5.",
    "- 3",
    "--3",
    "NaN",
    "inf",
    "1e3",
    "1e400",
    "٣",
    True,
    float("nan"),
    float("inf"),
]
TOO_LARGE = [
    "1000000000000",
    "1" * 41,
    "-1 000 000 000 000",
    "999999999999,99995",
    1e300,
    Decimal("1e13"),
]


# --- Reading numbers -------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), ACCEPTED)
def test_numbers_are_read_as_people_write_them(value, expected):
    assert parse_number(value) == Decimal(expected)


@pytest.mark.parametrize("value", NOT_NUMBERS)
def test_what_is_not_a_number_is_refused(value):
    with pytest.raises(ValidationError) as caught:
        parse_number(value)
    assert caught.value.code == "not_a_number"


@pytest.mark.parametrize("value", TOO_LARGE)
def test_numbers_the_fields_cannot_hold_are_refused(value):
    with pytest.raises(ValidationError) as caught:
        parse_number(value)
    assert caught.value.code == "too_large"


# --- Writing numbers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1234567.5, f"1{NBSP}234{NBSP}567,5"),
        (Decimal("1234567.50"), f"1{NBSP}234{NBSP}567,5"),
        (1234, f"1{NBSP}234"),
        (123, "123"),
        (0, "0"),
        (Decimal("8.50"), "8,5"),
        (Decimal("8.00"), "8"),
        (2.675, "2,68"),  # half up, from the decimal the float is written as
        (Decimal("0.005"), "0,01"),
        (Decimal("0.004"), "0"),
        (-3, "-3"),
        (Decimal("-1234.5"), f"-1{NBSP}234,5"),
        (Decimal("-0.001"), "0"),  # no minus before a zero
        (Decimal("1E+3"), f"1{NBSP}000"),
        (1e15, f"1{NBSP}000{NBSP}000{NBSP}000{NBSP}000{NBSP}000"),
    ],
)
def test_numbers_are_written_with_decimal_comma_and_no_break_spaces(value, expected):
    assert format_number(value) == expected


def test_decimals_can_be_fixed_fewer_or_all():
    assert format_number(Decimal("8.5"), fixed=True) == "8,50"
    assert format_number(Decimal("8"), 1, fixed=True) == "8,0"
    assert format_number(Decimal("8.456"), 0) == "8"
    assert format_number(Decimal("1.23456")) == "1,23"
    assert format_number(Decimal("1.23456"), None) == "1,23456"
    assert format_number(Decimal("1250.7500"), None, grouping=False) == "1250,75"
    assert number_for_input(Decimal("-1250.7500")) == "-1\u00a0250,75"


def test_nothing_is_written_for_none_and_no_number_is_made_up():
    assert format_number(None) == format_money(None) == format_percent(None) == ""
    with pytest.raises(TypeError):
        format_number("8,5")
    with pytest.raises(TypeError):
        format_number(True)
    with pytest.raises(ValueError):
        format_number(float("nan"))


def test_money_and_percent():
    assert format_money(1200000) == f"1{NBSP}200{NBSP}000{NBSP}kr"
    assert format_money(Decimal("1234.56")) == f"1{NBSP}235{NBSP}kr"
    assert format_money(Decimal("1234.5"), 2) == f"1{NBSP}234,5{NBSP}kr"
    assert format_percent(12.5) == f"12,5{NBSP}%"
    assert format_percent(Decimal("99.96")) == f"100{NBSP}%"
    assert format_percent(Decimal("12.46"), 0) == f"12{NBSP}%"


def test_numbers_are_written_alike_in_every_language():
    for language in ("nb", "nn", "en"):
        with translation.override(language):
            assert format_number(1234.5) == f"1{NBSP}234,5"
            assert format_money(1234) == f"1{NBSP}234{NBSP}kr"


# Values the fields hold: up to 12 digits before and 4 after the point.
STORED = st.decimals(
    min_value=Decimal("-999999999999.9999"),
    max_value=Decimal("999999999999.9999"),
    places=4,
    allow_nan=False,
    allow_infinity=False,
)


@given(STORED)
def test_every_stored_number_reads_back_as_written(value):
    assert parse_number(format_number(value, None)) == value
    assert parse_number(number_for_input(value)) == value


@given(
    st.decimals(min_value=-(10**11), max_value=10**11, places=4),
    st.integers(min_value=0, max_value=4),
)
def test_a_rounded_number_reads_back_as_the_rounded_value(value, decimals):
    rounded = value.quantize(Decimal(1).scaleb(-decimals), rounding="ROUND_HALF_UP")
    assert parse_number(format_number(value, decimals)) == rounded
    assert parse_number(format_money(value, decimals).removesuffix(f"{NBSP}kr")) == rounded


@given(st.floats(min_value=-1e11, max_value=1e11, allow_nan=False))
def test_floats_read_back_to_two_decimals(value):
    expected = Decimal(str(value)).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    assert parse_number(format_number(value)) == expected


# --- Dates and times -------------------------------------------------------------------------


def test_dates_are_day_month_year():
    assert format_date(datetime.date(2026, 11, 29)) == "29.11.2026"
    assert format_date(datetime.date(2026, 1, 2)) == "02.01.2026"
    assert format_date(datetime.date(5, 1, 2)) == "02.01.0005"
    assert format_date(None) == ""


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime.datetime(2026, 11, 29, 9, 15, tzinfo=UTC), "29.11.2026 kl. 10.15"),  # winter
        (datetime.datetime(2026, 6, 29, 8, 5, tzinfo=UTC), "29.06.2026 kl. 10.05"),  # summer
        (datetime.datetime(2026, 12, 31, 23, 30, tzinfo=UTC), "01.01.2027 kl. 00.30"),
        (datetime.datetime(2026, 11, 29, 10, 15), "29.11.2026 kl. 10.15"),  # naive: local
    ],
)
def test_datetimes_are_written_in_norwegian_time(moment, expected):
    assert format_datetime(moment, "nb") == expected
    assert format_datetime(moment, "nn") == expected


def test_datetime_in_english_and_in_the_active_language():
    moment = datetime.datetime(2026, 11, 29, 9, 15, tzinfo=UTC)
    assert format_datetime(moment, "en") == "29.11.2026 10:15"
    with translation.override("en"):
        assert format_datetime(moment) == "29.11.2026 10:15"
    with translation.override("nb"):
        assert format_datetime(moment) == "29.11.2026 kl. 10.15"
    assert format_datetime(datetime.date(2026, 11, 29)) == "29.11.2026"
    assert format_date(datetime.datetime(2026, 12, 31, 23, 30, tzinfo=UTC)) == "01.01.2027"


def test_a_time_zone_activated_for_a_request_does_not_change_what_is_written():
    from django.utils import timezone

    moment = datetime.datetime(2026, 11, 29, 9, 15, tzinfo=UTC)
    with timezone.override(zoneinfo.ZoneInfo("America/New_York")):
        assert format_datetime(moment, "nb") == "29.11.2026 kl. 10.15"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("29.11.2026", datetime.date(2026, 11, 29)),
        ("1.2.2026", datetime.date(2026, 2, 1)),
        (" 2026-11-29 ", datetime.date(2026, 11, 29)),
        (datetime.date(2026, 11, 29), datetime.date(2026, 11, 29)),
        (datetime.datetime(2026, 12, 31, 23, 30, tzinfo=UTC), datetime.date(2027, 1, 1)),
    ],
)
def test_dates_are_read_norwegian_or_iso(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "31.02.2026", "29/11/2026", "2026-1-2", "29.11.26", None, 5])
def test_what_is_not_a_date_is_refused(text):
    with pytest.raises(ValidationError) as caught:
        parse_date(text)
    assert caught.value.code == "invalid"


@given(st.dates(min_value=datetime.date(1000, 1, 1)))
def test_every_date_reads_back_as_written(day):
    assert parse_date(format_date(day)) == day


# --- Any value, and the template filters -----------------------------------------------------


def test_any_value_is_written_by_its_type():
    with translation.override("en"):
        assert format_value(True) == "Yes"
        assert format_value(False) == "No"
    assert format_value(None) == format_value("") == "–"
    assert format_value(None, empty="") == ""
    assert format_value(Decimal("1234.50")) == f"1{NBSP}234,5"
    assert format_value(datetime.date(2026, 3, 4)) == "04.03.2026"
    moment = datetime.datetime(2026, 11, 29, 9, 15, tzinfo=UTC)
    assert format_value(moment, language="nb") == "29.11.2026 kl. 10.15"
    assert format_value("1234.5") == "1234.5"  # text stays as written
    assert format_value(float("nan")) == format_value(Decimal("Infinity")) == "–"


def render(template: str, **context) -> str:
    return Template("{% load formats %}" + template).render(Context(context))


def test_template_filters_write_what_the_module_writes():
    value, moment = Decimal("1234567.456"), datetime.datetime(2026, 11, 29, 9, 15, tzinfo=UTC)
    with translation.override("nb"):
        assert render("{{ v|number }}", v=value) == format_number(value)
        assert render("{{ v|number:0 }}", v=value) == format_number(value, 0)
        assert render('{{ v|number:"4" }}', v=value) == format_number(value, 4)
        assert render("{{ v|money }}", v=value) == format_money(value)
        assert render("{{ v|percent }}", v=12.46) == format_percent(12.46)
        assert render("{{ v|percent:0 }}", v=12.46) == f"12{NBSP}%"
        assert render("{{ d|short_date }}", d=moment) == "29.11.2026"
        assert render("{{ d|short_datetime }}", d=moment) == "29.11.2026 kl. 10.15"


@pytest.mark.parametrize("value", [None, "", "abc", float("nan"), Decimal("NaN"), True, []])
def test_template_filters_show_nothing_for_what_is_not_a_number(value):
    assert render('{{ v|number|default:"–" }}', v=value) == "–"
    assert render("{{ v|money }}{{ v|percent }}{{ v|short_date }}", v=value) == ""


def test_every_template_has_the_filters_without_a_load():
    value = Decimal("1234.5")
    assert Template("{{ v|number }} {{ v|money }}").render(Context({"v": value})) == (
        f"{format_number(value)} {format_money(value)}"
    )


def test_template_filters_read_numbers_given_as_text():
    assert render("{{ v|number }}", v="1234.5") == f"1{NBSP}234,5"


def test_language_codes():
    assert formats.language_code("nb-no") == "nb"
    assert formats.language_code("en-gb") == "en"
    assert formats.language_code("sv") == "nb"
    with translation.override("nn"):
        assert formats.language_code() == "nn"


def test_long_date_in_the_users_language():
    from slik.core.formats import format_long_date

    day = datetime.date(2026, 11, 29)
    assert format_long_date(day, "en") == "29 November 2026"
    assert format_long_date(day, "nb") == "29. november 2026"
    assert format_long_date(day, "nn") == "29. november 2026"
    assert format_long_date(datetime.date(2026, 3, 5), "en") == "5 March 2026"
    assert format_long_date(None) == ""


def test_long_date_filter_follows_the_active_language():
    from django.template import Context, Template
    from django.utils import translation

    template = Template("{{ day|long_date }}")
    with translation.override("en"):
        assert template.render(Context({"day": datetime.date(2026, 11, 29)})) == "29 November 2026"
    with translation.override("nb"):
        assert template.render(Context({"day": datetime.date(2026, 11, 29)})) == "29. november 2026"
