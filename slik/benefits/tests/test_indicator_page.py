"""The indicator page writes in Python what its templates wrote, and its charts draw the same:
the measurement rows are the template's rows, the measurement form is the form templates'
markup, and the control chart with its data as columns still draws the limits on a time axis."""

import datetime
import re
from decimal import Decimal

import pytest
import vl_convert as vlc
from django import forms
from django.template import engines
from django.urls import reverse
from django.utils import translation
from django_scopes import scope

from slik.core.charts import paper_spec

from .. import services
from ..charts import xmr_chart_spec
from ..forms import MeasurementForm
from ..truth import series_truth
from .factories import add_series

pytestmark = pytest.mark.django_db

# The rows as indicator_detail.html wrote them before they were written in Python (views/
# indicators.py, `_ROW`), given a row's texts (`m`) and the page's `may_record`.
ROW_TEMPLATE = """{% load i18n %}{% translate "Delete" as delete_label %}{% translate "baseline period" as baseline_label %}{% for m in table_rows %}
        <tr>
          <th scope="row">{{ m.date_text }}{% if m.in_baseline %} <span class="slik-muted">({{ baseline_label }})</span>{% endif %}</th>
          <td class="slik-number">{{ m.value_text }}</td>
          <td>{{ m.rules_text }}</td>
          <td>{{ m.comment }}</td>
          <td>{{ m.recorded_by_name|default:"–" }}</td>
          {% if may_record %}<td><a class="ds-link" href="{{ m.delete_url }}">{{ delete_label }}<span class="ds-sr-only"> {{ m.date_text }}</span></a></td>{% endif %}
        </tr>{% endfor %}"""  # noqa: E501

BASELINE = [8.4, 8.6, 8.5, 8.7, 8.3, 8.5, 8.6, 8.4, 8.5, 8.6, 8.4, 8.5]


def _page(client, indicator, query=""):
    path = reverse(
        "benefits:indicator", kwargs={"org_slug": "hvaler", "indicator_id": indicator.pk}
    )
    response = client.get(path + query)
    assert response.status_code == 200
    return response


def _template_rows(response, *, may_record: bool) -> str:
    """The rows of the page's table as the old template wrote them, from the page's context."""
    from slik.benefits.truth import rule_labels
    from slik.core import formats

    context = response.context
    series, truth, page = context["measurements"], context["truth"], context["table_page"]
    labels = rule_labels()
    rows = []
    for index in page:
        row, point = series[index], truth.points[index]
        rows.append(
            {
                "date_text": formats.format_date(row.measured_on),
                "value_text": formats.format_number(row.value),
                "rules_text": "; ".join(labels[c] for c in point["rules"]) or formats.EMPTY,
                "comment": row.comment,
                "recorded_by_name": row.recorded_by_name,
                "in_baseline": point["baseline"],
                "delete_url": reverse(
                    "benefits:measurement_delete",
                    kwargs={"org_slug": "hvaler", "measurement_id": row.pk},
                ),
            }
        )
    template = engines["django"].from_string(ROW_TEMPLATE)
    return template.render({"table_rows": rows, "may_record": may_record})


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_table_rows_are_the_template_rows(
    client_as, coordinator, observer, employee, indicator, org, language
):
    add_series(indicator, [*BASELINE, 7.0, 7.1, 1234567.891, -0.5])
    with scope(organisation=org.pk):
        services.measurement_record(
            actor=employee,
            indicator=indicator,
            measured_on=datetime.date(2025, 6, 1),
            value=Decimal("8"),
            comment='Målt «på nytt» & <b>"sjekket"</b>',
        )
    employee.full_name = "Åse <Ansatt> & 'co'"
    employee.save()
    for user, may_record in ((coordinator, True), (observer, False)):
        client = client_as(user)
        user.language = language
        user.save()
        response = _page(client, indicator)
        assert response.context["may_record"] is may_record
        expected = _template_rows(response, may_record=may_record)
        assert str(response.context["table_rows"]) == expected
        html = response.content.decode()
        assert f"<tbody>{expected}\n      </tbody>" in html
        assert "&lt;b&gt;&quot;sjekket&quot;&lt;/b&gt;" in html


