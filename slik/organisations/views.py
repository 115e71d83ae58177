"""Organisation pages: home, overview, members and settings. Thin: access → service/selector →
page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from slik.core.audit import history_for
from slik.core.concurrency import form_save, form_status, requested_flag
from slik.core.pagination import paginate

from . import selectors, services
from .access import access_in_tenant, post_only, require
from .forms import MemberChangeForm, MemberFilterForm, SectorForm
from .models import Membership, Sector
from .pages import SETTINGS_LINKS

VIEW = "organisations.view_organisation"
MANAGE = "organisations.manage_organisation"


def _members_url(org) -> str:
    return reverse("organisations:members", kwargs={"org_slug": org.slug})


def _settings_url(org) -> str:
    return reverse("organisations:settings", kwargs={"org_slug": org.slug})


@login_required
def home(request):
    """Where a sign-in lands: straight into the only organisation, a choice when there are
    several."""
    memberships = selectors.my_memberships(actor=request.user)
    if len(memberships) == 1:
        return redirect("organisations:overview", org_slug=memberships[0].organisation.slug)
    return render(request, "organisations/home.html", {"memberships": memberships})


def profile_memberships(request) -> str:
    """The profile page's list of the person's organisations (accounts.pages.PROFILE_SECTIONS)."""
    context = {"memberships": selectors.my_memberships(actor=request.user)}
    return render_to_string("organisations/includes/profile_memberships.html", context, request)


def overview(request, org_slug):
    org = request.organisation
    require(request.user, VIEW, org)
    context = {
        "cards": selectors.overview_cards(organisation=org, actor=request.user),
        "events": selectors.recent_events(organisation=org, actor=request.user),
        "partners": selectors.partnership_members(organisation=org, actor=request.user),
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


def _access_membership(request, member_id) -> Membership:
    members = Membership.objects.select_related("user")
    return access_in_tenant(request, members, view=VIEW, perm=MANAGE, pk=member_id)


def member_edit(request, org_slug, member_id):
    org = request.organisation
    membership = _access_membership(request, member_id)
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
    membership = _access_membership(request, member_id)
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
        "more_settings": list(SETTINGS_LINKS),
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


def _access_sector(request, sector_id) -> Sector:
    return access_in_tenant(request, Sector.objects.all(), view=VIEW, perm=MANAGE, pk=sector_id)


def sector_edit(request, org_slug, sector_id):
    org = request.organisation
    sector = _access_sector(request, sector_id)
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


def sector_toggle(request, org_slug, sector_id):
    org = request.organisation
    sector = _access_sector(request, sector_id)
    if refused := post_only(request):
        return refused
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
