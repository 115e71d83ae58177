"""Fetching this app's objects inside the tenant, with one 404 for missing and foreign ids."""

from django.http import Http404, HttpResponseNotAllowed

from slik.organisations.access import get_in_tenant, require

from ..models import Challenge, Criterion, KeyFigure, Stakeholder


def access_challenge(request, challenge_id, perm: str | None = None) -> Challenge:
    """A floke the user may see (else 404, so unpublished floker stay hidden) and, when `perm`
    is given, may act on (else 403)."""
    challenge = get_in_tenant(
        Challenge.objects.select_related("owner"), request.organisation, pk=challenge_id
    )
    if not request.user.has_perm("challenges.view_challenge", challenge):
        raise Http404
    if perm:
        require(request.user, perm, challenge)
    return challenge


def access_key_figure(request, figure_id, perm: str) -> KeyFigure:
    figure = get_in_tenant(
        KeyFigure.objects.select_related("challenge"), request.organisation, pk=figure_id
    )
    if figure.challenge and not request.user.has_perm(
        "challenges.view_challenge", figure.challenge
    ):
        raise Http404
    require(request.user, perm, figure)
    return figure


def access_criterion(request, criterion_id) -> Criterion:
    criterion = get_in_tenant(Criterion.objects, request.organisation, pk=criterion_id)
    require(request.user, "challenges.manage_criteria", criterion)
    return criterion


def access_stakeholder(request, challenge, stakeholder_id) -> Stakeholder:
    stakeholder = get_in_tenant(
        Stakeholder.objects, request.organisation, pk=stakeholder_id, challenge=challenge
    )
    require(request.user, "challenges.change_stakeholder", stakeholder)
    return stakeholder


def post_only(request):
    """405 for anything but POST – checked after the lookup, so a foreign id is still a 404."""
    return None if request.method == "POST" else HttpResponseNotAllowed(["POST"])
