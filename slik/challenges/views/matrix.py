"""The decision matrix: ranking, weights (htmx), each leader's own scores and the criteria."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from slik.core.concurrency import form_save, form_status, is_stale, requested_flag
from slik.core.links import link_maker
from slik.organisations.access import post_only, require

from .. import selectors, services
from ..forms import CriterionForm, ScoreForm, WeightsForm
from ..matrix import decision_matrix, own_scores
from .access import access_challenge, access_criterion


def _weights_url(org) -> str:
    return reverse("challenges:matrix_weights", kwargs={"org_slug": org.slug})


def _matrix_context(request, weights_form=None, weights=None):
    org = request.organisation
    matrix = decision_matrix(organisation=org, actor=request.user, weights=weights)
    # Each row's two links from one reverse() per column, not two {% url %} per row.
    detail = link_maker("challenges:detail", id_name="challenge_id", org_slug=org.slug)
    score = link_maker("challenges:score", id_name="challenge_id", org_slug=org.slug)
    for row in matrix.rows:
        row.detail_url, row.score_url = detail(row.challenge_id), score(row.challenge_id)
    if weights_form is None:
        weights_form = WeightsForm(criteria=matrix.criteria, save_url=_weights_url(org))
    return {
        "matrix": matrix,
        "weights_form": weights_form,
        "may_weigh": request.user.has_perm("challenges.manage_criteria", org),
        "may_score": request.user.has_perm("challenges.score_challenge", org),
    }


def matrix(request, org_slug):
    require(request.user, "challenges.view_matrix", request.organisation)
    return render(request, "challenges/matrix.html", _matrix_context(request))


def matrix_weights(request, org_slug):
    """Save new weights and re-rank: the ranked table for htmx, a redirect otherwise."""
    org = request.organisation
    require(request.user, "challenges.manage_criteria", org)
    if not_allowed := post_only(request):
        return not_allowed
    criteria = list(selectors.criteria(organisation=org, active_only=True))
    form = WeightsForm(request.POST, criteria=criteria, save_url=_weights_url(org))
    saved = form.is_valid() and (
        form_save(
            form,
            lambda: services.criteria_set_weights(
                actor=request.user, organisation=org, weights=form.weights(), loaded=form.loaded()
            ),
        )
        is not None
    )
    if saved or is_stale(form):
        # With htmx only the ranking (with the weights each field starts from) is replaced:
        # the weights just sent start from their saved value, so a next change of one is no
        # conflict; without it the whole form is shown again as saved now.
        current = selectors.criteria(organisation=org).filter(pk__in=[c.pk for c in criteria])
        sent = set(form.weights()) if request.htmx else None
        form.reload({c.pk: c.weight for c in current}, only=sent)
    if request.htmx:
        context = _matrix_context(request, weights_form=form)
        context["weights_saved"] = saved
        return render(request, "challenges/matrix.html#ranking", context)
    if saved:
        messages.success(request, _("The weights were saved."))
        return redirect("challenges:matrix", org_slug=org_slug)
    context = _matrix_context(request, weights_form=form)
    return render(request, "challenges/matrix.html", context, status=form_status(form))


def challenge_score(request, org_slug, challenge_id):
    """A leader's own scores of one floke; other leaders' scores are never shown here."""
    challenge = access_challenge(request, challenge_id, "challenges.score_challenge")
    criteria = list(selectors.criteria(organisation=challenge.organisation, active_only=True))
    form = ScoreForm(
        request.POST or None,
        criteria=criteria,
        initial_scores=own_scores(challenge=challenge, actor=request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.challenge_score(actor=request.user, challenge=challenge, scores=form.scores())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your scores were saved."))
            return redirect("challenges:matrix", org_slug=org_slug)
    context = {"form": form, "challenge": challenge, "criteria": criteria}
    return render(request, "challenges/score_form.html", context)


def criterion_list(request, org_slug):
    org = request.organisation
    require(request.user, "challenges.manage_criteria", org)
    form = CriterionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.criterion_create(actor=request.user, organisation=org, **form.cleaned_data)
        messages.success(request, _("The criterion was added."))
        return redirect("challenges:criteria", org_slug=org_slug)
    context = {"form": form, "criteria": selectors.criteria(organisation=org)}
    return render(request, "challenges/criterion_list.html", context)


def criterion_edit(request, org_slug, criterion_id):
    criterion = access_criterion(request, criterion_id)
    form = CriterionForm(request.POST or None, instance=criterion)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and form_save(
            form,
            lambda: services.criterion_update(
                actor=request.user, criterion=criterion, **form.cleaned_data
            ),
        )
    )
    if saved:
        messages.success(request, _("The criterion was saved."))
        return redirect("challenges:criteria", org_slug=org_slug)
    context = {
        "form": form,
        "criterion": criterion,
        "cancel_url": reverse("challenges:criteria", kwargs={"org_slug": org_slug}),
    }
    return render(request, "challenges/criterion_form.html", context, status=form_status(form))


def criterion_toggle(request, org_slug, criterion_id):
    """Take a criterion out of use (its scores are kept) or back into use."""
    criterion = access_criterion(request, criterion_id)
    if not_allowed := post_only(request):
        return not_allowed
    services.criterion_update(
        actor=request.user,
        criterion=criterion,
        is_active=requested_flag(request, "active", current=criterion.is_active),
    )
    messages.success(request, _("The criterion was updated."))
    return redirect("challenges:criteria", org_slug=org_slug)
