"""Stakeholder analysis (interessentanalyse) of a floke."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from slik.core.concurrency import form_save, form_status

from .. import selectors, services
from ..charts import stakeholder_grid_spec
from ..forms import StakeholderForm
from ..services import STAKEHOLDER_FIELDS
from .access import access_challenge, access_stakeholder


def _list_url(challenge):
    return reverse(
        "challenges:stakeholders",
        kwargs={"org_slug": challenge.organisation.slug, "challenge_id": challenge.pk},
    )


def _fields(form) -> dict:
    return {name: form.cleaned_data[name] for name in STAKEHOLDER_FIELDS}


def stakeholder_list(request, org_slug, challenge_id):
    challenge = access_challenge(request, challenge_id)
    stakeholders = selectors.challenge_stakeholders(challenge=challenge)
    context = {
        "challenge": challenge,
        "stakeholders": stakeholders,
        "grid_spec": stakeholder_grid_spec(stakeholders),
    }
    return render(request, "challenges/stakeholder_list.html", context)


def stakeholder_create(request, org_slug, challenge_id):
    challenge = access_challenge(request, challenge_id, "challenges.change_stakeholder")
    form = StakeholderForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.stakeholder_create(
            actor=request.user,
            organisation=challenge.organisation,
            challenge=challenge,
            **_fields(form),
        )
        messages.success(request, _("The stakeholder was added."))
        return redirect(_list_url(challenge))
    context = {"form": form, "challenge": challenge, "cancel_url": _list_url(challenge)}
    return render(request, "challenges/stakeholder_form.html", context)


def stakeholder_edit(request, org_slug, challenge_id, stakeholder_id):
    challenge = access_challenge(request, challenge_id)
    stakeholder = access_stakeholder(request, challenge, stakeholder_id)
    form = StakeholderForm(request.POST or None, instance=stakeholder)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and form_save(
            form,
            lambda: services.stakeholder_update(
                actor=request.user,
                stakeholder=stakeholder,
                version=form.cleaned_data["version"],
                **_fields(form),
            ),
        )
    )
    if saved:
        messages.success(request, _("The stakeholder was saved."))
        return redirect(_list_url(challenge))
    context = {
        "form": form,
        "challenge": challenge,
        "stakeholder": stakeholder,
        "cancel_url": _list_url(challenge),
    }
    return render(request, "challenges/stakeholder_form.html", context, status=form_status(form))


def stakeholder_delete(request, org_slug, challenge_id, stakeholder_id):
    challenge = access_challenge(request, challenge_id)
    stakeholder = access_stakeholder(request, challenge, stakeholder_id)
    if request.method == "POST":
        services.stakeholder_delete(actor=request.user, stakeholder=stakeholder)
        messages.success(request, _("The stakeholder was deleted."))
        return redirect(_list_url(challenge))
    return render(
        request,
        "includes/confirm_delete.html",
        {"object": stakeholder, "cancel_url": _list_url(challenge)},
    )
