"""The roadmap template: versions, and editing one."""

from django_scopes import scope

from slik.cases.models import Phase, RoadmapTemplate
from slik.core.tests.edit_conflict import loaded

from .conftest import url


def test_roadmap_edit_creates_version(client_as, coordinator, leader, case, org):
    assert client_as(leader).get(url("roadmap")).status_code == 200
    assert client_as(leader).get(url("roadmap_edit")).status_code == 403
    client = client_as(coordinator)
    state = loaded(client, url("roadmap_edit"))
    data = {f"phase_{p}": "Steg A\nSteg B" for p in Phase.values}
    response = client.post(url("roadmap_edit"), {**state, **data, "note": "Enklere"})
    assert response.status_code == 302
    with scope(organisation=org.pk):
        latest = RoadmapTemplate.objects.filter(organisation=org).first()
        assert latest.version == 2 and latest.steps.count() == 12
    assert client.get(url("roadmap_version", template_id=latest.pk)).status_code == 200
    case.refresh_from_db()
    assert case.template.version == 1
    state = loaded(client, url("roadmap_edit"))
    response = client.post(url("roadmap_edit"), {**state, "phase_1": "x" * 400, "note": "Lang"})
    assert response.status_code == 200
