import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_scopes import scope

from slik.challenges import services
from slik.challenges.models import Challenge, Criterion, CriterionScore, KeyFigure, Stakeholder
from slik.core.models import AuditEvent
from slik.organisations.models import Sector
from slik.organisations.services import organisation_ensure_defaults

Status = Challenge.Status


def actions(org):
    with scope(organisation=org.pk):
        return list(
            AuditEvent.objects.filter(organisation=org)
            .order_by("id")
            .values_list("action", flat=True)
        )


def test_default_criteria_are_created_once(org):
    organisation_ensure_defaults(organisation=org)  # second call: nothing new
    with scope(organisation=org.pk):
        criteria = list(Criterion.objects.filter(organisation=org))
    assert [c.name for c in criteria] == ["Letthet", "Gevinstpotensial", "Politisk nødvendighet"]
    assert {c.weight for c in criteria} == {1}
    assert all(c.description for c in criteria)


def test_challenge_create_and_update_are_audited(org, coordinator, employee):
    with scope(organisation=org.pk):
        sector = Sector.objects.filter(organisation=org).first()
        challenge = services.challenge_create(
            actor=employee,
            organisation=org,
            title="Frafall i videregående",
            sectors=[sector],
            external_actors=["business"],
            owner=employee,
        )
        assert challenge.status == Status.CANDIDATE
        assert challenge.created_by == employee
        assert list(challenge.sectors.all()) == [sector]
        services.challenge_update(
            actor=coordinator,
            challenge=challenge,
            title="Frafall",
            description="",
            sectors=[],
            external_actors=[],
            owner=None,
        )
        challenge.refresh_from_db()
        assert challenge.title == "Frafall"
        assert not challenge.sectors.exists()
        event = AuditEvent.objects.get(action="challenge.changed")
    assert event.changes["title"] == ["Frafall i videregående", "Frafall"]
    assert "sectors" in event.changes
    assert actions(org) == ["challenge.created", "challenge.changed"]


def test_prioritising_is_for_management(org, challenge, employee, leader):
    with scope(organisation=org.pk):
        challenge.owner = employee
        challenge.save()
        assert Status.PRIORITISED not in services.challenge_allowed_statuses(
            actor=employee, challenge=challenge
        )
        with pytest.raises(PermissionDenied):
            services.challenge_set_status(
                actor=employee, challenge=challenge, status=Status.PRIORITISED
            )
        services.challenge_set_status(actor=employee, challenge=challenge, status=Status.SET_ASIDE)
        services.challenge_set_status(actor=leader, challenge=challenge, status=Status.CANDIDATE)
        services.challenge_set_status(
            actor=leader, challenge=challenge, status=Status.PRIORITISED, reason="Vedtatt"
        )
        challenge.refresh_from_db()
    assert challenge.status == Status.PRIORITISED


def test_impossible_transition_is_refused(org, challenge, leader):
    with scope(organisation=org.pk), pytest.raises(ValidationError):
        services.challenge_set_status(actor=leader, challenge=challenge, status=Status.RESOLVED)


def test_publish_and_delete(org, challenge, leader):
    with scope(organisation=org.pk):
        services.challenge_set_published(actor=leader, challenge=challenge, is_published=True)
        services.challenge_set_published(actor=leader, challenge=challenge, is_published=True)
        assert Challenge.objects.get(pk=challenge.pk).is_published
        services.challenge_delete(actor=leader, challenge=challenge)
        assert not Challenge.objects.filter(pk=challenge.pk).exists()
    assert actions(org) == ["challenge.published", "challenge.deleted"]


def test_scores_are_per_rater_and_removable(org, challenge, criteria, leader, second_leader):
    first, second = criteria[0], criteria[1]
    with scope(organisation=org.pk):
        services.challenge_score(
            actor=leader, challenge=challenge, scores={first.pk: 4, second.pk: 2}
        )
        services.challenge_score(actor=second_leader, challenge=challenge, scores={first.pk: 1})
        services.challenge_score(actor=leader, challenge=challenge, scores={second.pk: None})
        mine = dict(
            CriterionScore.objects.filter(rater=leader).values_list("criterion_id", "score")
        )
        assert mine == {first.pk: 4}
        assert CriterionScore.objects.filter(challenge=challenge).count() == 2


def test_only_leaders_score_open_floker(org, challenge, criteria, coordinator, leader):
    with scope(organisation=org.pk):
        with pytest.raises(PermissionDenied):
            services.challenge_score(
                actor=coordinator, challenge=challenge, scores={criteria[0].pk: 3}
            )
        challenge.status = Status.IN_WORK
        challenge.save()
        with pytest.raises(ValidationError):
            services.challenge_score(actor=leader, challenge=challenge, scores={criteria[0].pk: 3})


def test_criteria_weights_are_bounded_and_audited(org, criteria, coordinator):
    with scope(organisation=org.pk):
        services.criteria_set_weights(
            actor=coordinator, organisation=org, weights={criteria[0].pk: 5}
        )
        assert Criterion.objects.get(pk=criteria[0].pk).weight == 5
        with pytest.raises(ValidationError):
            services.criteria_set_weights(
                actor=coordinator, organisation=org, weights={criteria[0].pk: 11}
            )
    assert "criterion.weights.changed" in actions(org)


def test_criterion_create_and_deactivate(org, coordinator):
    with scope(organisation=org.pk):
        criterion = services.criterion_create(
            actor=coordinator, organisation=org, name="Brukerbehov", weight=3
        )
        services.criterion_update(actor=coordinator, criterion=criterion, is_active=False)
        assert not Criterion.objects.get(pk=criterion.pk).is_active


def test_stakeholder_strategy_defaults_to_quadrant(org, challenge, coordinator):
    with scope(organisation=org.pk):
        stakeholder = services.stakeholder_create(
            actor=coordinator,
            organisation=org,
            challenge=challenge,
            name="Eldrerådet",
            interest=5,
            influence=2,
            strategy="",
        )
        assert stakeholder.strategy == Stakeholder.Strategy.KEEP_INFORMED
        services.stakeholder_update(
            actor=coordinator, stakeholder=stakeholder, influence=5, interest=5, strategy=""
        )
        assert stakeholder.strategy == Stakeholder.Strategy.MANAGE_CLOSELY
        services.stakeholder_delete(actor=coordinator, stakeholder=stakeholder)
        assert not Stakeholder.objects.exists()
    assert actions(org) == ["stakeholder.added", "stakeholder.changed", "stakeholder.deleted"]


def test_key_figure_crud(org, challenge, employee):
    with scope(organisation=org.pk):
        figure = services.key_figure_create(
            actor=employee,
            organisation=org,
            challenge=challenge,
            label="Eldre",
            value=12,
            unit="%",
            year=2025,
        )
        services.key_figure_update(actor=employee, figure=figure, value=13)
        assert KeyFigure.objects.get(pk=figure.pk).value == 13
        with pytest.raises(ValidationError):
            services.key_figure_update(actor=employee, figure=figure, year=1800)
        services.key_figure_delete(actor=employee, figure=figure)
        assert not KeyFigure.objects.exists()
    assert actions(org) == ["key_figure.added", "key_figure.changed", "key_figure.deleted"]
