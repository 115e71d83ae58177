"""Text filters fold case beyond ASCII on every database: «åpen» finds «Åpen».

SQLite's own LIKE folds only A–Z; `slik.core.sqlite` gives it Unicode folding. These tests run
on whichever database the suite runs on (SQLite and PostgreSQL both).
"""

import pytest
from django.contrib.auth.models import Group
from django_scopes import scope

from slik.challenges.selectors import challenge_list
from slik.challenges.tests.factories import ChallengeFactory
from slik.core.sqlite import like


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("åpen", "Åpen"), ("ÆRLIG", "ærlig"), ("øst", "Østre Toten"), ("ÅS", "Ås"), ("tøy", "TØY")],
)
def test_icontains_folds_norwegian_letters(db, typed, stored):
    Group.objects.create(name=stored)
    Group.objects.create(name="Noe annet")
    assert list(Group.objects.filter(name__icontains=typed).values_list("name", flat=True)) == [
        stored
    ]


def test_iexact_folds_norwegian_letters(db):
    Group.objects.create(name="Åpen omsorg")
    assert Group.objects.filter(name__iexact="åpen OMSORG").exists()
    assert not Group.objects.filter(name__iexact="åpen").exists()


def test_wildcards_typed_by_the_user_are_plain_text(db):
    Group.objects.create(name="Åpen")
    Group.objects.create(name="100 % åpen_plan")
    found = Group.objects.filter(name__icontains="%").values_list("name", flat=True)
    assert list(found) == ["100 % åpen_plan"]
    assert list(Group.objects.filter(name__icontains="_").values_list("name", flat=True)) == [
        "100 % åpen_plan"
    ]


def test_floke_list_search_finds_capital_norwegian_letter(org, coordinator):
    with scope(organisation=org.pk):
        ChallengeFactory(organisation=org, actor=coordinator, title="Åpen omsorg for eldre")
        ChallengeFactory(organisation=org, actor=coordinator, title="Skolevei")
        found = challenge_list(organisation=org, actor=coordinator, search="åpen")
        assert [c.title for c in found] == ["Åpen omsorg for eldre"]


def test_like_function():
    assert like("%åpen%", "Er ÅPEN nå", "\\")
    assert not like("åpen", "Åpent", "\\")
    assert like("a_c", "AbC")
    assert like("100\\%", "100%", "\\")
    assert not like("100\\%", "1000", "\\")
    assert like(None, "x") is None
