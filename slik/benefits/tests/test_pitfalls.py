import datetime

import pytest
from django.urls import reverse
from django_scopes import scope

from slik.benefits.pitfalls import FREQUENCY_DAYS, PITFALL_TYPES, is_measurement_overdue
from slik.benefits.selectors import benefits_for_case, organisation_pitfalls
from slik.cases.models import Case, Phase
from slik.cases.tests.factories import CaseFactory, set_phase
from slik.core.dates import add_days

from .factories import add_series

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2025, 6, 1)


def codes(org, **kwargs):
    with scope(organisation=org.pk):
        return sorted(
            p.code for p in organisation_pitfalls(organisation=org, today=TODAY, **kwargs)
        )


def set_case(case, **fields):
    with scope(organisation=case.organisation_id):
        Case.objects.filter(pk=case.pk).update(**fields)


def test_clean_benefit_has_no_pitfalls(indicator, org):
    add_series(indicator, [8.0], start=datetime.date(2025, 5, 20))
    assert codes(org) == []


def test_missing_owner_responsible_target_and_plan(make_benefit, make_indicator, case, org):
    benefit = make_benefit(case, realisation="reallocation")
    make_indicator(
        benefit, target_value=None, target_on=None, baseline_value=None, baseline_on=None
    )
    assert codes(org) == [
        "baseline_missing",
        "no_owner",
        "no_reallocation_plan",
        "no_responsible",
        "no_target",
    ]


def test_benefit_without_indicators_has_no_target(make_benefit, case, org, leader, employee):
    make_benefit(case, owner=leader, responsible=employee)
    assert codes(org) == ["no_target"]


def test_overdue_measurement_uses_frequency_and_settings(indicator, org):
    add_series(indicator, [8.0], start=datetime.date(2025, 3, 1))  # monthly: due 1 April
    assert codes(org) == ["measurement_overdue"]  # 1 April + 30 days < 1 June
    with scope(organisation=org.pk):
        org.benefit_settings.measurement_overdue_days = 90
        org.benefit_settings.save()
    assert codes(org) == []


def test_overdue_on_given_dates(make_indicator, benefit, org):
    make_indicator(
        benefit,
        frequency="dates",
        measurement_dates=["2024-06-30", "2025-12-31"],
    )
    # The last measurement is the baseline (2024-01-01); 30 June 2024 passed without one.
    assert codes(org) == ["measurement_overdue"]


def test_baseline_missing_only_before_the_pilot_gate(make_indicator, benefit, case, org):
    make_indicator(
        benefit,
        baseline_value=None,
        baseline_on=None,
        target_on=None,
        target_value=None,
        frequency="yearly",
    )
    assert "baseline_missing" in codes(org)
    set_case(case, phase=Phase.OVERGANG)
    assert "baseline_missing" not in codes(org)


def test_closed_project_without_line_responsible(make_benefit, case, org, leader):
    make_benefit(case, owner=leader)
    set_case(case, phase=Phase.NY_PRAKSIS)
    assert "closed_without_line_owner" in codes(org)
    set_case(case, phase=Phase.PILOTERING, status=Case.Status.STOPPED)
    assert "closed_without_line_owner" in codes(org)


def test_closed_benefits_are_not_checked(make_benefit, case, org):
    make_benefit(case, status="realised")
    assert codes(org) == []


def test_filters_by_case_and_code(make_benefit, case, org, coordinator):
    make_benefit(case)
    second = CaseFactory(organisation=org, actor=coordinator, title="Annen")
    make_benefit(second, title="Annen gevinst")
    assert len(codes(org, case=second)) == 3
    assert codes(org, code="no_owner") == ["no_owner", "no_owner"]


