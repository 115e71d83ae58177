"""Municipality-wide pages: the roll-up, the pitfall list, and the category settings."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from slik.cases.models import Case
from slik.core.concurrency import form_save, form_status, requested_flag
from slik.core.forms import DsForm
from slik.core.page_cache import cached_tenant_page
from slik.core.pagination import paginate
from slik.organisations.access import get_in_tenant, require

from .. import services
from ..forms import BenefitSettingsForm, CategoryForm
from ..models import Benefit, BenefitCategory
from ..pitfalls import PITFALL_TYPES, organisation_pitfalls
from ..rollup import organisation_rollup
from ..selectors import categories
from .access_core import post_only


@cached_tenant_page
def rollup(request, org_slug):
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


class PitfallFilterForm(DsForm):
    case = forms.ModelChoiceField(label=gettext_lazy("Case"), required=False, queryset=None)
    code = forms.ChoiceField(label=gettext_lazy("Pitfall"), required=False)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = Case.objects.filter(organisation=organisation).order_by(
            "title"
        )
        self.fields["code"].choices = [("", _("All"))] + list(PITFALL_TYPES.items())


def pitfall_list(request, org_slug):
    org = request.organisation
    require(request.user, "benefits.view_overview", org)
    filter_form = PitfallFilterForm(request.GET or None, organisation=org)
    case, code = None, ""
    if filter_form.is_valid():
        case, code = filter_form.cleaned_data["case"], filter_form.cleaned_data["code"]
    pitfalls = organisation_pitfalls(organisation=org, case=case, code=code)
    context = {"filter_form": filter_form, "page": paginate(request, pitfalls)}
    return render(request, "benefits/pitfall_list.html", context)


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
