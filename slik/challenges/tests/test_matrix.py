"""Decision matrix maths against hand-computed numbers, and its constant query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope

from slik.challenges.matrix import MatrixRow, compute_row, decision_matrix, rank_rows, weighted_mean
from slik.challenges.models import Challenge, Criterion, CriterionScore


def test_weighted_mean_uses_only_scored_criteria():
    assert weighted_mean({1: 3, 2: 5}, {1: 1, 2: 3, 3: 10}) == pytest.approx(4.5)
    assert weighted_mean({1: 3}, {1: 0}) is None
    assert weighted_mean({}, {1: 1}) is None


def test_compute_row_spread_between_raters():
    weights = {1: 2, 2: 1, 3: 1}
    scores = {10: {1: 4, 2: 2, 3: 5}, 11: {1: 2, 2: 4}}
    row = compute_row(MatrixRow(1, "X", "candidate"), scores, weights)
    assert row.means == {1: 3, 2: 3, 3: 5}
    assert row.weighted == pytest.approx(14 / 4)
    # rater 10: (8 + 2 + 5) / 4 = 3.75; rater 11: (4 + 4) / 3 = 2.667
    assert row.spread == pytest.approx(15 / 4 - 8 / 3)
    assert row.raters == 2


def test_rank_rows_shares_ranks_on_ties_and_puts_unscored_last():
    rows = [
        MatrixRow(1, "Å", "candidate", weighted=3.0),
        MatrixRow(2, "B", "candidate", weighted=None),
        MatrixRow(3, "A", "candidate", weighted=4.0),
        MatrixRow(4, "Z", "candidate", weighted=3.0),
    ]
    ranked = rank_rows(rows)
    assert [(r.challenge_id, r.rank) for r in ranked] == [(3, 1), (4, 2), (1, 2), (2, None)]


def _score(org, challenge, criterion, rater, score):
    CriterionScore.objects.create(
        organisation=org, challenge=challenge, criterion=criterion, rater=rater, score=score
    )


@pytest.fixture
def scored(org, make_challenge, criteria, leader, second_leader):
    a, b, c = criteria
    x = make_challenge(org, title="X")
    y = make_challenge(org, title="Y", status=Challenge.Status.PRIORITISED)
    z = make_challenge(org, title="Z")
    w = make_challenge(org, title="W", status=Challenge.Status.IN_WORK)
    with scope(organisation=org.pk):
        Criterion.objects.filter(pk=a.pk).update(weight=2)
        for crit, value in ((a, 4), (b, 2), (c, 5)):
            _score(org, x, crit, leader, value)
        for crit, value in ((a, 2), (b, 4)):
            _score(org, x, crit, second_leader, value)
        for crit, value in ((a, 5), (b, 5), (c, 1)):
            _score(org, y, crit, leader, value)
        _score(org, w, a, leader, 5)
    return {"x": x, "y": y, "z": z, "w": w, "criteria": criteria}


def test_decision_matrix_ranks_hand_computed(org, scored, leader, coordinator):
    with scope(organisation=org.pk):
        matrix = decision_matrix(organisation=org, actor=leader)
    rows = {row.title: row for row in matrix.rows}
    assert [row.title for row in matrix.rows] == ["Y", "X", "Z"]  # W is in work: not in it
    assert rows["Y"].weighted == pytest.approx(16 / 4) and rows["Y"].rank == 1
    assert rows["X"].weighted == pytest.approx(14 / 4) and rows["X"].rank == 2
    assert rows["X"].spread == pytest.approx(15 / 4 - 8 / 3)
    assert rows["X"].raters == 2 and rows["Y"].spread == 0
    assert rows["Z"].weighted is None and rows["Z"].raters == 0
    assert rows["X"].cells == [3, 3, 5]
    assert rows["X"].scored_by_me
    with scope(organisation=org.pk):
        assert not decision_matrix(organisation=org, actor=coordinator).rows[0].scored_by_me


def test_what_if_weights_rerank(org, scored, leader):
    a, b, c = scored["criteria"]
    with scope(organisation=org.pk):
        matrix = decision_matrix(
            organisation=org, actor=leader, weights={a.pk: 0, b.pk: 0, c.pk: 1}
        )
    assert [row.title for row in matrix.rows][:2] == ["X", "Y"]
    assert matrix.rows[0].weighted == pytest.approx(5)


def test_deactivated_criterion_is_left_out(org, scored, leader):
    a, b, c = scored["criteria"]
    with scope(organisation=org.pk):
        Criterion.objects.filter(pk=c.pk).update(is_active=False)
        matrix = decision_matrix(organisation=org, actor=leader)
    rows = {row.title: row for row in matrix.rows}
    assert rows["X"].weighted == pytest.approx((2 * 3 + 3) / 3)
    assert len(rows["X"].cells) == 2


def test_matrix_reads_are_the_querysets(org, other_org, scored, leader, make_challenge):
    """The three SQL texts give the rows the querysets gave: active criteria of the
    organisation in their order, its candidate and prioritised floker, their scores on active
    criteria only."""
    from slik.challenges.matrix import CRITERION_FIELDS
    from slik.challenges.services import SCORABLE_STATUSES

    a, b, c = scored["criteria"]
    make_challenge(other_org, title="Fremmed")
    with scope(organisation=org.pk):
        Criterion.objects.filter(pk=b.pk).update(is_active=False)
        matrix = decision_matrix(organisation=org, actor=leader)
        criteria = list(Criterion.objects.filter(organisation=org, is_active=True))
        floker = Challenge.objects.filter(organisation=org, status__in=SCORABLE_STATUSES)
        scores = CriterionScore.objects.filter(
            organisation=org, challenge__status__in=SCORABLE_STATUSES, criterion__is_active=True
        )
        expected_rows = {
            pk: (title, status) for pk, title, status in floker.values_list("pk", "title", "status")
        }
        raters = {
            pk: len({r for r in scores.filter(challenge_id=pk).values_list("rater_id", flat=True)})
            for pk in expected_rows
        }
    fields = lambda items: [tuple(getattr(i, n) for n in CRITERION_FIELDS) for i in items]  # noqa: E731
    assert fields(matrix.criteria) == fields(criteria)
    assert {r.challenge_id: (r.title, r.status) for r in matrix.rows} == expected_rows
    assert {r.challenge_id: r.raters for r in matrix.rows} == raters


def _make_scored_floker(org, count, criteria, raters):
    with scope(organisation=org.pk):
        for n in range(count):
            challenge = Challenge.objects.create(organisation=org, title=f"Floke {n}")
            for rater in raters:
                for criterion in criteria:
                    _score(org, challenge, criterion, rater, 1 + (n % 5))


@pytest.mark.parametrize("count", [2, 10])
def test_matrix_selector_uses_three_queries(
    org, criteria, leader, second_leader, count, django_assert_num_queries
):
    _make_scored_floker(org, count, criteria, [leader, second_leader])
    with scope(organisation=org.pk), django_assert_num_queries(3):
        matrix = decision_matrix(organisation=org, actor=leader)
    assert len(matrix.rows) == count


def test_matrix_page_query_count_is_constant(
    org, criteria, leader, second_leader, client_as, make_challenge
):
    client = client_as(leader)
    url = reverse("challenges:matrix", kwargs={"org_slug": org.slug})
    _make_scored_floker(org, 2, criteria, [leader, second_leader])
    client.get(url)  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _make_scored_floker(org, 8, criteria, [leader, second_leader])
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.content.count(b"data-challenge-id=") == 10
    # Session, user, membership; the criteria, the floker and the scores.
    assert len(few.captured_queries) == len(many.captured_queries) == 6
