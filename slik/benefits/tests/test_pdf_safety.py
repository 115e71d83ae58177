"""The benefits realisation plan PDF with hostile user text: nothing fetched or attached, and
the text shown as typed – in the body, in the benefit map and in the page header."""

import pytest
from django.urls import reverse
from django.utils import translation
from django_scopes import scope

from slik.benefits.models import BenefitCategory
from slik.benefits.services import map as map_services
from slik.benefits.services.plan import PLAN_FIELDS, benefits_plan_update
from slik.core.tests.hostile import assert_pdf_fetched_nothing, make_probe, remove_probe

pytestmark = pytest.mark.django_db


@pytest.fixture
def probe():
    made = make_probe()
    yield made
    remove_probe(made)


@pytest.fixture
def hostile_case(
    org, case, coordinator, project_leader, employee, leader, make_benefit, make_indicator, probe
):
    from slik.accounts.models import User
    from slik.organisations.models import Organisation

    User.objects.filter(pk__in=[project_leader.pk, employee.pk, leader.pk]).update(
        full_name=probe.short()
    )
    Organisation.objects.filter(pk=org.pk).update(name=probe.text(), short_name=probe.short())
    with scope(organisation=org.pk):
        case.title, case.leader = probe.text(), project_leader
        case.save(update_fields=["title", "leader"])
        category = BenefitCategory.objects.create(
            organisation=org, category_set="hostile", name=probe.short()
        )
    benefit = make_benefit(
        case, title=probe.text(), description=probe.long(), category=category,
        responsible=employee, owner=leader, beneficiary=probe.text(),
    )  # fmt: skip
    make_indicator(
        benefit, name=probe.text(), unit=probe.image_url[:40], data_source=probe.text(),
        method=probe.long(), cost_of_measuring=probe.text(),
    )  # fmt: skip
    with scope(organisation=org.pk):
        benefits_plan_update(
            actor=coordinator, case=case, values={name: probe.long() for name in PLAN_FIELDS}
        )
        measure = map_services.map_node_create(
            actor=coordinator, case=case, kind="measure", label=probe.text()
        )
        lonely = map_services.map_node_create(
            actor=coordinator, case=case, kind="benefit", label=probe.short()
        )
        linked = map_services.map_node_create(
            actor=coordinator, case=case, kind="benefit", label="", benefit=benefit
        )
        map_services.map_edge_create(actor=coordinator, case=case, source=measure, target=linked)
    assert lonely.pk
    return case


def test_plan_pdf_with_hostile_text_fetches_nothing_and_shows_it(
    client_as, coordinator, hostile_case, probe
):
    url = reverse("benefits:plan_pdf", kwargs={"org_slug": "hvaler", "case_id": hostile_case.pk})
    with translation.override("nb"):
        response = client_as(coordinator).get(url, HTTP_ACCEPT_LANGUAGE="nb")
    assert response.status_code == 200
    text = assert_pdf_fetched_nothing(response.content, probe)
    assert "</style><link rel=attachment href=file://" in text
    assert "u003C" not in text and "u0022" not in text  # no JavaScript escapes shown as text
    assert "Side 1 av" in text
