"""The list pages write dates, labels and addresses in Python (views/rows.py) and the portfolio's
sub-navigation with a tag: the same markup the templates wrote."""

import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django_scopes import scope

from slik.core.formats import format_long_date

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_list_dates_are_what_the_long_date_filter_writes(language):
    template = Template("{{ value|long_date }}")
    with translation.override(language):
        for month in range(1, 13):
            for value in (datetime.date(2026, month, 1), datetime.date(1900, month, 28)):
                assert format_long_date(value) == template.render(Context({"value": value}))
    with translation.override("en"):
        assert format_long_date(datetime.date(2026, 11, 29)) == "29 November 2026"


def _subnav(user, org, path):
    request = RequestFactory().get(path)
    request.user = user
    template = Template("{% load portfolio_pages %}{% portfolio_subnav %}")
    return template.render(Context({"request": request, "organisation": org}))


def test_subnav_marks_the_current_page_and_follows_the_rules(org, coordinator, politician):
    board = reverse("portfolio:board_list", kwargs={"org_slug": org.slug})
    goals = reverse("portfolio:goal_list", kwargs={"org_slug": org.slug})
    html = _subnav(coordinator, org, goals)
    assert f'<li><a class="ds-link" href="{board}">Møter i porteføljerådet</a></li>' in html
    assert f'<li><a class="ds-link" href="{goals}" aria-current="page">' in html
    assert html.count("<li>") == 4
    assert board not in _subnav(politician, org, goals)  # board meetings are for staff


def test_list_pages_link_every_row(org, coordinator, client_as, meeting):
    client = client_as(coordinator)
    content = client.get(reverse("portfolio:board_list", kwargs={"org_slug": org.slug}))
    url = reverse("portfolio:board_detail", kwargs={"org_slug": org.slug, "meeting_id": meeting.pk})
    assert f'<a class="ds-link" href="{url}">{meeting.title}</a>' in content.content.decode()
    assert format_long_date(meeting.held_on) in content.content.decode()


# --- Rows written in Python (views/rows.py) against the templates' loops they replaced -------

GOAL_ROW = """{% for goal in rows %}<tr>
    <th scope="row"><a class="ds-link" href="{{ goal.url }}">{{ goal.title }}</a></th>
    <td>{{ goal.source_label }}</td>
    <td class="slik-number">{{ goal.year|stringformat:"d" }}</td>
    <td>{{ goal.reference|default:"–" }}</td>
    <td class="slik-number">{{ goal.case_count }}</td>
    <td class="slik-number">{{ goal.benefit_count }}</td>
  </tr>{% endfor %}"""

COMMISSION_ROW = """{% for commission in rows %}<tr>
    <th scope="row"><a class="ds-link" href="{{ commission.url }}">{{ commission.title }}</a></th>
    <td>{{ commission.case_number }}</td>
    <td>{{ commission.body }}</td>
    <td><time datetime="{{ commission.decided_on.isoformat }}">{{ commission.decided_label }}</time></td>
    <td><span class="ds-tag" data-color="neutral">{{ commission.status_label }}</span></td>
    <td class="slik-number">{{ commission.case_count }}</td>
  </tr>{% endfor %}"""  # noqa: E501

MEETING_ROW = """{% for meeting in rows %}<tr>
    <th scope="row"><a class="ds-link" href="{{ meeting.url }}">{{ meeting.title }}</a></th>
    <td><time datetime="{{ meeting.held_on.isoformat }}">{{ meeting.held_label }}</time></td>
    <td class="slik-number">{{ meeting.item_count }}</td>
    <td class="slik-number">{{ meeting.decided_count }}</td>
    <td>{% if meeting.is_closed %}<span class="ds-tag" data-color="success">{% translate "Approved" %}</span>{% else %}<span class="ds-tag" data-color="neutral">{% translate "Not approved" %}</span>{% endif %}</td>
  </tr>{% endfor %}"""  # noqa: E501

