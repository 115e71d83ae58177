"""The case's benefits and their indicators, read by reads compiled once
(`selectors.benefits_for_case`), are what the querysets gave: the same instances, with their
category and responsible, in the same order, the indicators shared out to their benefits, and
nothing of another case or another municipality."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scope

from ..models import Benefit, BenefitCategory, Indicator
from ..selectors import benefits_for_case

pytestmark = pytest.mark.django_db


def _values(obj) -> dict:
    return {field.attname: getattr(obj, field.attname) for field in obj._meta.concrete_fields}


def test_the_case_benefits_are_the_querysets(
    org, case, other_case, make_benefit, make_indicator, employee, leader
):
    with scope(organisation=org.pk):
        category = BenefitCategory.objects.filter(organisation=org).first()
    assert category is not None
    first = make_benefit(case, title="Første", responsible=employee, owner=leader)
    second = make_benefit(case, title="Andre", category=category)
    make_benefit(case, title="Uten indikator")
    for benefit, mains in ((first, (False, True, False)), (second, (True,))):
        for number, is_main in enumerate(mains):
            make_indicator(benefit, name=f"{benefit.title} {number}", is_main=is_main)
    make_indicator(make_benefit(other_case, title="Råde"))  # another municipality's
    with scope(organisation=org.pk):
        expected = list(
            Benefit.objects.filter(organisation=org, case=case).select_related(
                "category", "responsible"
            )
        )
        indicators = list(Indicator.objects.filter(benefit__case=case))
    with CaptureQueriesContext(connection) as ctx:
        found = benefits_for_case(organisation=org, case=case)
        related = [(b.category, b.responsible, b.case) for b in found]
    assert len(ctx.captured_queries) == 3  # grace days, benefits, indicators
    assert [_values(b) for b in found] == [_values(b) for b in expected]
    for (category_found, responsible, case_found), want in zip(related, expected, strict=True):
        assert category_found == want.category and responsible == want.responsible
        assert case_found is case
    for benefit in found:
        mine = [i for i in indicators if i.benefit_id == benefit.pk]
        assert [_values(i) for i in benefit.indicator_list] == [_values(i) for i in mine]
    assert [i.name for i in found[[b.pk for b in found].index(first.pk)].indicator_list] == [
        "Første 1",
        "Første 0",
        "Første 2",
    ]


def test_another_municipality_gives_no_benefits(org, other_org, other_case, make_benefit):
    make_benefit(other_case, title="Råde")
    with CaptureQueriesContext(connection) as ctx:
        assert benefits_for_case(organisation=org, case=other_case) == []
    assert len(ctx.captured_queries) == 2  # no indicators to read without benefits
    assert [b.title for b in benefits_for_case(organisation=other_org, case=other_case)] == ["Råde"]
