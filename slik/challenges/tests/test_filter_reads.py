"""The floke list's filter reads, compiled once, give what their querysets give; a chosen
owner is still validated against the people the actor may see."""

from django.db.models import Count
from django_scopes import scope

from slik.accounts.people import USER_LABEL_FIELDS
from slik.challenges import selectors
from slik.challenges.forms import ChallengeFilterForm
from slik.challenges.models import Challenge
from slik.organisations.models import Sector


def test_floke_filter_reads_are_the_querysets_rows(
    org, other_org, coordinator, politician, leader, project_leader
):
    with scope(organisation=org.pk):
        shown = Challenge.objects.create(organisation=org, title="Vist", owner=leader)
        Challenge.objects.create(organisation=org, title="Intern", owner=project_leader)
        Challenge.objects.filter(pk=shown.pk).update(is_published=True)
        Sector.objects.create(organisation=org, name="Skole", is_active=False)
    with scope(organisation=other_org.pk):
        Challenge.objects.create(organisation=other_org, title="Utenfor", owner=None)
        Sector.objects.create(organisation=other_org, name="Utenfor")
    with scope(organisation=org.pk):
        sectors = Sector.objects.filter(organisation=org).values_list("id", "name", "is_active")
        assert selectors.organisation_sectors(organisation=org) == list(sectors)
        assert len(sectors) >= 1
        for actor, count in ((coordinator, 2), (politician, 1)):
            who = {"actor": actor, "organisation": org}
            people = selectors.challenge_owners(**who).values_list("pk", *USER_LABEL_FIELDS)
            assert selectors.challenge_owner_choices(**who) == list(people)
            assert len(people) == count


def test_floke_filter_accepts_only_owners_the_actor_sees(org, politician, leader, project_leader):
    with scope(organisation=org.pk):
        shown = Challenge.objects.create(organisation=org, title="Vist", owner=leader)
        Challenge.objects.create(organisation=org, title="Intern", owner=project_leader)
        Challenge.objects.filter(pk=shown.pk).update(is_published=True)
        for owner, valid in ((leader, True), (project_leader, False)):
            form = ChallengeFilterForm({"owner": owner.pk}, actor=politician, organisation=org)
            assert form.is_valid() is valid
            assert form.cleaned_data.get("owner") == (owner if valid else None)


def test_overview_card_counts_are_the_querysets(org, coordinator, politician):
    with scope(organisation=org.pk):
        shown = Challenge.objects.create(organisation=org, title="Vist")
        Challenge.objects.create(organisation=org, title="Intern")
        Challenge.objects.filter(pk=shown.pk).update(is_published=True, status="prioritised")
        for actor, total in ((coordinator, 2), (politician, 1)):
            seen = selectors.visible_challenges(actor=actor, organisation=org)
            found = selectors.challenges_by_status(actor=actor, organisation=org)
            assert found == dict(seen.values_list("status").annotate(n=Count("pk")).order_by())
            assert sum(found.values()) == total
