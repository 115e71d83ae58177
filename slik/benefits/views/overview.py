"""Municipality-wide pages: the roll-up with its overdue panel, and the category settings. The
pitfall list is in `views.pitfalls`."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from slik.core.concurrency import form_save, form_status, requested_flag
from slik.core.links import link_maker
from slik.organisations.access import get_in_tenant, post_only, require

from .. import services
from ..forms import BenefitSettingsForm, CategoryForm
from ..models import Benefit, BenefitCategory
from ..rollup_queries import organisation_rollup, overdue_measurements
from ..selectors import categories


def rollup(request, org_slug):
    """Planned against realised by category, and the benefits by status. The overdue
    measurements follow as a panel of their own (`rollup_overdue`)."""
    org = request.organisation
    require(request.user, "benefits.view_overview", org)
    result = organisation_rollup(organisation=org)
    context = {
        "rollup": result,
        "status_rows": [
            (label, result.status_counts[value]) for value, label in Benefit.Status.choices
        ],
        "progress_rows": [
            (label, result.progress_counts[value]) for value, label in Benefit.Progress.choices
        ],
    }
    return render(request, "benefits/rollup.html", context)


def rollup_overdue(request, org_slug):
    """The overdue measurements: the panel the roll-up loads once it is scrolled to (htmx),
    and a page of its own without htmx."""
    org = request.organisation
    require(request.user, "benefits.view_overview", org)
    overdue = overdue_measurements(organisation=org)
    indicator_url = link_maker("benefits:indicator", id_name="indicator_id", org_slug=org.slug)
    benefit_url = link_maker("benefits:benefit", id_name="benefit_id", org_slug=org.slug)
    for item in overdue:
        item.indicator_url = indicator_url(item.indicator.pk)
        item.benefit_url = benefit_url(item.benefit.pk)
    context = {"overdue": overdue}
    template = "benefits/rollup_overdue.html"
    if request.htmx and not request.htmx.boosted:
        template += "#overdue"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])  # the panel and the page share one URL
    return response


def _categories_context(org, category_form=None, settings_form=None):
    return {
        "categories": categories(organisation=org),
        "category_form": category_form or CategoryForm(),
        "settings_form": settings_form
        or BenefitSettingsForm(instance=services.benefit_settings_for(org)),
    }


def category_settings(request, org_slug):
    """Categories (add, take out of use) and the pilot gate / overdue settings."""
    org = request.organisation
    require(request.user, "benefits.manage_categories", org)
    category_form = settings_form = None
    if request.method == "POST" and request.POST.get("action") == "settings":
        settings_form = BenefitSettingsForm(
            request.POST, instance=services.benefit_settings_for(org)
        )
        if settings_form.is_valid() and form_save(
            settings_form,
            lambda: services.benefit_settings_update(
                actor=request.user, organisation=org, **settings_form.cleaned_data
            ),
        ):
            messages.success(request, _("The settings were saved."))
            return redirect(reverse("benefits:categories", kwargs={"org_slug": org_slug}))
    elif request.method == "POST":
        category_form = CategoryForm(request.POST)
        if category_form.is_valid():
            try:
                services.benefit_category_add(
                    actor=request.user, organisation=org, **category_form.cleaned_data
                )
            except ValidationError as exc:
                category_form.add_error(None, exc)
            else:
                messages.success(request, _("The category was added."))
                return redirect(reverse("benefits:categories", kwargs={"org_slug": org_slug}))
    context = _categories_context(org, category_form, settings_form)
    status = form_status(settings_form) if settings_form is not None else 200
    return render(request, "benefits/categories.html", context, status=status)


def category_toggle(request, org_slug, category_id):
    org = request.organisation
    category = get_in_tenant(BenefitCategory.objects.all(), org, pk=category_id)
    require(request.user, "benefits.manage_categories", category)
    if not_allowed := post_only(request):
        return not_allowed
    services.benefit_category_set_active(
        actor=request.user,
        category=category,
        is_active=requested_flag(request, "active", current=category.is_active),
    )
    messages.success(request, _("The category was changed."))
    return redirect(reverse("benefits:categories", kwargs={"org_slug": org_slug}))