def test_pitfalls_run_in_constant_queries(
    make_benefit, make_indicator, case, org, django_assert_num_queries
):
    def build(n):
        for i in range(n):
            benefit = make_benefit(case, title=f"Gevinst {i}")
            make_indicator(benefit)
            make_indicator(benefit, name="Annen", target_value=None, target_on=None)

    build(2)
    with scope(organisation=org.pk), django_assert_num_queries(3):
        organisation_pitfalls(organisation=org, today=TODAY)
    build(6)
    with scope(organisation=org.pk), django_assert_num_queries(3):
        assert len(organisation_pitfalls(organisation=org, today=TODAY)) >= 16


@pytest.mark.parametrize("frequency", ["weekly", "monthly", "quarterly", "yearly"])
@pytest.mark.parametrize("shift", [-1, 0, 1])
def test_the_database_and_the_due_date_agree_on_overdue(
    make_indicator, benefit, org, frequency, shift
):
    """The SQL condition and `is_measurement_overdue` (the roll-up's) meet at the same day."""
    grace = org.benefit_settings.measurement_overdue_days
    last = add_days(TODAY, -(FREQUENCY_DAYS[frequency] + grace) + shift)
    indicator = make_indicator(benefit, frequency=frequency, baseline_on=datetime.date(2020, 1, 1))
    add_series(indicator, [8.0], start=last)
    indicator.latest_on = last
    expected = is_measurement_overdue(indicator, grace, TODAY)
    assert expected == (shift < 0)
    assert ("measurement_overdue" in codes(org)) == expected


def test_the_case_page_and_the_list_find_the_same_pitfalls(make_benefit, make_indicator, case, org):
    reallocation = make_benefit(case, realisation="reallocation")
    make_indicator(
        reallocation, target_value=None, target_on=None, baseline_value=None, baseline_on=None
    )
    make_indicator(reallocation, frequency="dates", measurement_dates=["2024-06-30"])
    make_benefit(case, title="Uten indikator")
    with scope(organisation=org.pk):
        listed = organisation_pitfalls(organisation=org, case=case, today=TODAY)
        on_page = [
            p
            for benefit in benefits_for_case(organisation=org, case=case, today=TODAY)
            for p in benefit.pitfalls
        ]
    assert sorted((p.code, p.benefit.pk, p.message) for p in listed) == sorted(
        (p.code, p.benefit.pk, p.message) for p in on_page
    )
    assert {p.code for p in listed} >= {"no_target", "baseline_missing", "measurement_overdue"}


def test_a_listed_pitfall_shows_its_benefit_and_case(make_benefit, case, org):
    benefit = make_benefit(case, title="Færre reiser")
    with scope(organisation=org.pk):
        found = organisation_pitfalls(organisation=org, code="no_owner", today=TODAY)
    assert len(found) == 1 and found.count_by_code() == {"no_owner": 1}
    (pitfall,) = found[:1]
    assert (pitfall.benefit.pk, pitfall.benefit.title) == (benefit.pk, "Færre reiser")
    assert pitfall.benefit.case.title == case.title
    assert pitfall.label == str(PITFALL_TYPES["no_owner"])


def test_the_pitfall_page_queries_do_not_grow(
    make_benefit, make_indicator, case, org, coordinator, client_as, django_assert_num_queries
):
    client = client_as(coordinator)
    url = reverse("benefits:pitfalls", kwargs={"org_slug": org.slug})

    def build(n):
        for i in range(n):
            benefit = make_benefit(case, title=f"Gevinst {i}")
            make_indicator(benefit, target_value=None, target_on=None)

    def queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    build(3)
    small = queries()
    build(30)
    assert queries() == small


