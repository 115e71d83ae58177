"""Thought-provoking figures (tankevekkende tall) for a floke or the whole municipality."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from slik.core.concurrency import form_save, form_status
from slik.core.pagination import paginate
from slik.organisations.access import post_only, require

from .. import selectors, services
from ..charts import population_share_spec
from ..forms import KeyFigureForm, ReadyFigureForm
from ..population import POPULATION_SOURCE, ready_figure, ready_figures
from .access import access_challenge, access_key_figure


def _figures_url(org_slug, challenge=None):
    if challenge is not None:
        return reverse(
            "challenges:challenge_figures",
            kwargs={"org_slug": org_slug, "challenge_id": challenge.pk},
        )
    return reverse("challenges:figures", kwargs={"org_slug": org_slug})


def _challenge_or_none(request, challenge_id, perm=None):
    return access_challenge(request, challenge_id, perm) if challenge_id is not None else None


def figure_list(request, org_slug, challenge_id=None):
    org = request.organisation
    require(request.user, "challenges.view_keyfigure", org)
    challenge = _challenge_or_none(request, challenge_id)
    if challenge is not None:
        figures = selectors.challenge_key_figures(challenge=challenge)
    else:
        figures = selectors.organisation_key_figures(organisation=org, actor=request.user)
    ready = ready_figures(organisation=org)
    context = {
        "challenge": challenge,
        "page": paginate(request, figures),
        "ready": ready,
        "share_spec": population_share_spec(ready["series"]) if ready else None,
        "may_change": request.user.has_perm("challenges.change_keyfigure", org),
    }
    return render(request, "challenges/figure_list.html", context)


def figure_create(request, org_slug, challenge_id=None):
    org = request.organisation
    require(request.user, "challenges.change_keyfigure", org)
    challenge = _challenge_or_none(request, challenge_id)
    form = KeyFigureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.key_figure_create(
            actor=request.user, organisation=org, challenge=challenge, **form.cleaned_data
        )
        messages.success(request, _("The figure was added."))
        return redirect(_figures_url(org_slug, challenge))
    context = {
        "form": form,
        "challenge": challenge,
        "cancel_url": _figures_url(org_slug, challenge),
    }
    return render(request, "challenges/figure_form.html", context)


def figure_add_ready(request, org_slug, challenge_id=None):
    """Store one of the computed population figures as a KeyFigure."""
    org = request.organisation
    require(request.user, "challenges.change_keyfigure", org)
    challenge = _challenge_or_none(request, challenge_id)
    if not_allowed := post_only(request):
        return not_allowed
    form = ReadyFigureForm(request.POST)
    figure = (
        ready_figure(organisation=org, code=form.data.get("code", "")) if form.is_valid() else None
    )
    if figure is None:
        messages.error(request, _("That figure could not be computed. Please try again."))
    else:
        services.key_figure_create(
            actor=request.user,
            organisation=org,
            challenge=challenge,
            label=figure.label,
            value=figure.value,
            unit=figure.unit,
            year=figure.year,
            source=POPULATION_SOURCE,
            computed_code=figure.code,
        )
        messages.success(request, _("The figure was added."))
    return redirect(_figures_url(org_slug, challenge))


def figure_edit(request, org_slug, figure_id):
    figure = access_key_figure(request, figure_id, "challenges.change_keyfigure")
    form = KeyFigureForm(request.POST or None, instance=figure)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and form_save(
            form,
            lambda: services.key_figure_update(
                actor=request.user, figure=figure, **form.cleaned_data
            ),
        )
    )
    if saved:
        messages.success(request, _("The figure was saved."))
        return redirect(_figures_url(org_slug, figure.challenge))
    context = {
        "form": form,
        "figure": figure,
        "challenge": figure.challenge,
        "cancel_url": _figures_url(org_slug, figure.challenge),
    }
    return render(request, "challenges/figure_form.html", context, status=form_status(form))


def figure_delete(request, org_slug, figure_id):
    figure = access_key_figure(request, figure_id, "challenges.change_keyfigure")
    back = _figures_url(org_slug, figure.challenge)
    if request.method == "POST":
        services.key_figure_delete(actor=request.user, figure=figure)
        messages.success(request, _("The figure was deleted."))
        return redirect(back)
    return render(request, "includes/confirm_delete.html", {"object": figure, "cancel_url": back})
