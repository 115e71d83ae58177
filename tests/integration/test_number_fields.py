"""Every form field in SLIK that takes a decimal number or an amount of money reads what a
Norwegian user types («18,5», «1 250,50», «12 345,68») and what a spreadsheet user types
(«18.5»), and shows a stored number grouped with a decimal comma; no browser number field
(which refuses a decimal comma in some browsers and reads «18,5» as 185 in others).

The fields are found by walking every form class in the project, so a new one is held to this
too."""

import decimal
import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.db import models

import slik
from slik.core.forms import NumberField

TYPED = {
    "18,5": decimal.Decimal("18.5"),
    "1 250,50": decimal.Decimal("1250.5"),
    "12 345,68": decimal.Decimal("12345.68"),
    "18.5": decimal.Decimal("18.5"),
}


def _form_classes():
    for module_info in pkgutil.walk_packages(slik.__path__, "slik."):
        name = module_info.name
        if ".tests" in name or ".migrations" in name or ".management" in name:
            continue
        if not any(part.startswith(("forms", "filters")) for part in name.split(".")):
            continue
        module = importlib.import_module(name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == name:
                yield cls


def _takes_a_decimal(form_class, name, field) -> bool:
    if isinstance(field, NumberField | forms.DecimalField | forms.FloatField):
        return True
    model = getattr(getattr(form_class, "_meta", None), "model", None)
    if model is None:
        return False
    try:
        model_field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 – a form field of its own, not the model's
        return False
    return isinstance(model_field, models.DecimalField | models.FloatField)


DECIMAL_FIELDS = sorted(
    {
        (f"{cls.__module__}.{cls.__name__}", name): (cls, name)
        for cls in _form_classes()
        for name, field in cls.base_fields.items()
        if _takes_a_decimal(cls, name, field)
    }.items()
)
PARAMS = [pytest.param(key, value, id=f"{key[0]}.{key[1]}") for key, value in DECIMAL_FIELDS]


def test_the_walk_finds_the_known_fields():
    found = {key for key, _value in DECIMAL_FIELDS}
    assert {
        ("slik.challenges.forms.KeyFigureForm", "value"),
        ("slik.cases.forms.cases.CaseForm", "budget"),
        ("slik.benefits.forms.measurements.MeasurementForm", "value"),
    } <= found
    assert any(name == "baseline_value" for (_form, name) in found)
    assert any(name == "target_value" for (_form, name) in found)


@pytest.mark.parametrize(("key", "form_and_field"), PARAMS)
def test_field_reads_norwegian_numbers(key, form_and_field):
    form_class, name = form_and_field
    field = form_class.base_fields[name]
    assert isinstance(field, NumberField), f"{key} is not the shared NumberField"
    assert getattr(field.widget, "input_type", "") != "number"
    places = next(
        (v.decimal_places for v in field.validators if hasattr(v, "decimal_places")), None
    )
    for typed, expected in TYPED.items():
        decimals = -expected.normalize().as_tuple().exponent
        if places is not None and decimals > places:
            # Whole kroner only: refused with a message, never stored as another number.
            with pytest.raises(ValidationError):
                field.clean(typed)
        else:
            assert field.clean(typed) == expected, (key, typed)


@pytest.mark.parametrize(("key", "form_and_field"), PARAMS)
def test_field_shows_stored_number_grouped(key, form_and_field):
    form_class, name = form_and_field
    field = form_class.base_fields[name]
    html = field.widget.render(name, field.prepare_value(decimal.Decimal("1250.5000")))
    assert 'value="1\u00a0250,5"' in html, (key, html)
    assert 'type="number"' not in html
