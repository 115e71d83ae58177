"""Lost updates on the benefits app's edit forms (benefit, indicator, benefits plan), and the
benefit status and category switches asked twice."""

import pytest
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from slik.benefits import services
from slik.benefits.models import (
    Benefit,
    BenefitCategory,
    BenefitSettings,
    BenefitsPlan,
    Indicator,
)
from slik.benefits.services.plan import benefits_plan_update
from slik.core.models import AuditEvent
from slik.core.tests.edit_conflict import (
    MANGLED,
    assert_second_save_is_refused_then_deliberate,
    assert_unreadable_version_is_refused,
    form_data,
    mangle,
    signed_in,
)
from slik.organisations.models import Membership


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


# The settings form is one of two on the categories page; `action` says which one is sent.
SETTINGS = {"form_name": "settings_form", "extra": {"action": "settings"}}


def test_settings_edit_keeps_the_first_save(org, coordinator, make_user):
    other = make_user("koordinator2@hvaler.test", "Kim Koordinator")
    Membership.objects.create(user=other, organisation=org, role="coordinator")
    assert_second_save_is_refused_then_deliberate(
        url=_url("categories"),
        field="measurement_overdue_days",
        values=("45", "60"),
        first=(coordinator, signed_in(coordinator)),
        second=(other, signed_in(other)),
        saved=_saved(BenefitSettings, "measurement_overdue_days", organisation=org),
        **SETTINGS,
    )


@pytest.mark.parametrize("how", MANGLED)
def test_edits_without_a_readable_version_are_refused(how, org, case, indicator, coordinator):
    benefit = indicator.benefit
    with scope(organisation=org.pk):
        benefits_plan_update(actor=coordinator, case=case, values={"rationale": "Start"})
    edits = [
        (_url("benefit_edit", benefit_id=benefit.pk), "title", Benefit, {"pk": benefit.pk}, {}),
        (
            _url("indicator_edit", indicator_id=indicator.pk),
            "name",
            Indicator,
            {"pk": indicator.pk},
            {},
        ),
        (_url("plan_edit", case_id=case.pk), "rationale", BenefitsPlan, {"case": case}, {}),
        (
            _url("categories"),
            "measurement_overdue_days",
            BenefitSettings,
            {"organisation": org},
            SETTINGS,
        ),
    ]
    for url, field, model, lookup, page in edits:
        value = "75" if model is BenefitSettings else "Endret uten versjon"
        assert_unreadable_version_is_refused(
            url=url,
            field=field,
            value=value,
            client=signed_in(coordinator),
            saved=_saved(model, field, **lookup),
            how=how,
            **page,
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


def test_status_from_a_page_opened_before_another_status_change_is_refused(benefit, leader):
    """Someone set the benefit to «fully realised»; a page opened before must not quietly
    set it back to «tracking»."""
    client = signed_in(leader)
    detail = client.get(_url("benefit", benefit_id=benefit.pk))
    shown = form_data(detail.context["status_form"])
    with scope(organisation=benefit.organisation_id):
        services.benefit_set_status(
            actor=leader, benefit=benefit, status="realised", progress="on_plan"
        )
    response = client.post(
        _url("benefit_status", benefit_id=benefit.pk),
        {**shown, "status": "tracking", "progress": "delayed"},
    )
    assert response.status_code == 409
    form = response.context["status_form"]
    assert [e.code for e in form.non_field_errors().as_data()] == ["stale"]
    assert form["progress"].value() == "delayed"  # what was chosen is kept
    with scope(organisation=benefit.organisation_id):
        assert Benefit.objects.get(pk=benefit.pk).status == "realised"
    # Shown again on the state of now, sending it is a deliberate choice.
    assert (
        client.post(_url("benefit_status", benefit_id=benefit.pk), form_data(form)).status_code
        == 302
    )
    with scope(organisation=benefit.organisation_id):
        assert Benefit.objects.get(pk=benefit.pk).status == "tracking"


@pytest.mark.parametrize("how", MANGLED)
def test_status_without_its_loaded_state_is_refused(how, benefit, leader):
    client = signed_in(leader)
    post = mangle(
        {"status": "tracking", "progress": "delayed"}, ["expected_status", "expected_progress"], how
    )
    response = client.post(_url("benefit_status", benefit_id=benefit.pk), post)
    assert response.status_code == 409
    with scope(organisation=benefit.organisation_id):
        assert Benefit.objects.get(pk=benefit.pk).progress != "delayed"