def test_table_pages_rows_are_the_template_rows(client_as, coordinator, indicator):
    add_series(indicator, [8 + (i % 9) / 10 for i in range(120)], step_days=7)
    client = client_as(coordinator)
    for query in ("", "?side=2", "?side=3", "?side=99"):
        response = _page(client, indicator, query)
        assert len(response.context["table_page"]) in (50, 20)
        expected = _template_rows(response, may_record=True)
        assert str(response.context["table_rows"]) == expected


def _template_form(form) -> str:
    """The form as forms/form.html and forms/field.html with Django's widget templates write
    it: every widget swapped for its plain Django class."""
    from django.forms.forms import BaseForm

    plain_to_django = {"_PlainDateInput": None, "_PlainHiddenInput": forms.HiddenInput}
    for field in form.fields.values():
        widget = field.widget
        name = type(widget).__name__
        if name == "_PlainDateInput":
            widget.__class__ = type(widget).__mro__[1]  # slik.core.forms.DateInput
        elif name in plain_to_django:
            widget.__class__ = plain_to_django[name]
        elif name == "PlainTextInput":
            widget.__class__ = forms.TextInput
    return BaseForm.render(form)


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"measured_on": "2025-01-01", "value": "ikke et tall", "comment": "x"},
        {"measured_on": "", "value": "", "comment": 'a "b" <c> & d'},
    ],
)
def test_measurement_form_is_the_templates_markup(indicator, org, data):
    with scope(organisation=org.pk), translation.override("nb"):
        form = MeasurementForm(data, indicator=indicator)
        form.is_valid() if data else None
        written = str(form)
        form = MeasurementForm(data, indicator=indicator)
        form.is_valid() if data else None
        assert written == _template_form(form)


def test_measurement_form_offers_the_choice_through_the_templates(indicator, org, employee):
    with scope(organisation=org.pk), translation.override("nb"):
        services.measurement_record(
            actor=employee, indicator=indicator, measured_on=datetime.date(2025, 1, 1), value=8
        )
        data = {"measured_on": "2025-01-01", "value": "9"}
        form = MeasurementForm(data, indicator=indicator)
        assert not form.is_valid()
        written = str(form)
        assert 'type="radio"' in written and "On record" not in written
        form = MeasurementForm(data, indicator=indicator)
        form.is_valid()
        assert written == _template_form(form)


def test_control_chart_draws_limits_on_a_time_axis(make_indicator, benefit):
    """The chart's data as columns (`flatten`, then the dates parsed): drawn by Vega-Lite, the
    limits, their labels and the dated axis are all there, as with a row per point."""
    indicator = make_indicator(benefit, baseline_on=datetime.date(2024, 12, 1))
    values = [*BASELINE, 8.5, 8.4, 7.0, 7.1, 7.0, 6.9, 7.1, 7.0, 7.2, 7.0, 7.1, 6.9]
    dates = [datetime.date(2024 + (i // 12), i % 12 + 1, 1) for i in range(len(values))]
    with translation.override("en"):
        truth = series_truth(indicator, dates, values, [dates[14]])
        assert truth.new_period is not None and truth.limits is not None
        spec = paper_spec(xmr_chart_spec(indicator, truth), language="en")
    svg = vlc.vegalite_to_svg(spec)
    for label in ("Centre line", "Upper limit", "Lower limit", "New period"):
        assert f">{label}<" in svg
    assert re.findall(r">(?:Jan|Apr|Jul|Oct) 20\d\d<", svg)  # the dates were parsed
    # Every point drawn, each with its date and value for a screen reader.
    assert svg.count('aria-roledescription="point"') == len(values)
