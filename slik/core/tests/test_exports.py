import datetime
from decimal import Decimal

import pytest

from slik.core.exports import safe_cell


@pytest.mark.parametrize("text", ["=1+1", "+47", "-3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_like_text_is_guarded(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize(
    "value", ["Sykefravær", "", None, 3, -3, Decimal("-1.5"), datetime.date(2025, 1, 1), 2.5]
)
def test_other_values_pass_unchanged(value):
    assert safe_cell(value) == value
