"""The dashboard writes some of its markup in Python (templatetags/portfolio_dashboard.py and
the filter form's `fields_html`): the same markup the templates wrote, compared here with those
templates for every branch."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template, engines
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django_scopes import scope

from slik.accounts.models import User
from slik.benefits.rollup import CategoryTotals
from slik.cases.tests.factories import CaseFactory, set_phase
from slik.portfolio import breakdowns
from slik.portfolio.forms import DashboardFilterForm
from slik.portfolio.models import PortfolioSettings
from slik.portfolio.selectors.dashboard import DashboardFilters, _name, _setting, stuck_cases
from slik.portfolio.services.settings import portfolio_settings_for

pytestmark = pytest.mark.django_db
LANGUAGES = ["nb", "nn", "en"]
TRICKY = 'Tom & <Jerry> «sak» "1"'

# The templates the tags replaced, as they were.
STUCK_ROW = """{% for case, owner, link in stuck_rows %}<tr>
      <th scope="row">{{ link }}</th>
      <td>{{ case.phase_label }}</td>
      <td class="slik-number">{{ case.days_in_phase }}</td>
      {% if details %}<td>{{ owner|default:"–" }}</td>{% endif %}
    </tr>{% endfor %}"""
STATUS_ROW = """{% for row in rows %}<tr data-case="{{ row.case.pk }}" data-stale="{{ row.stale|yesno:'yes,no' }}">
      <th scope="row">{{ row.link }}</th>
      <td>{% if row.report_id %}<a class="ds-link" href="{{ row.report_url }}">{{ row.overall_label }}</a>{% else %}{% translate "No published report" %}{% endif %}</td>
      <td>{{ row.reported_on|short_date|default:"–" }}</td>
      <td class="slik-number">{{ row.age|default_if_none:"–" }}{% if row.stale %} <span class="ds-tag" data-color="warning" data-size="sm">{% if row.report_id %}{% translate "Old" %}{% else %}{% translate "Missing" %}{% endif %}</span>{% endif %}</td>
    </tr>{% endfor %}"""  # noqa: E501
FILTER_FIELDS = """{% for field in form %}
  <div class="ds-field">
    <label class="ds-label" for="{{ field.id_for_label }}">{{ field.label }}</label>
    {{ field }}
    {% for error in field.errors %}<div class="ds-validation-message" data-color="danger" id="{{ field.id_for_label }}-error">{{ error }}</div>{% endfor %}
  </div>
  {% endfor %}"""  # noqa: E501
BENEFIT_ROWS = """{% translate "No category" as no_category %}{% for row in categories %}<tr>
        <th scope="row">{{ row.name|default:no_category }}</th>
        <td class="slik-number">{{ row.benefits }}</td>
        <td class="slik-number">{{ row.planned_kr|number:0 }}</td>
        <td class="slik-number">{{ row.realised_kr|number:0 }}</td>
        <td class="slik-number">{{ row.planned_years|number:1 }}</td>
        <td class="slik-number">{{ row.realised_years|number:1 }}</td>
      </tr>{% endfor %}"""
PANEL = """{# A panel of the dashboard. #}
<section class="slik-section" aria-labelledby="{{ key }}-heading" id="{{ key }}-panel" aria-live="off" hx-get="{{ url }}{% if panel_query %}?{{ panel_query }}{% endif %}" hx-trigger="revealed" hx-swap="outerHTML">
  <h2 class="ds-heading" data-size="md" id="{{ key }}-heading">{{ heading }}</h2>
  <p class="ds-paragraph"><a class="ds-link" href="{{ url }}{% if panel_query %}?{{ panel_query }}{% endif %}">{% translate "Show as table" %}</a></p>
</section>
"""  # noqa: E501
BREAKDOWN = """{# One balance chart with its table. Context: key, heading, rows, spec, label_title, links. #}{% load portfolio_dashboard %}
<section class="slik-section" aria-labelledby="{{ key }}-heading">
  <h3 class="ds-heading" data-size="sm" id="{{ key }}-heading">{{ heading }}</h3>
  {% if rows %}
  {% blocktranslate asvar chart_label with what=heading %}Bar chart: {{ what }}. The table below gives the same numbers and the cases.{% endblocktranslate %}
  {% chart "chart-"|add:key spec chart_label %}
  <details class="ds-details"{% if not request.htmx %} open{% endif %}>
    <summary>{% translate "Show as table" %}</summary>
    <div class="slik-table-wrap">
    <table class="ds-table" data-size="sm" id="table-{{ key }}">
      <caption>{{ heading }}</caption>
      <thead><tr>
        <th scope="col">{{ label_title }}</th>
        <th scope="col" class="slik-number">{% translate "Cases" %}</th>
        <th scope="col">{% translate "Cases" %}</th>
      </tr></thead>
      <tbody>{% breakdown_rows rows links %}</tbody>
    </table>
    </div>
  </details>
  {% else %}<p class="ds-paragraph">{% translate "No cases match." %}</p>{% endif %}
</section>
"""  # noqa: E501


def _render(source: str, **context) -> str:
    return engines["django"].from_string(source).render(context)


def _tag(source: str, **context) -> str:
    return Template("{% load portfolio_dashboard %}" + source).render(Context(context))


@pytest.mark.parametrize("language", LANGUAGES)
def test_stuck_rows_are_the_template_rows(language):
    rows = [
        (breakdowns.StuckFacts(7, TRICKY, 2, 400, TRICKY), TRICKY, mark_safe("<a>x</a>")),
        (breakdowns.StuckFacts(1234, "B", 5, 12345, ""), "", mark_safe("<a>y</a>")),
    ]
    with translation.override(language):
        for details in (True, False):
            expected = _render(STUCK_ROW, stuck_rows=rows, details=details)
            tag = _tag("{% stuck_rows rows details %}", rows=rows, details=details)
            assert tag == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_benefit_rows_are_the_template_rows(language):
    categories = [
        CategoryTotals(
            name=TRICKY,
            category_set="DFØ",
            benefits=1234,
            planned_kr=Decimal("1234567.5000"),
            realised_kr=Decimal("-2500.4900"),
            planned_years=Decimal("0.2500"),
            realised_years=Decimal("0"),
        ),
        CategoryTotals(name="Kvalitet", benefits=2),
        CategoryTotals(name="", benefits=0, planned_kr=0, realised_kr=Decimal("12.5")),
    ]
    with translation.override(language):
        expected = _render(BENEFIT_ROWS, categories=categories)
        assert _tag("{% benefit_rows categories %}", categories=categories) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_status_rows_are_the_template_rows(language):
    today = datetime.date(2026, 11, 29)
    facts = [
        breakdowns.StatusFacts(1, TRICKY, None, None, None),
        breakdowns.StatusFacts(12345, "B", 9, datetime.date(2026, 1, 2), "delayed"),
        breakdowns.StatusFacts(3, "C", 10, today, "on_plan"),
    ]
    with translation.override(language):
        rows = breakdowns.status_rows(facts, today)
        for row in rows:
            row["link"] = mark_safe(f"<a>{row['case'].pk}</a>")  # noqa: S308 – a test link
            if row["report_id"]:
                row["report_url"] = f"/r/{row['report_id']}?a=1&b=2"
        expected = _render(STATUS_ROW, rows=rows)
        assert _tag("{% status_rows rows %}", rows=rows) == expected


def _form(org, details, data=None, challenges=()):
    choices = {
        "sectors": [(1, "Helse & omsorg")],
        "challenges": [(10, TRICKY), *challenges],
        "owners": [(5, "Ola <Nordmann>")],
    }
    form = DashboardFilterForm(data, choices=choices, details=details)
    if data is not None:
        form.filters()
    return form


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "data",
    [
        None,
        {"phase": "2", "challenge": "10", "owner": "5", "status": "active"},
        {"phase": "x", "sector": "999", "challenge": ""},
        {"sector": "1", "owner": "5", "status": "<b>"},
    ],
)
def test_filter_fields_are_the_template_fields(org, language, data):
    with translation.override(language):
        for details in (True, False):
            form = _form(org, details, data)
            assert form.fields_html() == _render(FILTER_FIELDS, form=form)


def test_filter_form_checks_values_against_the_choices(org):
    form = _form(org, True, {"phase": "2", "challenge": "11", "owner": "5"})
    assert form.filters() == DashboardFilters(phase=2, owner=5)
    assert list(form.errors) == ["challenge"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_panel_places_are_the_template_panels(org, language):
    url = reverse("portfolio:stuck_panel", kwargs={"org_slug": org.slug})
    request = RequestFactory().get("/")
    with translation.override(language):
        for query in ("", "phase=2&status=active"):
            context = {"organisation": org, "panel_query": query, "heading": TRICKY}
            expected = _render(PANEL, key="stuck", url=url, request=request, **context)
            tag = '{% dashboard_panel "stuck" "portfolio:stuck_panel" heading %}'
            assert _tag(tag, **context) == expected


def test_owner_names_are_what_the_user_shows():
    stamp = timezone.now()
    for person in (
        {"full_name": "Ola Nordmann", "email": "ola@x.no", "anonymised_at": None},
        {"full_name": "", "email": "kari@x.no", "anonymised_at": None},
        {"full_name": "Gone", "email": "gone@x.no", "anonymised_at": stamp},
    ):
        assert _name(1, **person) == str(User(**person))
    assert _name() == ""


def test_stuck_panel_names_owners_only_for_staff(org, coordinator, project_leader):
    long_ago = timezone.localdate() - datetime.timedelta(days=400)
    for owner in (project_leader, None):
        case = CaseFactory(organisation=org, actor=coordinator, owner=owner, is_published=True)
        set_phase(case, 2, since=long_ago)
    with scope(organisation=org.pk):
        # Politicians see no owners (only published cases: both are).
        for details, names in ((True, {str(project_leader), ""}), (False, {""})):
            found, _limit = stuck_cases(
                organisation=org, filters=DashboardFilters(), details=details
            )
            assert {case.owner for case in found} == names


def test_a_stuck_row_knows_its_phase():
    facts = breakdowns.CaseFacts(1, "A", 3, "active", "", "", None, None, 200)
    assert breakdowns.StuckFacts(1, "A", 3, 200, "").phase_label == facts.phase_label


@pytest.mark.parametrize("language", LANGUAGES)
def test_breakdowns_are_the_template_breakdowns(org, language):
    cases = [
        breakdowns.CaseFacts(i, f"{TRICKY} {i}", None, "active", "", "", None, None, None)
        for i in range(12)
    ]
    rows = [breakdowns._row(1, TRICKY, cases), breakdowns._row("", "Ingen", cases[:2])]
    links = {case.pk: f"<a>{case.pk}</a>" for case in cases}
    spec = {"data": {"values": [{"label": TRICKY, "value": 12.0}]}}
    with translation.override(language):
        for htmx in (True, False):
            request = RequestFactory().get("/")
            request.htmx = htmx
            for shown in (rows, []):
                context = {"heading": "Saker & <floker>", "label_title": "Floke <1>"}
                template = (
                    "{% translate heading as heading %}{% translate label_title as label_title %}"
                )
                expected = _render(
                    template + BREAKDOWN,
                    key="challenge",
                    rows=shown,
                    spec=spec,
                    links=links,
                    request=request,
                    **context,
                )
                tag = _render(
                    "{% load portfolio_dashboard %}"
                    + template
                    + '{% breakdown "challenge" heading label_title rows spec links %}',
                    rows=shown,
                    spec=spec,
                    links=links,
                    request=request,
                    **context,
                )
                assert tag == expected


def test_settings_are_read_or_their_defaults(org):
    with scope(organisation=org.pk):
        for saved in (True, False):
            if not saved:
                PortfolioSettings.objects.filter(organisation=org).delete()
            defaults = portfolio_settings_for(org)
            for name in ("wip_limit", "stuck_after_days"):
                assert _setting(org, name) == getattr(defaults, name)
        PortfolioSettings.objects.create(organisation=org, wip_limit=3, stuck_after_days=20)
        assert (_setting(org, "wip_limit"), _setting(org, "stuck_after_days")) == (3, 20)


def test_filter_choices_are_checked_as_django_checks_them():
    """`GivenChoiceField` accepts and refuses the values Django's ChoiceField does."""
    from django import forms

    from slik.portfolio.forms.dashboard import DashboardFilterForm

    choices = {"sectors": [(1, "Helse")], "challenges": [(12, "A"), (3, "B")], "owners": []}
    values = ["", "12", "3", "1", "2", "012", " 3", "3 ", "x", "12.0", "-3", "99", "active"]
    for value in values:
        for name in ("sector", "challenge", "owner", "phase", "status"):
            given = DashboardFilterForm({name: value}, choices=choices, details=True)
            plain = DashboardFilterForm({name: value}, choices=choices, details=True)
            field = plain.fields[name]
            plain.fields[name] = forms.ChoiceField(
                required=False, choices=given.options[name], widget=field.widget
            )
            assert given.is_valid() == plain.is_valid(), (name, value)
            assert given.cleaned_data == plain.cleaned_data, (name, value)
