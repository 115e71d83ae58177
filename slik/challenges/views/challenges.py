"""Floker: list, create, detail, edit, status, publishing and deletion."""

from html import escape

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from slik.accounts.people import user_label
from slik.core.audit import history_for
from slik.core.concurrency import form_save, form_status, is_stale, reload_hidden
from slik.core.links import link_maker
from slik.core.pagination import counted_page
from slik.core.seed import seed_text
from slik.organisations.access import post_only, require

from .. import selectors, services
from ..charts import stakeholder_grid_spec
from ..forms import ChallengeFilterForm, ChallengeForm, StatusForm
from ..models import Challenge
from ..panels import render_panels
from .access import access_challenge


def _detail(challenge):
    return redirect(
        "challenges:detail", org_slug=challenge.organisation.slug, challenge_id=challenge.pk
    )


def challenge_list(request, org_slug):
    org = request.organisation
    require(request.user, "challenges.view_challenge", org)
    form = ChallengeFilterForm(request.GET or None, actor=request.user, organisation=org)
    filters = form.cleaned_data if form.is_valid() else {}
    items = selectors.challenge_list_rows(
        organisation=org,
        actor=request.user,
        search=filters.get("q", ""),
        status=filters.get("status", ""),
        sector=filters.get("sector"),
        owner=filters.get("owner"),
        sort=filters.get("sort") or "updated",
    )
    page = counted_page(request, items)
    context = {
        "filter_form": form,
        "page": page,
        "rows": _challenge_rows(page.object_list, form.sectors, org_slug),
    }
    return render(request, "challenges/challenge_list.html", context)


def _challenge_rows(rows, sectors, org_slug: str) -> str:
    """The table rows of the list (rows of `selectors.CHALLENGE_LIST_COLUMNS`), written here
    rather than by the template (a row cost ≈ 0.03 ms of template lookups and filters): the
    links from one `reverse`; the status, sector and yes/no words translated and escaped once
    per page; each row's sectors joined in the organisation's order. `html.escape` writes what
    the template's autoescape writes."""
    detail = link_maker("challenges:detail", id_name="challenge_id", org_slug=org_slug)
    statuses = {value: escape(str(label)) for value, label in Challenge.Status.choices}
    names = {pk: escape(seed_text(name)) for pk, name, _in_use in sectors}
    order = {pk: index for index, (pk, _name, _in_use) in enumerate(sectors)}
    published = {True: escape(_("Yes")), False: escape(_("No"))}
    linked = selectors.challenge_sector_ids([row[0] for row in rows]) if rows else {}
    found = []
    for pk, title, status, is_published, *owner in rows:
        ids = sorted((s for s in linked.get(pk, ()) if s in order), key=order.__getitem__)
        found.append(
            f'\n    <tr>\n      <th scope="row"><a class="ds-link" href="{escape(detail(pk))}">'
            f"{escape(title)}</a></th>\n"
            f'      <td><span class="ds-tag" data-status="{escape(status)}">{statuses[status]}'
            "</span></td>\n"
            f"      <td>{', '.join(names[sector] for sector in ids) or '–'}</td>\n"
            f"      <td>{escape(user_label(*owner)) if owner[1] is not None else '–'}</td>\n"
            f"      <td>{published[is_published]}</td>\n    </tr>\n  "
        )
    return mark_safe("".join(found))  # noqa: S308 – every value above is escaped


def challenge_create(request, org_slug):
    org = request.organisation
    require(request.user, "challenges.add_challenge", org)
    form = ChallengeForm(request.POST or None, organisation=org)
    if request.method == "POST" and form.is_valid():
        challenge = services.challenge_create(
            actor=request.user, organisation=org, **_challenge_fields(form)
        )
        messages.success(request, _("The floke was created."))
        return _detail(challenge)
    return render(request, "challenges/challenge_form.html", {"form": form})


def _challenge_fields(form) -> dict:
    data = form.cleaned_data
    return {
        "title": data["title"],
        "description": data["description"],
        "sectors": data["sectors"],
        "external_actors": data["external_actors"],
        "owner": data["owner"],
    }


