"""A leader registers a floke, scores it and re-ranks the decision matrix by changing weights."""

import pytest
from django_scopes import scope
from playwright.sync_api import expect

from slik.challenges.models import Challenge, Criterion, CriterionScore

from .conftest import assert_accessible, follow, login, logout

EASY, GAIN, POLITICAL = "Letthet", "Gevinstpotensial", "Politisk nødvendighet"


@pytest.fixture
def easy_floke(org, second_leader):
    """Another leader has scored a floke that is easy but gains little."""
    with scope(organisation=org.pk):
        floke = Challenge.objects.create(organisation=org, title="Papirskjema i byggesak")
        for name, score in ((EASY, 5), (GAIN, 1), (POLITICAL, 1)):
            criterion = Criterion.objects.get(organisation=org, name=name)
            CriterionScore.objects.create(
                organisation=org,
                criterion=criterion,
                challenge=floke,
                rater=second_leader,
                score=score,
            )
    return floke


def _weights_saved(response) -> bool:
    return response.request.method == "POST" and response.url.endswith("/vekter/")


def _first_ranked(page) -> str:
    return page.locator("#matrix-table tbody tr").first.get_attribute("data-challenge-id")


def test_leader_registers_and_scores_a_floke_and_reweighs_the_matrix(page, org, leader, easy_floke):
    login(page, leader)
    follow(page, lambda: page.locator(".slik-nav a[href$='/floker/']").click(), "floker")
    follow(page, lambda: page.locator("#new-challenge").click(), "new-floke")

    # Saving without a title keeps what was typed and says what is missing.
    page.locator("#id_description").fill("Lange ventelister for **hjemmetjenester**.")
    follow(page, lambda: page.locator("main form button[type=submit]").click(), "floke-error")
    expect(page.locator("#id_title")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_description")).to_have_value(
        "Lange ventelister for **hjemmetjenester**."
    )
    page.locator("#id_title").fill("Ventetid i hjemmetjenesten")
    follow(page, lambda: page.locator("main form button[type=submit]").click(), "floke")
    expect(page.locator("#challenge-title")).to_have_text("Ventetid i hjemmetjenesten")
    expect(page.locator("#challenge-description strong")).to_have_text("hjemmetjenester")
    with scope(organisation=org.pk):
        floke = Challenge.objects.get(title="Ventetid i hjemmetjenesten")

    # Score it: hard to do, great gains, politically urgent.
    follow(page, lambda: page.locator("a[href$='/vurdering/']").click(), "score")
    for name, score in ((EASY, "1"), (GAIN, "5"), (POLITICAL, "5")):
        page.get_by_label(name, exact=False).select_option(score)
    follow(page, lambda: page.locator("main form button[type=submit]").click(), "matrix")
    assert page.url.endswith("/floker/beslutningsmatrise/")
    assert _first_ranked(page) == str(floke.pk)

    # Weigh only ease: the easy floke overtakes, re-ranked by htmx without a reload. Each
    # weight saves itself; the next is changed once its answer is in (the ranking may already
    # look right after the first), so no request is still running when the test reads.
    page.evaluate("window.__sameDocument = true")
    for name, weight in ((EASY, "10"), (GAIN, "0"), (POLITICAL, "0")):
        field = page.locator("#weights-form").get_by_label(name, exact=False)
        field.fill(weight)
        with page.expect_response(_weights_saved):
            field.press("Tab")
    ranked_first = page.locator("#matrix-table tbody tr").first
    expect(ranked_first).to_have_attribute("data-challenge-id", str(easy_floke.pk))
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"
    assert_accessible(page, "matrix-reweighed")
    with scope(organisation=org.pk):
        weights = dict(Criterion.objects.filter(organisation=org).values_list("name", "weight"))
    assert {name: weights[name] for name in (EASY, GAIN, POLITICAL)} == {
        EASY: 10,
        GAIN: 0,
        POLITICAL: 0,
    }

    logout(page)
