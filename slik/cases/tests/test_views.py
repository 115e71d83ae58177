"""The case views: list, create, edit, the case page and its checklist, panels, publishing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from slik.cases import services
from slik.cases.models import Case, Phase, PhasePeriod, RoadmapTemplate
from slik.cases.panels import panel_keys
from slik.challenges.tests.factories import ChallengeFactory
from slik.core.tests.edit_conflict import loaded

from .conftest import audit_actions, url
from .factories import CaseFactory, set_phase


def test_list_filters_and_paginates(client_as, coordinator, org):
    CaseFactory(organisation=org, actor=coordinator, title="Ensomhet blant eldre")
    CaseFactory(
        organisation=org, actor=coordinator, title="Frafall i skolen", innovation_type="radical"
    )
    client = client_as(coordinator)
    response = client.get(url("list"))
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 2
    response = client.get(url("list"), {"q": "frafall", "innovation_type": "radical"})
    assert _titles(response) == ["Frafall i skolen"]
    response = client.get(url("list"), {"phase": "x", "status": "nope", "side": "99"})
    assert response.status_code == 200


def test_politician_lists_only_published(client_as, politician, org, leader):
    CaseFactory(organisation=org, title="Hemmelig")
    published = CaseFactory(organisation=org, title="Åpen")
    with scope(organisation=published.organisation_id):
        services.case_publish(actor=leader, case=published, is_published=True)
    client = client_as(politician)
    response = client.get(url("list"))
    assert _titles(response) == ["Åpen"]
    assert client.get(url("detail", published)).status_code == 200


def _titles(response) -> list[str]:
    """The titles on the list's page (rows of `selectors.CASE_LIST_COLUMNS`)."""
    return [row[1] for row in response.context["page"].object_list]


def test_create_case(client_as, project_leader, org):
    client = client_as(project_leader)
    assert client.get(url("create")).status_code == 200
    response = client.post(
        url("create"),
        {
            "title": "Én dør inn",
            "summary": "**Familier**",
            "innovation_type": "incremental",
            "sharing_level": "private",
            "owner": project_leader.pk,
        },
    )
    assert response.status_code == 302
    with scope(organisation=org.pk):
        case = Case.objects.get(title="Én dør inn")
        assert case.phase_periods.get().phase == Phase.FORANKRING
    assert case.owner == project_leader
    assert "case.created" in audit_actions(case)


@pytest.mark.parametrize(
    "data",
    [
        {"title": "", "summary": "Beholdes"},
        {"title": "T", "summary": "Beholdes", "sharing_level": "public"},
        {"title": "T", "summary": "Beholdes", "owner": "999999", "innovation_type": "bogus"},
        {"title": "T" * 500, "summary": "Beholdes", "challenges": ["abc"]},
    ],
)
def test_create_bad_input_keeps_typed_data(client_as, coordinator, org, data):
    response = client_as(coordinator).post(url("create"), data)
    assert response.status_code == 200
    assert "Beholdes" in response.content.decode()
    with scope(organisation=org.pk):
        assert not Case.objects.exists()


def test_employee_cannot_create(client_as, employee):
    assert client_as(employee).get(url("create")).status_code == 403