def test_the_database_and_the_loaded_benefits_agree_on_every_combination(
    make_benefit, make_indicator, org, coordinator, leader, employee
):
    """Each rule is written as a query and in Python (pitfalls.py): both find the same."""
    grace = org.benefit_settings.measurement_overdue_days
    stages = [
        (Phase.FORANKRING, Case.Status.ACTIVE),
        (Phase.PILOTERING, Case.Status.STOPPED),
        (Phase.OVERGANG, Case.Status.ACTIVE),
        (Phase.NY_PRAKSIS, Case.Status.ACTIVE),
    ]
    people = [(None, None), (leader, None), (None, employee), (leader, employee)]
    realisations = [("", ""), ("reallocation", ""), ("reallocation", "Flere hjemmebesøk")]
    cases = []
    for n, (phase, status) in enumerate(stages):
        case = CaseFactory(organisation=org, actor=coordinator, title=f"Sak {n}")
        set_phase(case, phase, status=status)
        cases.append(case)
        for i, (owner, responsible) in enumerate(people):
            realisation, reallocation_to = realisations[(n + i) % len(realisations)]
            benefit = make_benefit(
                case,
                title=f"Gevinst {n}.{i}",
                owner=owner,
                responsible=responsible,
                realisation=realisation,
                reallocation_to=reallocation_to,
            )
            if i == 0:
                continue  # no indicator at all
            frequency = ["weekly", "monthly", "quarterly", "yearly"][(n + i) % 4]
            last = add_days(TODAY, -(FREQUENCY_DAYS[frequency] + grace) + (i % 3) - 1)
            measured = make_indicator(benefit, frequency=frequency, is_main=bool(i % 2))
            add_series(measured, [8.0], start=last)
            make_indicator(
                benefit,
                name="Uten tall",
                is_main=bool(i % 2),
                baseline_value=None,
                baseline_on=None,
                target_value=None,
                target_on=None,
            )
            make_indicator(
                benefit,
                name="Datoer",
                frequency="dates",
                measurement_dates=["2024-06-30" if i % 2 else "2030-01-01"],
            )
    make_benefit(cases[0], title="Realisert", status="realised")

    def key(pitfall):
        indicator = pitfall.indicator.pk if pitfall.indicator else None
        return (pitfall.code, pitfall.benefit.pk, indicator, pitfall.message)

    with scope(organisation=org.pk):
        listed = sorted(key(p) for p in organisation_pitfalls(organisation=org, today=TODAY))
        loaded = sorted(
            key(p)
            for case in cases
            for benefit in benefits_for_case(organisation=org, case=case, today=TODAY)
            for p in benefit.pitfalls
        )
    assert listed == loaded
    assert {code for code, *_rest in listed} == set(PITFALL_TYPES)


def test_any_slice_of_the_list_is_that_part_of_the_whole_list(
    make_benefit, make_indicator, case, org, coordinator
):
    """A page reads only its part (and its titles); every slice and index agrees with the
    whole list, across benefits with several pitfalls each."""
    for n in range(4):
        benefit = make_benefit(case, title=f"Gevinst {n}", realisation="reallocation")
        make_indicator(benefit, name=f"Uten mål {n}", target_value=None, target_on=None)
    second = CaseFactory(organisation=org, actor=coordinator, title="Annen")
    make_benefit(second, title="Uten indikator")
    with scope(organisation=org.pk):
        found = organisation_pitfalls(organisation=org, today=TODAY)
        whole = [(p.code, p.benefit.pk, p.benefit.title, p.message) for p in found]
        assert len(whole) == len(found) == 4 * 5 + 3  # and each indicator is overdue
        for start, stop in [(0, 3), (2, 9), (5, 6), (7, 50), (19, 20), (25, 30)]:
            part = [(p.code, p.benefit.pk, p.benefit.title, p.message) for p in found[start:stop]]
            assert part == whole[start:stop]
        assert (found[-1].code, found[-1].benefit.pk) == whole[-1][:2]
        assert [p.code for p in found[::5]] == [p[0] for p in whole[::5]]
        with pytest.raises(IndexError):
            found[len(whole)]


def test_no_cases_give_no_pitfalls(make_benefit, case, org):
    make_benefit(case)
    with scope(organisation=org.pk):
        assert len(organisation_pitfalls(organisation=org, cases=Case.objects.none())) == 0
