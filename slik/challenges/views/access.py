"""Fetching this app's objects inside the tenant, with one 404 for missing and foreign ids."""

from slik.organisations.access import access_in_tenant

from ..models import Challenge, Criterion, KeyFigure, Stakeholder


def access_challenge(request, challenge_id, perm: str | None = None) -> Challenge:
    """A floke the user may see (else 404, so unpublished floker stay hidden) and, when `perm`
    is given, may act on (else 403)."""
    return access_in_tenant(
        request,
        Challenge.objects.select_related("owner"),
        view="challenges.view_challenge",
        perm=perm,
        pk=challenge_id,
    )


def access_key_figure(request, figure_id, perm: str) -> KeyFigure:
    """A figure of the municipality, or of a floke the user may see."""
    return access_in_tenant(
        request,
        KeyFigure.objects.select_related("challenge"),
        view="challenges.view_keyfigure",
        perm=perm,
        pk=figure_id,
    )


def access_criterion(request, criterion_id) -> Criterion:
    return access_in_tenant(
        request,
        Criterion.objects.all(),
        view="challenges.view_matrix",
        perm="challenges.manage_criteria",
        pk=criterion_id,
    )


def access_stakeholder(request, challenge, stakeholder_id) -> Stakeholder:
    """A stakeholder of `challenge` (already accessed), for changing it."""
    return access_in_tenant(
        request,
        Stakeholder.objects.select_related("challenge"),
        view="challenges.view_challenge",
        perm="challenges.change_stakeholder",
        subject=lambda stakeholder: stakeholder.challenge,
        pk=stakeholder_id,
        challenge=challenge,
    )
