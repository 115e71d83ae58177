"""Organisation pages: overview, members and settings. Thin: access → service/selector → page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from slik.core.audit import history_for
from slik.core.concurrency import form_save, form_status, requested_flag
from slik.core.page_cache import cached_tenant_page
from slik.core.pagination import paginate

from . import selectors, services
from .access import get_in_tenant, require
from .forms import MemberChangeForm, MemberFilterForm, SectorForm
from .models import Membership, Sector

MANAGE = "organisations.manage_organisation"


def _optional_url(name: str, org) -> str | None:
    """A link to another app's page, or None while that page does not exist yet."""
    try:
        return reverse(name, kwargs={"org_slug": org.slug})
    except NoReverseMatch:
        return None


def _members_url(org) -> str:
    return reverse("organisations:members", kwargs={"org_slug": org.slug})


def _settings_url(org) -> str:
    return reverse("organisations:settings", kwargs={"org_slug": org.slug})


@cached_tenant_page
def overview(request, org_slug):
    org = request.organisation
    require(request.user, "organisations.view_organisation", org)
    context = {
        **selectors.overview_counts(organisation=org, actor=request.user),
        "events": selectors.recent_events(organisation=org, actor=request.user),
        "partners": selectors.partnership_members(organisation=org, actor=request.user),
        "challenges_url": _optional_url("challenges:list", org),
        "cases_url": _optional_url("cases:list", org),
    }
    return render(request, "organisations/overview.html", context)


# --- Members -------------------------------------------------------------------------------------


def members(request, org_slug):
    org = request.organisation
    require(request.user, MANAGE, org)
    filters = MemberFilterForm(request.GET or None)
    query, role = "", ""
    if filters.is_valid():
        query, role = filters.cleaned_data["q"].strip(), filters.cleaned_data["role"]
    page = paginate(
        request,
        selectors.member_list(organisation=org, actor=request.user, query=query, role=role),
    )
    return render(
        request,
        "organisations/members.html",
        {
            "filters": filters,
            "page": page,
            "filtered": bool(query or role),
            "coordinator_ids": selectors.coordinator_ids(organisation=org),
            "invitations": selectors.open_invitations(organisation=org),
            "now": timezone.now(),
        },
    )


def member_edit(request, org_slug, member_id):
    org = request.organisation
    require(request.user, MANAGE, org)
    membership = get_in_tenant(Membership.objects.select_related("user"), org, pk=member_id)
    initial = {f: getattr(membership, f) for f in services.MEMBERSHIP_FIELDS}
    form = MemberChangeForm(request.POST or None, initial=initial, version=membership.version)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and form_save(
            form,
            lambda: services.membership_update(
                actor=request.user, membership=membership, **form.cleaned_data
            ),
        )
    )
    if saved:
        messages.success(request, _("The membership has been saved."))
        return redirect(_members_url(org))
    context = {"form": form, "member": membership}
    return render(request, "organisations/member_edit.html", context, status=form_status(form))


def member_remove(request, org_slug, member_id):
    org = request.organisation
    require(request.user, MANAGE, org)
    membership = get_in_tenant(Membership.objects.select_related("user"), org, pk=member_id)
    blocked = None
    if membership.user_id == request.user.pk:
        blocked = _("You cannot remove yourself. Ask another coordinator to do it.")
    elif not services.membership_can_lose_coordinator(membership):
        blocked = _(
            "The last innovation coordinator cannot be removed. Make someone else "
            "coordinator first."
        )
    if request.method == "POST" and blocked is None:
        try:
            services.membership_remove(actor=request.user, membership=membership)
        except ValidationError as exc:
            blocked = exc.messages[0]
        else:
            messages.success(request, _("%(name)s has been removed.") % {"name": membership.user})
            return redirect(_members_url(org))
    return render(
        request,
        "organisations/member_remove.html",
        {"member": membership, "blocked": blocked, "cancel_url": _members_url(org)},
    )


# --- Settings and sectors ------------------------------------------------------------------------


def settings_page(request, org_slug):
    org = request.organisation
    require(request.user, MANAGE, org)
    context = {
        "sectors": selectors.sector_list(organisation=org, actor=request.user),
        "sector_form": SectorForm(auto_id="new_sector_%s"),
        "criteria_url": _optional_url("challenges:criteria", org),
        "template_url": _optional_url("cases:template", org),
        "partners": selectors.partnership_members(organisation=org, actor=request.user),
        "history": history_for(org, limit=30),
    }
    return render(request, "organisations/settings.html", context)


def sector_add(request, org_slug):
    org = request.organisation
    require(request.user, MANAGE, org)
    form = SectorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sector = services.sector_add(
                actor=request.user, organisation=org, name=form.cleaned_data["name"]
            )
        except ValidationError as exc:
            form.add_error("name", exc)
        else:
            messages.success(request, _("The sector “%(name)s” has been added.") % {"name": sector})
            return redirect(_settings_url(org))
    return render(request, "organisations/sector_form.html", {"form": form, "sector": None})


def sector_edit(request, org_slug, sector_id):
    org = request.organisation
    require(request.user, MANAGE, org)
    sector = get_in_tenant(Sector.objects.all(), org, pk=sector_id)
    form = SectorForm(request.POST or None, initial={"name": sector.name}, version=sector.version)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and form_save(
            form,
            lambda: services.sector_rename(
                actor=request.user,
                sector=sector,
                name=form.cleaned_data["name"],
                version=form.cleaned_data["version"],
            ),
        )
    )
    if saved:
        messages.success(request, _("The sector has been saved."))
        return redirect(_settings_url(org))
    context = {"form": form, "sector": sector}
    return render(request, "organisations/sector_form.html", context, status=form_status(form))


@require_POST
def sector_toggle(request, org_slug, sector_id):
    org = request.organisation
    require(request.user, MANAGE, org)
    sector = get_in_tenant(Sector.objects.all(), org, pk=sector_id)
    services.sector_set_active(
        actor=request.user,
        sector=sector,
        is_active=requested_flag(request, "active", current=sector.is_active),
    )
    if sector.is_active:
        messages.success(request, _("The sector “%(name)s” is in use again.") % {"name": sector})
    else:
        messages.success(
            request,
            _("The sector “%(name)s” is no longer offered for new floker.") % {"name": sector},
        )
    return redirect(_settings_url(org))
