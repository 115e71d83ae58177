"""Lost updates on the benefits app's edit forms (benefit, indicator, benefits plan), and the
benefit status and category switches asked twice."""

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from slik.benefits import services
from slik.benefits.models import Benefit, BenefitCategory, BenefitsPlan, Indicator
from slik.benefits.services.plan import benefits_plan_update
from slik.core.models import AuditEvent
from slik.core.tests.edit_conflict import (
    assert_second_save_is_refused_then_deliberate,
    signed_in,
)


def _url(name, **kwargs):
    return reverse(f"benefits:{name}", kwargs={"org_slug": "hvaler", **kwargs})


def _saved(model, field, **lookup):
    def read():
        with scopes_disabled():
            return getattr(model.objects.get(**lookup), field)

    return read


def test_benefit_edit_keeps_the_first_save(benefit, coordinator, leader):
    assert_second_save_is_refused_then_deliberate(
        url=_url("benefit_edit", benefit_id=benefit.pk),
        field="title",
        first=(leader, signed_in(leader)),
        second=(coordinator, signed_in(coordinator)),
        saved=_saved(Benefit, "title", pk=benefit.pk),
    )


def test_indicator_edit_keeps_the_first_save(indicator, coordinator, leader):
    assert_second_save_is_refused_then_deliberate(
        url=_url("indicator_edit", indicator_id=indicator.pk),
        field="name",
        first=(leader, signed_in(leader)),
        second=(coordinator, signed_in(coordinator)),
        saved=_saved(Indicator, "name", pk=indicator.pk),
    )


@pytest.mark.parametrize("plan_exists", [True, False], ids=["saved plan", "first plan"])
def test_plan_edit_keeps_the_first_save(plan_exists, case, coordinator, leader):
    if plan_exists:
        with scope(organisation=case.organisation_id):
            benefits_plan_update(actor=coordinator, case=case, values={"rationale": "Start"})
    assert_second_save_is_refused_then_deliberate(
        url=_url("plan_edit", case_id=case.pk),
        field="rationale",
        first=(leader, signed_in(leader)),
        second=(coordinator, signed_in(coordinator)),
        saved=_saved(BenefitsPlan, "rationale", case=case),
    )


def test_status_set_twice_is_logged_once(benefit, leader):
    with scope(organisation=benefit.organisation_id):
        for _click in range(2):
            services.benefit_set_status(
                actor=leader, benefit=benefit, status="tracking", progress="delayed"
            )
        assert AuditEvent.objects.filter(action="benefit.status.changed").count() == 1


def test_taking_a_category_out_of_use_twice_leaves_it_out(org, coordinator):
    with scope(organisation=org.pk):
        category = BenefitCategory.objects.filter(organisation=org, is_active=True).first()
    client = signed_in(coordinator)
    url = _url("category_toggle", category_id=category.pk)
    for _click in range(2):  # both clicks on the button the page showed
        assert client.post(url, {"active": "0"}).status_code == 302
    with scope(organisation=org.pk):
        assert BenefitCategory.objects.get(pk=category.pk).is_active is False
