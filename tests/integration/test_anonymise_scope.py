"""Anonymising one account changes only the rows the person's data can be in: the data of the
organisations they were a member of and the platform rows keyed to them – never another
municipality, never a namesake elsewhere, never a single word that happens to be their name."""

import datetime
import json

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django_scopes import scope, scopes_disabled

from slik.accounts.services import user_anonymise, user_update_profile
from slik.cases.models import Case, CaseDecision, Responsibility
from slik.cases.services import case_create
from slik.cases.services.records import case_record_create
from slik.core.models import AuditEvent
from slik.organisations.models import Organisation
from slik.organisations.services import membership_add, membership_remove
from slik.organisations.tenant_data import rows_of, tenant_models

NAME = "Ola Normann"


def _case(organisation, actor, *, summary):
    with scope(organisation=organisation.pk):
        return case_create(
            actor=actor, organisation=organisation, title="Samarbeid", summary=summary
        )


def _records_naming(case, actor, name):
    """A RACI row and a case decision with `name` typed in, as people do."""
    with scope(organisation=case.organisation_id):
        case_record_create(
            actor=actor,
            case=case,
            kind="responsibility",
            values={"name": name, "area": "Gevinstoppfølging", "raci": "A"},
        )
        case_record_create(
            actor=actor,
            case=case,
            kind="decision",
            values={
                "title": "Videre",
                "decided_by": f"{name}, kommunalsjef",
                "decided_on": datetime.date(2026, 11, 2),
            },
        )


def _data_of(organisation) -> dict:
    """Every row of every tenant table of `organisation`, and the organisation row itself."""
    with scopes_disabled():
        rows = {
            model._meta.label: sorted(
                rows_of(model, organisation).values_list(
                    *[f.attname for f in model._meta.concrete_fields]
                ),
                key=repr,
            )
            for model in tenant_models()
        }
        rows["organisation"] = list(Organisation.objects.filter(pk=organisation.pk).values_list())
    return rows


def _events_of(user) -> list:
    """The platform's audit events about `user` (their profile changes, sign-ins …)."""
    with scopes_disabled():
        keyed = Q(actor=user) | Q(
            content_type=ContentType.objects.get_for_model(user), object_id=user.pk
        )
        return list(AuditEvent.objects.filter(keyed).values_list("object_repr", "changes", "data"))


def test_a_former_name_that_is_another_municipality_leaves_that_municipality_untouched(
    employee, coordinator, org, outsider, other_org
):
    user_update_profile(actor=employee, full_name="Råde", language="nb")
    user_update_profile(actor=employee, full_name=NAME, language="nb")
    _case(other_org, outsider, summary="Råde og Hvaler deler erfaringer")
    own = _case(org, coordinator, summary=f"{NAME} leder arbeidet sammen med Råde")
    rade = _data_of(other_org)

    user_anonymise(actor=None, user=employee)

    other_org.refresh_from_db()
    assert (other_org.name, other_org.short_name, other_org.slug) == ("Råde", "Råde", "rade")
    assert _data_of(other_org) == rade
    with scope(organisation=org.pk):
        summary = Case.objects.get(pk=own.pk).summary
    assert NAME not in summary and summary.endswith("leder arbeidet sammen med Råde")


def test_a_namesake_in_another_municipality_keeps_their_name_everywhere(
    employee, coordinator, org, outsider, other_org, make_user
):
    user_update_profile(actor=employee, full_name=NAME, language="nb")
    namesake = make_user("ola.normann@rade.test", NAME)
    membership_add(actor=outsider, organisation=other_org, user=namesake, role="employee")
    user_update_profile(actor=namesake, full_name=f"{NAME} Jr", language="nb")
    user_update_profile(actor=namesake, full_name=NAME, language="nb")
    _records_naming(_case(other_org, outsider, summary=f"Ledet av {NAME}"), outsider, NAME)
    own = _case(org, coordinator, summary=f"Ledet av {NAME}")
    _records_naming(own, coordinator, NAME)
    rade, namesake_events = _data_of(other_org), _events_of(namesake)

    user_anonymise(actor=None, user=employee)

    assert _data_of(other_org) == rade
    assert _events_of(namesake) == namesake_events
    namesake.refresh_from_db()
    assert (namesake.full_name, namesake.email) == (NAME, "ola.normann@rade.test")
    with scope(organisation=org.pk):
        texts = [
            *Responsibility.objects.filter(case=own).values_list("name", flat=True),
            *CaseDecision.objects.filter(case=own).values_list("decided_by", flat=True),
            Case.objects.get(pk=own.pk).summary,
        ]
    assert len(texts) == 3 and not any(NAME in text for text in texts)


def test_an_organisation_the_person_has_left_is_scrubbed_too(employee, outsider, other_org):
    """The membership is gone; the audit log remembers it."""
    user_update_profile(actor=employee, full_name=NAME, language="nb")
    membership = membership_add(
        actor=outsider, organisation=other_org, user=employee, role="employee"
    )
    earlier = _case(other_org, outsider, summary=f"Ledet av {NAME} ({employee.email})")
    membership_remove(actor=outsider, membership=membership)

    user_anonymise(actor=None, user=employee)

    with scope(organisation=other_org.pk):
        summary = Case.objects.get(pk=earlier.pk).summary
    assert NAME not in summary and employee.email not in summary
    assert summary.startswith("Ledet av ")


def test_a_single_word_name_stays_in_free_text_while_the_email_goes(employee, coordinator, org):
    user_update_profile(actor=employee, full_name="Solveig", language="nb")
    own = _case(org, coordinator, summary=f"Solveig ({employee.email}) kontakter Solveig-koret")

    user_anonymise(actor=None, user=employee)

    with scope(organisation=org.pk):
        summary = Case.objects.get(pk=own.pk).summary
    assert summary.startswith("Solveig (") and summary.endswith(") kontakter Solveig-koret")
    assert "ansatt@hvaler.test" not in summary
    with scopes_disabled():
        events = AuditEvent.objects.filter(organisation=org).values_list("changes", "data")
        assert "ansatt@hvaler.test" not in json.dumps(list(events))


def test_a_former_name_that_is_an_organisation_s_name_is_not_scrubbed_as_a_name(
    employee, coordinator, org
):
    """Not from the organisation row (never changed), nor from the text of its own data."""
    Organisation.objects.filter(pk=org.pk).update(name="Hvaler kommune")
    user_update_profile(actor=employee, full_name="Hvaler kommune", language="nb")
    user_update_profile(actor=employee, full_name=NAME, language="nb")
    own = _case(org, coordinator, summary=f"{NAME} i Hvaler kommune")

    user_anonymise(actor=None, user=employee)

    assert Organisation.objects.values_list("name", flat=True).get(pk=org.pk) == "Hvaler kommune"
    with scope(organisation=org.pk):
        summary = Case.objects.get(pk=own.pk).summary
    assert NAME not in summary and summary.endswith(" i Hvaler kommune")
