"""The case list's filter bar is written in Python; it is what the form templates write."""

from django.db.models import Count
from django.forms.forms import BaseForm
from django_scopes import scope

from slik.accounts.people import USER_LABEL_FIELDS
from slik.cases import selectors
from slik.cases.filters import CaseFilterForm
from slik.cases.models import Case
from slik.challenges.models import Challenge
from slik.challenges.selectors import visible_challenges

from .factories import CaseFactory


def test_case_filter_bar_matches_the_templates(coordinator, org):
    for data in (None, {"q": "x & y", "phase": "2"}, {"phase": "nope", "owner": "²"}):
        with scope(organisation=org.pk):
            form = CaseFilterForm(data, actor=coordinator, organisation=org)
            form.filters()
            assert str(form) == BaseForm.render(form)


def test_case_filter_choices_are_the_querysets_rows(
    org, other_org, coordinator, politician, project_leader, leader
):
    """The options, read once compiled, are the rows of the querysets that validate a choice:
    a politician is offered only the owners of published cases and the published floker."""

    published = CaseFactory(organisation=org, actor=coordinator, owner=project_leader)
    CaseFactory(organisation=org, actor=coordinator, owner=leader)
    CaseFactory(organisation=other_org, title="Utenfor")
    with scope(organisation=org.pk):
        Case.objects.filter(pk=published.pk).update(is_published=True)
        shown = Challenge.objects.create(organisation=org, title="Å publisert")
        Challenge.objects.create(organisation=org, title="Intern")
        Challenge.objects.filter(pk=shown.pk).update(is_published=True)
    Challenge.objects.create(organisation=other_org, title="Utenfor")
    for actor, owners, floker in ((coordinator, 2, 2), (politician, 1, 1)):
        with scope(organisation=org.pk):
            who = {"actor": actor, "organisation": org}
            people = selectors.case_owners(**who).values_list("pk", *USER_LABEL_FIELDS)
            assert selectors.case_owner_choices(**who) == list(people)
            titles = visible_challenges(**who).order_by("title", "id").values_list("pk", "title")
            assert selectors.case_floke_choices(**who) == list(titles)
            assert (len(list(people)), len(list(titles))) == (owners, floker)


def test_case_filter_accepts_only_what_it_offers(org, politician, project_leader, leader):

    published = CaseFactory(organisation=org, owner=project_leader)
    CaseFactory(organisation=org, owner=leader)
    with scope(organisation=org.pk):
        Case.objects.filter(pk=published.pk).update(is_published=True)
        for owner, valid in ((project_leader, True), (leader, False)):
            form = CaseFilterForm({"owner": str(owner.pk)}, actor=politician, organisation=org)
            assert form.filters()["owner"] == (owner if valid else None)
            assert form.is_valid() is valid


def test_overview_card_counts_are_the_querysets(org, coordinator, politician, project_leader):
    published = CaseFactory(organisation=org, actor=coordinator, owner=project_leader)
    CaseFactory(organisation=org, actor=coordinator, owner=project_leader)
    CaseFactory(organisation=org, actor=coordinator, phase=3)
    with scope(organisation=org.pk):
        Case.objects.filter(pk=published.pk).update(is_published=True)
        for actor, total in ((coordinator, 3), (politician, 1)):
            active = selectors.visible_cases(actor=actor, organisation=org).filter(
                status=Case.Status.ACTIVE
            )
            found = selectors.active_cases_by_phase(actor=actor, organisation=org)
            assert found == dict(active.values_list("phase").annotate(n=Count("pk")).order_by())
            assert sum(found.values()) == total
