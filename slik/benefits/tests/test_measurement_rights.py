"""One rule for who records a benefit's measurements, by hand and by import (METHOD.md §6: the
benefit's responsible and owner are the line managers who report on it)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scope

from slik.benefits.models import Measurement
from slik.cases.models import Case
from slik.organisations.models import Membership
from slik.organisations.tests.factories import member

from .factories import BenefitFactory, IndicatorFactory

pytestmark = pytest.mark.django_db

# Who may record: management, project leaders, the case's owner, and the benefit's responsible
# and owner whatever their role – never a politician.
MAY_RECORD = {"coordinator", "leader", "project_leader", "responsible", "owner", "observer_owner"}


@pytest.fixture
def people(personas, org):
    """The personas, and employees (and an observer) with a part in the benefit or none."""
    return {
        **personas,
        "responsible": member(org, Membership.Role.EMPLOYEE),
        "owner": member(org, Membership.Role.EMPLOYEE),
        "observer_owner": member(org, Membership.Role.OBSERVER),
        "politician_owner": member(org, Membership.Role.POLITICIAN),
    }


@pytest.fixture
def benefits(people, case, coordinator):
    """Three benefits of the case, each giving one of the owner-like people their part."""
    made = [
        BenefitFactory(
            case=case, actor=coordinator, responsible=people["responsible"], owner=people["owner"]
        ),
        BenefitFactory(case=case, actor=coordinator, owner=people["observer_owner"]),
        BenefitFactory(case=case, actor=coordinator, owner=people["politician_owner"]),
    ]
    return {
        "responsible": made[0],
        "owner": made[0],
        "observer_owner": made[1],
        "politician_owner": made[2],
    }


def _their_benefit(role, benefits):
    return benefits.get(role, benefits["responsible"])


def _url(name, indicator):
    return reverse(f"benefits:{name}", kwargs={"org_slug": "hvaler", "indicator_id": indicator.pk})


ROLES = [
    "coordinator",
    "leader",
    "project_leader",
    "employee",
    "observer",
    "politician",
    "responsible",
    "owner",
    "observer_owner",
    "politician_owner",
]


@pytest.mark.parametrize("role", ROLES)
def test_the_permission_is_one_rule(role, people, benefits):
    benefit = _their_benefit(role, benefits)
    with scope(organisation=benefit.organisation_id):
        assert people[role].has_perm("benefits.record_measurement", benefit) == (role in MAY_RECORD)


@pytest.mark.parametrize("published", [False, True])
@pytest.mark.parametrize("role", ROLES)
def test_recording_and_importing_accept_the_same_people(
    role, published, people, benefits, case, client_as
):
    if published:
        with scope(organisation=case.organisation_id):
            Case.objects.filter(pk=case.pk).update(is_published=True)
    indicator = IndicatorFactory(benefit=_their_benefit(role, benefits))
    client = client_as(people[role])
    record = client.get(_url("measurement_create", indicator)).status_code
    upload = client.get(_url("import_indicator", indicator)).status_code
    assert record == upload
    if role in MAY_RECORD:
        assert record == 200
    else:
        # Politicians see nothing of an unpublished case (404); the rest may look, not record.
        assert record in {403, 404}


@pytest.mark.parametrize("role", ["owner", "responsible", "observer_owner"])
def test_a_benefit_owner_or_responsible_records_and_imports(role, people, benefits, client_as):
    indicator = IndicatorFactory(benefit=_their_benefit(role, benefits))
    client = client_as(people[role])
    recorded = client.post(
        _url("measurement_create", indicator), {"measured_on": "2024-03-01", "value": "7,9"}
    )
    assert recorded.status_code == 302
    upload = SimpleUploadedFile("m.csv", b"dato;verdi\n2024-04-01;7,5\n", "text/csv")
    preview = client.post(_url("import_indicator", indicator), {"file": upload})
    assert preview.status_code == 200
    confirm = reverse(
        "benefits:import_confirm",
        kwargs={"org_slug": "hvaler", "case_id": indicator.benefit.case_id},
    )
    assert client.post(confirm, {"token": preview.context["token"]}).status_code == 302
    with scope(organisation=indicator.benefit.organisation_id):
        dates = set(
            Measurement.objects.filter(indicator=indicator).values_list("measured_on", flat=True)
        )
    assert {d.isoformat() for d in dates} == {"2024-03-01", "2024-04-01"}


def test_a_benefit_owner_may_not_import_for_the_whole_case(people, benefits, case, client_as):
    url = reverse("benefits:import_case", kwargs={"org_slug": "hvaler", "case_id": case.pk})
    assert client_as(people["owner"]).get(url).status_code == 403


def test_the_confirmation_asks_again(people, benefits, client_as):
    """A responsible who loses the benefit between preview and confirmation imports nothing."""
    benefit = benefits["responsible"]
    indicator = IndicatorFactory(benefit=benefit)
    client = client_as(people["responsible"])
    upload = SimpleUploadedFile("m.csv", b"dato;verdi\n2024-04-01;7,5\n", "text/csv")
    preview = client.post(_url("import_indicator", indicator), {"file": upload})
    with scope(organisation=benefit.organisation_id):
        type(benefit).objects.filter(pk=benefit.pk).update(responsible=None)
    confirm = reverse(
        "benefits:import_confirm", kwargs={"org_slug": "hvaler", "case_id": benefit.case_id}
    )
    assert client.post(confirm, {"token": preview.context["token"]}).status_code == 403
    with scope(organisation=benefit.organisation_id):
        assert not Measurement.objects.filter(indicator=indicator).exists()
