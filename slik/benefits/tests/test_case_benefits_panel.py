"""The benefit cards of the case page's panel and the case's list of benefits are written in
Python (panels.benefit_cards) exactly as includes/case_benefits.html wrote them, and the map's
miracle flag read in one query is the map's own."""

import datetime

import pytest
from django.template import engines
from django.urls import reverse
from django.utils import translation
from django_scopes import scope

from slik.cases.tests.factories import CaseFactory

from .. import services
from ..models import Benefit, BenefitCategory
from ..panels import benefit_cards
from ..selectors import benefit_map_for, benefits_for_case, map_has_miracles
from ..services import map as map_services
from .factories import BenefitFactory, IndicatorFactory, add_series

pytestmark = pytest.mark.django_db

# The cards as includes/case_benefits.html wrote them before panels.benefit_cards.
CARDS_TEMPLATE = """{% load i18n slik %}{% for benefit in case_benefits %}
  <article class="slik-card" id="benefit-{{ benefit.pk }}">
    <h3 class="ds-heading" data-size="sm"><a class="ds-link" href="{% url 'benefits:benefit' org_slug=organisation.slug benefit_id=benefit.pk %}">{{ benefit.title }}</a>{% if benefit.is_disbenefit %} <span class="ds-tag" data-color="warning">{% translate "Dis-benefit" %}</span>{% endif %}</h3>
    <dl class="slik-dl">
      <dt>{% translate "Status" %}</dt><dd>{{ benefit.get_status_display }} · {{ benefit.get_progress_display }}</dd>
      <dt>{% translate "Category" %}</dt><dd>{{ benefit.category.name|seed_text|default:"–" }}</dd>
      <dt>{% translate "Benefit responsible" %}</dt><dd>{{ benefit.responsible.full_name|default:"–" }}</dd>
    </dl>
    {% if benefit.indicator_list %}
    <div class="slik-table-wrap">
    <table class="ds-table" data-size="sm">
      <caption>{% blocktranslate with title=benefit.title %}Indicators of “{{ title }}”{% endblocktranslate %}</caption>
      <thead><tr>
        <th scope="col">{% translate "Indicator" %}</th>
        <th scope="col" class="slik-number">{% translate "Baseline" %}</th>
        <th scope="col" class="slik-number">{% translate "Target" %}</th>
        <th scope="col" class="slik-number">{% translate "Latest" %}</th>
        <th scope="col" class="slik-number">{% translate "Achieved" %}</th>
      </tr></thead>
      <tbody>{% for indicator in benefit.indicator_list %}
        <tr>
          <th scope="row"><a class="ds-link" href="{% url 'benefits:indicator' org_slug=organisation.slug indicator_id=indicator.pk %}">{{ indicator.name }}</a> ({{ indicator.unit }})</th>
          <td class="slik-number">{{ indicator.baseline_value|number|default:"–" }}</td>
          <td class="slik-number">{{ indicator.target_value|number|default:"–" }}</td>
          <td class="slik-number">{{ indicator.latest_value|number|default:"–" }}</td>
          <td class="slik-number">{% if indicator.achievement_percent is not None %}{{ indicator.achievement_percent|percent:0 }}{% else %}–{% endif %}</td>
        </tr>{% endfor %}
      </tbody>
    </table>
    </div>
    {% endif %}
    {% if benefit.pitfalls %}
    <div class="ds-alert" data-color="warning">
      <p class="ds-paragraph"><strong>{% translate "Warnings" %}</strong></p>
      <ul class="ds-list">{% for pitfall in benefit.pitfalls %}<li data-pitfall="{{ pitfall.code }}">{{ pitfall.label }}: {{ pitfall.message }}</li>{% endfor %}</ul>
    </div>
    {% endif %}
  </article>
  {% empty %}
  <p class="ds-paragraph" id="no-case-benefits">{% translate "No benefits have been identified for this case yet. Describe what should get better, for whom, and how you will know." %}</p>
  {% endfor %}"""  # noqa: E501


