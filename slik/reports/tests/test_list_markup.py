"""The list page's offer cards and run rows are written in Python (slik/reports/markup.py);
they are what run_list.html wrote."""

import datetime

from django.http import QueryDict
from django.template import engines
from django.utils import translation

from slik.reports import markup
from slik.reports.registry import ReportDefinition
from slik.reports.views import RunRow

# The rows as run_list.html wrote them.
TEMPLATE_ROWS = """{% load i18n formats %}{% for run in runs %}<tr>
    <th scope="row"><a class="ds-link" href="{{ run.url }}">{{ run.title }}</a></th>
    <td>{{ run.file_format|upper }}</td>
    <td>{{ run.created_at|short_datetime }}{% if run.requested_by %} – {{ run.requested_by }}{% endif %}</td>
    <td><span class="ds-tag" data-status="{{ run.status }}">{{ run.status_label }}</span></td>
    <td>{% if run.is_published %}{% translate "Yes" %}{% else %}{% translate "No" %}{% endif %}</td>
  </tr>{% endfor %}"""  # noqa: E501

# The offer cards as run_list.html wrote them.
TEMPLATE_OFFERS = """{% load i18n %}  {% for offer in offers %}{% with definition=offer.definition %}
    <div class="slik-card" id="offer-{{ definition.key }}">
      <h3 class="ds-heading" data-size="sm">{{ definition.title }}</h3>
      {% if definition.description %}<p class="ds-paragraph">{{ definition.description }}</p>{% endif %}
      {% if definition.background %}
      <form method="post" action="{% url 'reports:order' org_slug=organisation.slug %}" class="slik-form">
        {% csrf_token %}
        <input type="hidden" name="key" value="{{ definition.key }}">
        <fieldset class="ds-fieldset">
          <legend class="ds-label">{% translate "Format" %}</legend>
          {% for value, label in offer.formats %}
          <div class="ds-field"><input class="ds-input" type="radio" name="file_format" value="{{ value }}" id="format-{{ definition.key }}-{{ value }}"{% if order_data.key == definition.key and order_data.file_format == value or order_data.key != definition.key and forloop.first %} checked{% endif %}>
            <label class="ds-label" for="format-{{ definition.key }}-{{ value }}">{{ label }}</label></div>
          {% endfor %}
        </fieldset>
        {% if offer.needs_year %}
        <div class="ds-field"><label class="ds-label" for="year-{{ definition.key }}">{% translate "Year" %}</label>
          <input class="ds-input" type="number" inputmode="numeric" min="2000" max="2100" id="year-{{ definition.key }}" name="year" value="{% if order_data.key == definition.key %}{{ order_data.year }}{% else %}{{ this_year }}{% endif %}" required></div>
        {% endif %}
        <button class="ds-button" data-variant="primary" type="submit">{% translate "Order report" %}</button>
      </form>
      {% else %}
      <ul class="ds-list">{% for url, label in offer.downloads %}
        <li><a class="ds-link" href="{{ url }}" download>{% blocktranslate with format=label %}Download as {{ format }}{% endblocktranslate %}</a></li>
      {% endfor %}</ul>
      {% endif %}
    </div>
  {% endwith %}{% endfor %}"""  # noqa: E501


def _run(pk, **fields):
    values = {
        "pk": pk,
        "url": f"/k/hvaler/rapporter/{pk}/?a=1&b=<2>",
        "title": "Rapport «Ø» & <b>'x'</b> 2025",
        "file_format": "xlsx",
        "created_at": datetime.datetime(2026, 6, 30, 22, 5, tzinfo=datetime.UTC),
        "requested_by": 'Ola "O" Nordmann & co',
        "status": "done",
        "status_label": "Klar <ok>",
        "is_published": True,
    }
    return RunRow(**{**values, **fields})


def test_run_rows_are_the_template_rows():
    runs = [
        _run(1),
        _run(2, requested_by=None, is_published=False, status="failed", file_format="pdf"),
        _run(
            3, requested_by="", created_at=datetime.datetime(2026, 1, 2, 3, 4, tzinfo=datetime.UTC)
        ),
    ]
    template = engines["django"].from_string(TEMPLATE_ROWS)
    for language in ("nb", "en"):
        with translation.override(language):
            assert markup.run_rows(runs) == template.render({"runs": runs})
    assert markup.run_rows([]) == template.render({"runs": []}) == ""


def _definition(key, **fields):
    values = {"title": f"Rapport <{key}> & «ø»", "formats": ("pdf", "docx"), "permission": "x"}
    return ReportDefinition(key=key, build=None, **{**values, **fields})


def _offer(definition, labels=("PDF", "Word & <co>")):
    formats = list(zip(definition.formats, labels, strict=False))
    downloads = (
        []
        if definition.background
        else [(f"/lag/{definition.key}.{f}?a=1&b=2", label) for f, label in formats]
    )
    return {
        "definition": definition,
        "formats": formats,
        "downloads": downloads,
        "needs_year": "year" in definition.parameters,
    }


def test_offer_cards_are_the_template_cards():
    offers = [
        _offer(
            _definition("export", description="Alt & <mer>", formats=("xlsx", "csv")),
            ("Excel", "CSV"),
        ),
        _offer(_definition("council", background=True, description="Sammendrag")),
        _offer(_definition("annual", background=True, parameters=("year",))),
    ]
    template = engines["django"].from_string(TEMPLATE_OFFERS)
    sent = [
        {},
        QueryDict("key=annual&file_format=docx&year=2019"),
        QueryDict("key=annual&file_format=docx"),
        QueryDict("key=annual&year=<x>&file_format=bogus"),
        QueryDict("key=council&file_format=docx&year=2020"),
        QueryDict("key=export&file_format=csv"),
        QueryDict("year=2001"),
    ]
    csrf = "token&<>"
    for language in ("nb", "en"):
        for order_data in sent:
            with translation.override(language):
                expected = template.render(
                    {
                        "offers": offers,
                        "order_data": order_data,
                        "this_year": 2026,
                        "organisation": {"slug": "hvaler"},
                        "csrf_token": csrf,
                    }
                )
                written = markup.offer_cards(
                    offers,
                    order_url="/k/hvaler/rapporter/bestill/",
                    csrf=csrf,
                    order_data=order_data,
                    this_year=2026,
                )
            assert "  " + written == expected