def challenge_detail(request, org_slug, challenge_id):
    challenge = access_challenge(request, challenge_id)
    stakeholders = selectors.challenge_stakeholders(challenge=challenge)
    context = {
        "challenge": challenge,
        "sectors": challenge.sectors.all(),
        "key_figures": selectors.challenge_key_figures(challenge=challenge),
        "stakeholders": stakeholders,
        "grid_spec": stakeholder_grid_spec(stakeholders),
        # The page offers scoring only where the service would take the scores.
        "may_score": request.user.has_perm("challenges.score_challenge", challenge)
        and not services.challenge_score_check(challenge=challenge),
        "panels": render_panels(request, challenge),
        "allowed_statuses": services.challenge_allowed_statuses(
            actor=request.user, challenge=challenge
        ),
        "history": history_for(challenge)
        if request.user.has_perm("core.view_history", challenge)
        else None,
    }
    return render(request, "challenges/challenge_detail.html", context)


def challenge_edit(request, org_slug, challenge_id):
    challenge = access_challenge(request, challenge_id, "challenges.change_challenge")
    form = ChallengeForm(
        request.POST or None, instance=challenge, organisation=challenge.organisation
    )
    saved = (
        request.method == "POST"
        and form.is_valid()
        and form_save(
            form,
            lambda: services.challenge_update(
                actor=request.user,
                challenge=challenge,
                version=form.cleaned_data["version"],
                **_challenge_fields(form),
            ),
        )
    )
    if saved:
        messages.success(request, _("The floke was saved."))
        return _detail(challenge)
    context = {"form": form, "challenge": challenge}
    return render(request, "challenges/challenge_form.html", context, status=form_status(form))


def challenge_status(request, org_slug, challenge_id):
    challenge = access_challenge(request, challenge_id, "challenges.change_challenge")
    allowed = services.challenge_allowed_statuses(actor=request.user, challenge=challenge)
    initial = {"status": request.GET.get("status"), "expected_status": challenge.status}
    form = StatusForm(request.POST or None, allowed=allowed, challenge=challenge, initial=initial)
    changed = (
        request.method == "POST"
        and form.is_valid()
        and form_save(
            form,
            lambda: services.challenge_set_status(
                actor=request.user,
                challenge=challenge,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                expected_status=form.cleaned_data["expected_status"],
            ),
        )
    )
    if changed:
        messages.success(request, _("The status was changed."))
        return _detail(challenge)
    if is_stale(form):  # shown again for the status the floke has now
        allowed = services.challenge_allowed_statuses(actor=request.user, challenge=challenge)
        form.fields["status"].choices = StatusForm(allowed=allowed).fields["status"].choices
        reload_hidden(form, expected_status=challenge.status)
    context = {"form": form, "challenge": challenge, "allowed": allowed}
    return render(request, "challenges/challenge_status.html", context, status=form_status(form))


def challenge_publish(request, org_slug, challenge_id):
    challenge = access_challenge(request, challenge_id, "challenges.publish_challenge")
    if not_allowed := post_only(request):
        return not_allowed
    publish = request.POST.get("publish") == "1"
    services.challenge_set_published(actor=request.user, challenge=challenge, is_published=publish)
    messages.success(
        request,
        _("The floke is now visible to politicians.")
        if publish
        else _("The floke is no longer visible to politicians."),
    )
    return _detail(challenge)


def challenge_delete(request, org_slug, challenge_id):
    challenge = access_challenge(request, challenge_id, "challenges.delete_challenge")
    if request.method == "POST":
        services.challenge_delete(actor=request.user, challenge=challenge)
        messages.success(request, _("The floke was deleted."))
        return redirect("challenges:list", org_slug=org_slug)
    cancel_url = reverse(
        "challenges:detail", kwargs={"org_slug": org_slug, "challenge_id": challenge.pk}
    )
    return render(
        request, "includes/confirm_delete.html", {"object": challenge, "cancel_url": cancel_url}
    )