@pytest.fixture
def varied_case(org, coordinator, employee, leader):
    """A case with benefits of every kind a card shows differently."""
    case = CaseFactory(organisation=org, actor=coordinator, title="Kort & <kanter>")
    with scope(organisation=org.pk):
        category = BenefitCategory.objects.filter(organisation=org).first()
    employee.full_name = 'Åse "Ansatt" <&>'
    employee.save()
    full = BenefitFactory(
        case=case,
        title="Mindre «venting» & <b>kø</b>",
        category=category,
        responsible=employee,
        owner=leader,
        is_disbenefit=True,
        status=Benefit.Status.PARTLY_REALISED,
        progress=Benefit.Progress.DELAYED,
    )
    measured = IndicatorFactory(benefit=full, name="Ventetid <dager>", unit="d & t")
    add_series(measured, [8.5, 8.1, 7.25, 1234567.891], start=datetime.date(2024, 1, 1))
    IndicatorFactory(benefit=full, name="Uten mål", target_value=None, target_on=None)
    IndicatorFactory(benefit=full, name="Null", baseline_value=10, target_value=0, unit="kr")
    BenefitFactory(case=case, title="Uten noe", realisation=Benefit.Realisation.REALLOCATION)
    BenefitFactory(case=case, title="Avlyst", status=Benefit.Status.CANCELLED)
    return case


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_benefit_cards_are_the_template_cards(org, varied_case, language):
    template = engines["django"].from_string(CARDS_TEMPLATE)
    with scope(organisation=org.pk), translation.override(language):
        benefits = benefits_for_case(organisation=org, case=varied_case)
        assert any(benefit.pitfalls for benefit in benefits)
        context = {"case_benefits": benefits, "organisation": org}
        assert benefit_cards(benefits, org_slug=org.slug) == template.render(context)
        empty = {"case_benefits": [], "organisation": org}
        assert benefit_cards([], org_slug=org.slug) == template.render(empty)


def test_panel_and_list_show_the_cards(client_as, coordinator, org, varied_case):
    client = client_as(coordinator)
    kwargs = {"org_slug": "hvaler", "case_id": varied_case.pk}
    panel = client.get(
        reverse("cases:panels", kwargs=kwargs) + "?panel=benefits", headers={"HX-Request": "true"}
    ).content.decode()
    listed = client.get(reverse("benefits:case_benefits", kwargs=kwargs)).content.decode()
    with scope(organisation=org.pk):
        cards = benefit_cards(
            benefits_for_case(organisation=org, case=varied_case), org_slug="hvaler"
        )
    assert cards in panel and cards in listed
    assert panel.count('<article class="slik-card"') == 3
    assert "Mindre «venting» &amp; &lt;b&gt;kø&lt;/b&gt;" in panel


def test_miracle_flag_is_the_maps(org, coordinator, case):
    """`map_has_miracles` (one query) says what `benefit_map_for(…).has_miracles` says, as the
    map grows from empty to a chain with a benefit reached and one not."""
    with scope(organisation=org.pk):
        mapped = services.benefit_create(actor=coordinator, case=case, title="I kartet")
        benefits = [mapped]

        def both():
            full = benefit_map_for(organisation=org, case=case, benefits=benefits).has_miracles
            return full, map_has_miracles(case=case, benefits=benefits)

        assert both() == (True, True)  # not in the map
        add = map_services.map_node_create
        measure = add(actor=coordinator, case=case, kind="measure", label="Tiltak")
        node = add(actor=coordinator, case=case, kind="benefit", label="", benefit=mapped)
        assert both() == (True, True)  # in the map, with no path from a measure
        change = add(actor=coordinator, case=case, kind="change", label="Endring")
        link = map_services.map_edge_create
        link(actor=coordinator, case=case, source=measure, target=change)
        link(actor=coordinator, case=case, source=change, target=node)
        assert both() == (False, False)
        goal = add(actor=coordinator, case=case, kind="goal", label="Mål")
        link(actor=coordinator, case=case, source=node, target=goal)
        assert both() == (False, False)
        add(actor=coordinator, case=case, kind="benefit", label="Alene")
        assert both() == (True, True)