STATUS_ROW = """{% for report in page.object_list %}<tr data-report="{{ report.pk }}">
    <th scope="row"><a class="ds-link" href="{% url 'portfolio:status_detail' org_slug=organisation.slug case_id=case.pk report_id=report.pk %}">{{ report.reported_on|short_date }}</a></th>
    <td>{{ report.get_overall_display }}</td>
    <td>{% if report.published_at %}{{ report.published_at|short_date }}{% else %}<span class="ds-tag" data-size="sm">{% translate "Draft" %}</span>{% endif %}</td>
  </tr>{% endfor %}"""  # noqa: E501

AGENDA_ROW = """{% for item in items %}<tr id="agenda-item-{{ item.pk }}">
      <td class="slik-number">{{ forloop.counter }}</td>
      <th scope="row"><a class="ds-link" href="{{ item.case_url }}">{{ item.case_title }}</a></th>
      <td>{{ item.case_label }} ({{ item.case_status_label }})</td>
      <td>{% if item.decision %}<strong>{{ item.decision_label }}</strong>
        {% if item.gate_url %}<br><a class="ds-link" href="{{ item.gate_url }}">{% translate "Gate decision" %}: {{ item.gate_label }}</a>{% endif %}
        {% else %}<span class="slik-muted">{% translate "Not decided" %}</span>{% endif %}</td>
      <td>{{ item.comment|linebreaksbr }}</td>
      {% if may_change %}<td><div class="slik-actions">
        {% if not item.decision %}
        <a class="ds-button" data-variant="primary" data-size="sm" href="{{ item.urls.decide }}">{% translate "Record decision" %}<span class="ds-sr-only">: {{ item.case_title }}</span></a>
        {% endif %}
        <form method="post" action="{{ item.urls.move }}">{% csrf_token %}
          {% if not forloop.first %}<button class="ds-button" data-variant="tertiary" data-size="sm" type="submit" name="direction" value="up">{% translate "Move up" %}<span class="ds-sr-only">: {{ item.case_title }}</span></button>{% endif %}
          {% if not forloop.last %}<button class="ds-button" data-variant="tertiary" data-size="sm" type="submit" name="direction" value="down">{% translate "Move down" %}<span class="ds-sr-only">: {{ item.case_title }}</span></button>{% endif %}
        </form>
        {% if not item.decision %}<a class="ds-button" data-variant="tertiary" data-size="sm" href="{{ item.urls.remove }}">{% translate "Remove" %}<span class="ds-sr-only">: {{ item.case_title }}</span></a>{% endif %}
      </div></td>{% endif %}
    </tr>{% endfor %}"""  # noqa: E501


def _render(source: str, **context) -> str:
    return Template("{% load i18n formats %}" + source).render(Context(context))


def _rows_of(response) -> str:
    return "".join(response.context["rows"])


TRICKY = "Tom & <Jerry> «sak»"


@pytest.mark.parametrize("language", ["nb", "en"])
def test_goal_rows_are_the_template_rows(client_as, org, leader, coordinator, language):
    from slik.cases.tests.factories import CaseFactory

    from ..models import PlanGoal
    from .factories import PlanGoalFactory

    case = CaseFactory(organisation=org, actor=coordinator)
    PlanGoalFactory(organisation=org, actor=leader, title=TRICKY, reference="", cases=[case])
    PlanGoalFactory(organisation=org, actor=leader, source="budget", year=2024)
    with translation.override(language):
        response = client_as(leader).get(reverse("portfolio:goal_list", args=[org.slug]))
        sources = dict(PlanGoal.Source.choices)
        rows = [
            {
                **row._asdict(),
                "url": reverse("portfolio:goal_detail", args=[org.slug, row.id]),
                "source_label": sources[row.source],
            }
            for row in response.context["page"]
        ]
        expected = _render(GOAL_ROW, rows=rows)
    assert _rows_of(response) == expected
    assert expected in response.content.decode()
    assert "&lt;Jerry&gt;" in expected and "<td>–</td>" in expected


