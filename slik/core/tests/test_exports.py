import datetime
from decimal import Decimal

import pytest

from slik.core.exports import safe_cell, xml_text


@pytest.mark.parametrize("text", ["=1+1", "+47", "-3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_like_text_is_guarded(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize(
    "value", ["Sykefravær", "", None, 3, -3, Decimal("-1.5"), datetime.date(2025, 1, 1), 2.5]
)
def test_other_values_pass_unchanged(value):
    assert safe_cell(value) == value


def test_characters_xml_cannot_hold_are_dropped():
    assert safe_cell("Sør\x00\x01\x08\x0b\x0c\x1b\ufffe\udc80øya\t\n\r") == "Sørøya\t\n\r"
    assert xml_text("a\x07b – «æøå» 😀") == "ab – «æøå» 😀"


def test_a_formula_behind_a_control_character_is_still_guarded():
    assert safe_cell('\x01=HYPERLINK("file:///etc/passwd")') == '\'=HYPERLINK("file:///etc/passwd")'