def test_edit_case(client_as, project_leader, case):
    client = client_as(project_leader)  # the owner
    assert client.get(url("edit", case)).status_code == 200
    response = client.post(
        url("edit", case),
        {
            **loaded(client, url("edit", case)),
            "title": "Nytt navn",
            "innovation_type": "radical",
            "sharing_level": "private",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.title == "Nytt navn"
    assert "case.changed" in audit_actions(case)


def test_detail_page_for_roles(client_as, personas, case):
    for role, user in personas.items():
        status = client_as(user).get(url("detail", case)).status_code
        assert status == (404 if role == "politician" else 200), role


def test_case_page_marks_current_phase(client_as, coordinator, case):
    content = client_as(coordinator).get(url("detail", case)).content.decode()
    assert 'aria-current="step"' in content and 'id="phase-track"' in content


def test_outsider_gets_404(client_as, outsider, case):
    assert client_as(outsider).get(url("detail", case)).status_code == 404


def test_publish(client_as, leader, project_leader, case):
    assert client_as(project_leader).post(url("publish", case), {"publish": "1"}).status_code == 403
    client = client_as(leader)
    assert client.get(url("publish", case)).status_code == 200
    assert client.post(url("publish", case), {"publish": "1"}).status_code == 302
    case.refresh_from_db()
    assert case.is_published


def test_checklist_toggle_without_and_with_htmx(client_as, project_leader, case):
    with scope(organisation=case.organisation_id):
        steps = list(case.template.steps.filter(phase=Phase.FORANKRING))
    client = client_as(project_leader)
    shown = [step.pk for step in steps]
    response = client.post(url("checklist", case), {"shown": shown, "done": [steps[0].pk, "x"]})
    assert response.status_code == 302
    response = client.post(
        url("checklist", case), {"shown": steps[1].pk, "done": steps[1].pk}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert steps[1].text in content and "<html" not in content
    with scope(organisation=case.organisation_id):
        assert case.step_checks.filter(is_done=True).count() == 2


def test_checklist_post_naming_no_step_changes_none(client_as, project_leader, case):
    """An old or hand-made page that does not say which steps it showed must not set the whole
    phase (and untick what others ticked meanwhile)."""
    with scope(organisation=case.organisation_id):
        steps = list(case.template.steps.filter(phase=Phase.FORANKRING))
    client = client_as(project_leader)
    client.post(url("checklist", case), {"shown": steps[0].pk, "done": steps[0].pk})
    client.post(url("checklist", case), {"done": [steps[1].pk]})
    with scope(organisation=case.organisation_id):
        done = set(case.step_checks.filter(is_done=True).values_list("step_id", flat=True))
    assert done == {steps[0].pk}


def test_checklist_takes_only_posts(client_as, project_leader, case, other_org, outsider):
    assert client_as(project_leader).get(url("checklist", case)).status_code == 405
    foreign = CaseFactory(organisation=other_org, actor=outsider)
    assert client_as(project_leader).get(url("checklist", foreign)).status_code == 404


def test_checklist_ignores_steps_of_other_templates(client_as, coordinator, case, other_org):
    with scope(organisation=other_org.pk):
        foreign = RoadmapTemplate.objects.get(organisation=other_org).steps.first()
    client_as(coordinator).post(url("checklist", case), {"shown": foreign.pk, "done": foreign.pk})
    with scope(organisation=case.organisation_id):
        assert not case.step_checks.exists()


def test_floke_page_links_the_cases_the_reader_may_see(
    client_as, org, coordinator, leader, politician
):
    challenge = ChallengeFactory(organisation=org, actor=coordinator, title="Ensomhet")
    hidden = CaseFactory(
        organisation=org, actor=coordinator, title="Skjult sak", challenges=[challenge]
    )
    shown = CaseFactory(
        organisation=org, actor=coordinator, title="Åpen sak", challenges=[challenge]
    )
    with scope(organisation=org.pk):
        services.case_publish(actor=leader, case=shown, is_published=True)
        challenge.is_published = True
        challenge.save(update_fields=["is_published"])
    floke = reverse(
        "challenges:detail", kwargs={"org_slug": org.slug, "challenge_id": challenge.pk}
    )
    staff_page = client_as(coordinator).get(floke).content.decode()
    assert url("detail", hidden) in staff_page and url("detail", shown) in staff_page
    politician_page = client_as(politician).get(floke).content.decode()
    assert url("detail", shown) in politician_page
    assert url("detail", hidden) not in politician_page and "Skjult sak" not in politician_page


def test_case_page_loads_other_apps_panels_after_it(client_as, coordinator, case):
    """Each registered panel is a placeholder htmx fills once scrolled to; the page itself
    renders none of them."""
    page = client_as(coordinator).get(url("detail", case)).content.decode()
    panels = url("panels", case)
    for key in panel_keys():
        assert f'hx-get="{panels}?panel={key}" hx-trigger="revealed"' in page
    assert f'<noscript><p class="ds-paragraph"><a class="ds-link" href="{panels}">' in page


def test_panel_url_gives_one_panel_to_htmx_and_a_page_without(client_as, coordinator, case):
    client = client_as(coordinator)
    key = panel_keys()[0]
    fragment = client.get(url("panels", case), {"panel": key}, HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200 and "<html" not in fragment.content.decode()
    assert "HX-Request" in fragment["Vary"]
    page = client.get(url("panels", case))
    assert page.status_code == 200 and page.content.decode().count("<h1") == 1
    assert client.get(url("panels", case), {"panel": "nothing"}).status_code == 404


def test_panels_of_a_hidden_case_are_404(client_as, politician, outsider, case):
    assert client_as(politician).get(url("panels", case)).status_code == 404
    assert client_as(outsider).get(url("panels", case)).status_code == 404


def _record(case, actor, kind, values):
    with scope(organisation=case.organisation_id):
        return services.case_record_create(actor=actor, case=case, kind=kind, values=values)


@pytest.fixture
def recorded(case, coordinator):
    """The case with one record of every kind and a gate decision."""
    from .conftest import TODAY, decide

    today = {"decided_on": TODAY}
    return {
        "insight": _record(
            case,
            coordinator,
            "insight",
            {"kind": "need", "title": "Innsikt A", "recorded_on": TODAY},
        ),
        "hypothesis": _record(case, coordinator, "hypothesis", {"statement": "Hypotese B"}),
        "decision": _record(
            case, coordinator, "decision", {"title": "Beslutning C", "decided_by": "Råd", **today}
        ),
        "n3": _record(
            case,
            coordinator,
            "n3",
            {"need": 1, "solution": 2, "driving_force": 1, "team": 3, "anchoring": 1},
        ),
        "responsibility": _record(
            case, coordinator, "responsibility", {"name": "NAV", "area": "Drift D", "raci": "C"}
        ),
        "stakeholder": _record(
            case,
            coordinator,
            "stakeholder",
            {"name": "Interessent E", "interest": 4, "influence": 2},
        ),
        "gate": decide(case, coordinator, "go", conditions="c"),
    }


def _section(client, case, key):
    return client.get(url("panels", case), {"panel": key}, HTTP_HX_REQUEST="true")


def test_case_page_loads_its_own_sections_after_it(client_as, coordinator, case, recorded):
    """The top of the page renders none of the records; a placeholder per section loads each
    from the panel URL, the chart scripts only when the case has stakeholders."""
    page = client_as(coordinator).get(url("detail", case)).content.decode()
    panels = url("panels", case)
    for key in ("records", "team", "stakeholders", "history"):
        assert f'hx-get="{panels}?panel={key}" hx-trigger="load"' in page
    for text in ("Innsikt A", "Hypotese B", "Beslutning C", "Drift D", "gate-table"):
        assert text not in page
    assert "vega-lite.min.js" in page
    bare = CaseFactory(organisation=case.organisation, title="Uten interessenter")
    page = client_as(coordinator).get(url("detail", bare)).content.decode()
    assert "vega-lite.min.js" not in page


def test_sections_show_the_records_with_links_for_editors(
    client_as, project_leader, employee, case, recorded
):
    editor = client_as(project_leader)
    records = _section(editor, case, "records").content.decode()
    gate = url("gate_detail", case, gate_id=recorded["gate"].pk)
    assert 'id="gate-table"' in records and f'href="{gate}"' in records
    for kind in ("insight", "hypothesis", "decision"):
        record = recorded[kind]
        assert url(f"{kind}_edit", case, **{f"{kind}_id": record.pk}) in records
        assert url(f"{kind}_delete", case, **{f"{kind}_id": record.pk}) in records
    for text in ("Innsikt A", "Hypotese B", "Beslutning C"):
        assert text in records
    team = _section(editor, case, "team").content.decode()
    row = recorded["responsibility"]
    assert "Drift D" in team and 'id="n3-latest"' in team
    assert url("responsibility_edit", case, responsibility_id=row.pk) in team
    stakeholders = _section(editor, case, "stakeholders").content.decode()
    edit = url("stakeholder_edit", case, stakeholder_id=recorded["stakeholder"].pk)
    assert "Interessent E" in stakeholders and edit in stakeholders
    assert "stakeholder-grid-spec" in stakeholders
    reader = client_as(employee)
    read_only = "".join(
        _section(reader, case, key).content.decode() for key in ("records", "team", "stakeholders")
    )
    assert "Innsikt A" in read_only and "Drift D" in read_only and "Interessent E" in read_only
    assert "/endre/" not in read_only and "/slett/" not in read_only


def test_history_section_only_for_those_who_may_see_it(client_as, personas, case, recorded):
    for role, user in personas.items():
        if role == "politician":
            continue
        client = client_as(user)
        allowed = user.has_perm("core.view_history", case)
        page = client.get(url("detail", case)).content.decode()
        section = _section(client, case, "history").content.decode()
        assert ("?panel=history" in page) == allowed, role
        assert ("slik-history" in section) == allowed, role


def test_panels_page_without_key_shows_every_section(client_as, leader, case, recorded):
    """What a browser without JavaScript follows from the page: all sections in page order."""
    page = client_as(leader).get(url("panels", case)).content.decode()
    order = [page.index(text) for text in ("gate-table", "Drift D", "Interessent E")]
    assert order == sorted(order) and "slik-history" in page


# The list's row as the template wrote it before the rows were written in Python.
ROW_TEMPLATE = """<tr>
    <th scope="row"><a class="ds-link" href="{{ case.detail_url }}">{{ case.title }}</a>{% if case.is_published %} <span class="ds-tag" data-size="sm">{% translate "Published" %}</span>{% endif %}</th>
    <td>{{ case.phase }}. {{ case.get_phase_display }}</td>
    <td>{{ case.get_status_display }}</td>
    <td>{{ case.owner|default:"–" }}</td>
    <td class="slik-number">{% if case.days_in_phase is not None %}{{ case.days_in_phase }}{% else %}–{% endif %}</td>
  </tr>"""  # noqa: E501


def test_list_rows_are_the_template_rows(client_as, coordinator, org, leader, employee):
    """The rows written in Python are the template's, for every kind of value: no owner, an
    anonymised owner, a title to escape, a published case, a stopped case (no open phase
    period) and a case long in its phase."""
    from django.template import engines

    CaseFactory(organisation=org, actor=coordinator, title="Tom & <Jerry>", owner=None)
    shown = CaseFactory(organisation=org, actor=coordinator, title="Åpen «sak»", owner=leader)
    CaseFactory(organisation=org, actor=coordinator, title="Borte", owner=employee)
    old = CaseFactory(organisation=org, actor=coordinator, title="Gammel", owner=coordinator)
    set_phase(old, Phase.PILOTERING, since=timezone.localdate() - datetime.timedelta(days=40))
    stopped = CaseFactory(organisation=org, actor=coordinator, title="Stoppet", owner=leader)
    with scope(organisation=org.pk):
        services.case_publish(actor=leader, case=shown, is_published=True)
        PhasePeriod.objects.filter(case=stopped).update(ended_on=timezone.localdate())
        Case.objects.filter(pk=stopped.pk).update(status=Case.Status.STOPPED)
    type(employee).objects.filter(pk=employee.pk).update(anonymised_at=timezone.now())
    response = client_as(coordinator).get(url("list"))
    template = engines["django"].from_string(ROW_TEMPLATE)
    with scope(organisation=org.pk):
        cases = list(Case.objects.filter(organisation=org).select_related("owner"))
        for case in cases:
            case.detail_url = url("detail", case)
            period = case.phase_periods.filter(ended_on__isnull=True).first()
            case.days_in_phase = (timezone.localdate() - period.started_on).days if period else None
    expected = "".join(template.render({"case": case}) for case in cases)
    assert response.context["rows"] == expected
    assert expected in response.content.decode()
    assert "40</td>" in expected and "Slettet bruker" in expected