@pytest.mark.parametrize("language", ["nb", "en"])
def test_commission_rows_are_the_template_rows(client_as, org, leader, language):
    from ..models import Commission
    from .factories import CommissionFactory

    CommissionFactory(organisation=org, actor=leader, title=TRICKY, body="Formannskapet & co")
    CommissionFactory(organisation=org, actor=leader, decided_on=datetime.date(2024, 12, 31))
    with translation.override(language):
        response = client_as(leader).get(reverse("portfolio:commission_list", args=[org.slug]))
        statuses = dict(Commission.Status.choices)
        rows = [
            {
                **row._asdict(),
                "url": reverse("portfolio:commission_detail", args=[org.slug, row.id]),
                "status_label": statuses[row.status],
                "decided_label": format_long_date(row.decided_on),
            }
            for row in response.context["page"]
        ]
        expected = _render(COMMISSION_ROW, rows=rows)
    assert _rows_of(response) == expected
    assert expected in response.content.decode()


@pytest.mark.parametrize("language", ["nb", "en"])
def test_meeting_rows_are_the_template_rows(client_as, org, leader, item, language):
    from .factories import BoardMeetingFactory

    BoardMeetingFactory(organisation=org, actor=leader, title=TRICKY)
    with scope(organisation=org.pk):
        item.meeting.is_closed = True
        item.meeting.save(update_fields=["is_closed"])
    with translation.override(language):
        response = client_as(leader).get(reverse("portfolio:board_list", args=[org.slug]))
        rows = [
            {
                **row._asdict(),
                "url": reverse("portfolio:board_detail", args=[org.slug, row.id]),
                "held_label": format_long_date(row.held_on),
            }
            for row in response.context["page"]
        ]
        expected = _render(MEETING_ROW, rows=rows)
    assert _rows_of(response) == expected
    assert expected in response.content.decode()
    assert 'data-color="success"' in expected and 'data-color="neutral"' in expected


@pytest.mark.parametrize("language", ["nb", "en"])
def test_status_rows_are_the_template_rows(client_as, org, leader, case, language):
    from ..models import StatusReport
    from .factories import StatusReportFactory

    StatusReportFactory(case=case, actor=leader, reported_on=datetime.date(2024, 5, 1))
    StatusReportFactory(case=case, actor=leader, publish=True, overall="delayed")
    with translation.override(language):
        address = reverse("portfolio:status_list", args=[org.slug, case.pk])
        response = client_as(leader).get(address)
        with scope(organisation=org.pk):
            reports = list(StatusReport.objects.filter(case=case))
        expected = _render(
            STATUS_ROW,
            page={"object_list": reports},
            organisation=org,
            case=case,
        )
    assert _rows_of(response) == expected
    assert expected in response.content.decode()


def _agenda_item(pk, title, *, decision="", gate_url="", comment=""):
    return {
        "pk": pk,
        "decision": decision,
        "comment": comment,
        "case_title": title,
        "case_url": f"/k/hvaler/case/{pk}/",
        "case_label": "3. Tjenesteutvikling",
        "case_status_label": "Aktiv",
        "decision_label": "Videreføre" if decision else "",
        "urls": {
            name: f"/k/hvaler/portefolje/moter/1/sak/{pk}/{name}/"
            for name in ("decide", "move", "remove")
        },
        "gate_url": gate_url,
        "gate_label": "Go" if gate_url else None,
    }


@pytest.mark.parametrize("may_change", [True, False])
@pytest.mark.parametrize("count", [1, 2, 4])
def test_agenda_rows_are_the_template_rows(may_change, count):
    from ..views.rows import agenda_table_rows

    items = [
        _agenda_item(1, TRICKY, decision="continue", gate_url="/k/hvaler/case/1/fase/9/"),
        _agenda_item(2, "Sak 2", decision="start", comment="Første linje\nAndre <b>linje</b>"),
        _agenda_item(3, "Sak 3"),
        _agenda_item(4, "Sak 4", comment="Ikke avgjort ennå"),
    ][:count]
    for language in ("nb", "en"):
        with translation.override(language):
            expected = _render(AGENDA_ROW, items=items, may_change=may_change, csrf_token="T0k&n")
            written = agenda_table_rows(items, may_change=may_change, csrf="T0k&n")
        assert written == expected


def test_meeting_page_shows_the_agenda_rows(client_as, item, leader):
    org = item.meeting.organisation
    response = client_as(leader).get(
        reverse("portfolio:board_detail", args=[org.slug, item.meeting_id])
    )
    assert response.context["agenda_rows"] in response.content.decode()
    assert f'id="agenda-item-{item.pk}"' in response.context["agenda_rows"]
