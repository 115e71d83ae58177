"""What an organisation starts with — roadmap steps, benefit categories, sectors — is stored in
bokmål and shown in the reader's language while unchanged; a text the organisation has rewritten
shows as written, in every language."""

import pytest
from django.urls import reverse
from django.utils import translation
from django_scopes import scope

from slik.benefits.services.categories import DEFAULT_CATEGORY_SETS
from slik.cases.defaults import DEFAULT_ROADMAP_STEPS
from slik.cases.tests.factories import CaseFactory
from slik.challenges.tests.factories import ChallengeFactory
from slik.core.seed import SEED_TEXTS, seed_text
from slik.organisations.defaults import DEFAULT_SECTORS
from slik.organisations.models import Sector
from slik.organisations.services.sectors import sector_rename

DEFAULTS = [
    *(text for steps in DEFAULT_ROADMAP_STEPS.values() for text in steps),
    *(name for names in DEFAULT_CATEGORY_SETS.values() for name in names),
    *DEFAULT_SECTORS,
]


@pytest.mark.parametrize("text", DEFAULTS)
def test_every_default_text_has_a_translation(text):
    assert text in SEED_TEXTS
    with translation.override("en"):
        english = seed_text(text)
    with translation.override("nn"):
        nynorsk = seed_text(text)
    with translation.override("nb"):
        assert seed_text(text) == text
    assert english and english != text
    assert nynorsk


def _read_in(client, user, language, url):
    client.force_login(user)
    session = client.session
    session["slik_language"] = language
    session.save()
    return client.get(url).content.decode()


def test_case_page_checklist_in_english_and_bokmal(client, org, leader):
    case = CaseFactory(organisation=org, actor=leader)
    url = reverse("cases:detail", kwargs={"org_slug": org.slug, "case_id": case.pk})
    english = _read_in(client, leader, "en", url)
    assert "Define the problem and set goals" in english
    assert "Definere problemet og sette mål" not in english
    bokmal = _read_in(client, leader, "nb", url)
    assert "Definere problemet og sette mål" in bokmal


def test_a_renamed_sector_shows_as_written(client, org, leader, coordinator):
    with scope(organisation=org.pk):
        health = Sector.objects.get(organisation=org, name="Helse og omsorg")
        culture = Sector.objects.get(organisation=org, name="Kultur")
        sector_rename(actor=coordinator, sector=culture, name="Kultur og frivillighet")
    floke = ChallengeFactory(organisation=org, actor=coordinator, title="Ensomhet")
    with scope(organisation=org.pk):
        floke.sectors.set([health, culture])
    url = reverse("challenges:detail", kwargs={"org_slug": org.slug, "challenge_id": floke.pk})
    english = _read_in(client, leader, "en", url)
    assert "Health and care" in english
    assert "Kultur og frivillighet" in english
    floke_list = _read_in(client, leader, "en", reverse("challenges:list", args=[org.slug]))
    assert "Health and care" in floke_list
