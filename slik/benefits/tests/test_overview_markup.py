"""The markup the municipality-wide benefits pages write in Python (the pitfall rows, the
roll-up's rows, the pages' navigation, the pitfall filter bar) is what their templates wrote,
for every kind of value: text to escape, negative and fractional sums, in every language, for
those who may and may not manage the categories. The page as a whole is compared with the
template's in `test_the_roll_up_page_is_the_template_page`."""

import datetime
from decimal import Decimal

import pytest
from django.template import engines
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django_scopes import scope

from slik.benefits.filters import PitfallFilterForm
from slik.benefits.rollup import CategoryTotals
from slik.benefits.selectors import organisation_pitfalls
from slik.benefits.views.overview import category_rows, count_rows, overview_nav
from slik.benefits.views.pitfalls import PitfallFilters, pitfall_rows

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2025, 6, 1)
LANGUAGES = ["nb", "nn", "en"]

# The rows as the templates wrote them before they were written in Python.
PITFALL_ROWS = """{% for pitfall, benefit_url in rows %}
    <tr data-pitfall="{{ pitfall.code }}">
      <th scope="row">{{ pitfall.label }}</th>
      <td><a class="ds-link" href="{{ benefit_url }}">{{ pitfall.benefit.title }}</a></td>
      <td>{{ pitfall.benefit.case.title }}</td>
      <td>{{ pitfall.message }}</td>
    </tr>{% endfor %}"""
CATEGORY_ROWS = """{% load i18n slik %}{% for row in categories %}
      <tr>
        <th scope="row">{{ row.name }} <span class="slik-muted">({{ row.category_set }})</span></th>
        <td class="slik-number">{{ row.benefits }}</td>
        <td class="slik-number">{{ row.planned_kr|number:0 }}</td>
        <td class="slik-number">{{ row.realised_kr|number:0 }}</td>
        <td class="slik-number">{{ row.planned_years|number:1 }}</td>
        <td class="slik-number">{{ row.realised_years|number:1 }}</td>
      </tr>{% endfor %}"""  # noqa: E501
COUNT_ROWS = """{% for label, count in rows %}<tr><th scope="row">{{ label }}</th><td class="slik-number">{{ count }}</td></tr>{% endfor %}"""  # noqa: E501


def render(source: str, context: dict) -> str:
    return engines["django"].from_string(source).render(context)


@pytest.mark.parametrize("language", LANGUAGES)
def test_pitfall_rows_are_the_template_rows(
    language, make_benefit, make_indicator, case, org, coordinator
):
    benefit = make_benefit(case, title="Tom & <Jerry> «sitat»", realisation="reallocation")
    make_indicator(benefit, name='Andel "brukere" & <mål>', target_value=None, target_on=None)
    make_benefit(case, title="Uten indikator")
    with translation.override(language), scope(organisation=org.pk):
        pitfalls = organisation_pitfalls(organisation=org, today=TODAY)[:]
        urls = [
            reverse("benefits:benefit", kwargs={"org_slug": org.slug, "benefit_id": p.benefit.pk})
            for p in pitfalls
        ]
        expected = render(PITFALL_ROWS, {"rows": list(zip(pitfalls, urls, strict=True))})
        assert pitfall_rows(pitfalls, org.slug) == expected
    assert len(pitfalls) >= 6 and "&lt;Jerry&gt;" in expected and "&quot;brukere&quot;" in expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_roll_up_rows_are_the_template_rows(language):
    categories = [
        CategoryTotals(
            name="Spart tid & <penger>",
            category_set="DFØ",
            benefits=1234,
            planned_kr=Decimal("1234567.5000"),
            realised_kr=Decimal("-2500.4900"),
            planned_years=Decimal("0.2500"),
            realised_years=Decimal("0"),
        ),
        CategoryTotals(name="Kvalitet", category_set="KS", benefits=2),
    ]
    counts = [("Forventet <ny>", 1500), ("Avlyst", 0)]
    with translation.override(language):
        assert category_rows(categories) == render(CATEGORY_ROWS, {"categories": categories})
        assert count_rows(counts) == render(COUNT_ROWS, {"rows": counts})


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("persona", ["coordinator", "leader"])
def test_the_navigation_is_the_template_navigation(language, persona, org, request):
    user = request.getfixturevalue(persona)
    http = RequestFactory().get("/")
    http.user, http.organisation = user, org
    with translation.override(language), scope(organisation=org.pk):
        nav = overview_nav(http)
        expected = render_to_string(
            "benefits/_overview_nav.html", {"organisation": org}, request=http
        )
    assert nav == expected
    assert ("Categories" in nav or "ategori" in nav) == (persona == "coordinator")


@pytest.mark.parametrize("data", [{}, {"code": "no_owner"}, {"case": "1", "code": "no_target"}])
def test_the_pitfall_filter_bar_is_the_template_form(data):
    cases = [(1, "Åpen «sak» & <mer>"), (2, "Annen")]
    plain = PitfallFilters(data or None, cases=cases)
    templated = PitfallFilterForm(data or None, cases=cases)
    assert str(plain) == str(templated)


# The roll-up's table as the template wrote it before its rows were written in Python.
ROLLUP_BODY = """{% load i18n slik %}<tbody>{% for row in rollup.categories %}
      <tr>
        <th scope="row">{% if row.name %}{{ row.name }} <span class="slik-muted">({{ row.category_set }})</span>{% else %}{% translate "No category" %}{% endif %}</th>
        <td class="slik-number">{{ row.benefits }}</td>
        <td class="slik-number">{{ row.planned_kr|number:0 }}</td>
        <td class="slik-number">{{ row.realised_kr|number:0 }}</td>
        <td class="slik-number">{{ row.planned_years|number:1 }}</td>
        <td class="slik-number">{{ row.realised_years|number:1 }}</td>
      </tr>{% empty %}<tr><td colspan="6">{% translate "No benefits yet." %}</td></tr>{% endfor %}
    </tbody>"""  # noqa: E501


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_roll_up_page_is_the_template_page(
    language, make_benefit, make_indicator, case, org, coordinator, client_as
):
    """With a named category, benefits without one (the template's row) and none at all."""
    client = client_as(coordinator)
    url = reverse("benefits:rollup", kwargs={"org_slug": org.slug})
    with scope(organisation=org.pk):
        category = org.benefit_categories.order_by("pk").first()
    for kwargs in ({}, {"category": category}):
        benefit = make_benefit(case, title=f"Gevinst {len(kwargs)}", **kwargs)
        make_indicator(benefit, unit="kr", direction="higher", baseline_value=1, target_value=5)
        with translation.override(language):
            response = client.get(url, headers={"Accept-Language": language})
            body = render(ROLLUP_BODY, {"rollup": response.context["rollup"]})
        assert body in response.content.decode()


@pytest.mark.django_db
def test_an_empty_roll_up_says_so(org, coordinator, client_as):
    response = client_as(coordinator).get(reverse("benefits:rollup", kwargs={"org_slug": org.slug}))
    assert render(ROLLUP_BODY, {"rollup": response.context["rollup"]}) in response.content.decode()
