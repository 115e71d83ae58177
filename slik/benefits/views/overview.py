"""Municipality-wide pages: the roll-up with its overdue panel, and the category settings. The
pitfall list is in `views.pitfalls`."""

from functools import lru_cache
from html import escape

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import get_script_prefix, reverse
from django.utils.cache import patch_vary_headers
from django.utils.formats import localize
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from slik.core.concurrency import form_save, form_status, requested_flag
from slik.core.links import link_maker
from slik.core.templatetags.formats import number
from slik.organisations.access import get_in_tenant, post_only, require

from .. import services
from ..forms import BenefitSettingsForm, CategoryForm
from ..models import Benefit, BenefitCategory
from ..rollup_queries import organisation_rollup, overdue_measurements
from ..selectors import categories

NAV_PAGES = ("benefits:rollup", "benefits:pitfalls", "benefits:categories")


@lru_cache(maxsize=4096)
def _nav_urls(slug: str, script_prefix: str) -> tuple[str, ...]:
    return tuple(escape(reverse(name, kwargs={"org_slug": slug})) for name in NAV_PAGES)


def overview_nav(request) -> str:
    """`benefits/_overview_nav.html` written here: the links depend only on the organisation,
    and are reversed once per process and organisation (as the main menu's, config/menu.py);
    the categories only for those who may manage them. Tests compare it with the template."""
    org = request.organisation
    rollup_url, pitfalls_url, categories_url = _nav_urls(org.slug, get_script_prefix())
    categories = ""
    if request.user.has_perm("benefits.manage_categories", org):
        label = escape(_("Categories and settings"))
        categories = f'<a class="ds-link" href="{categories_url}">{label}</a>'
    return mark_safe(  # noqa: S308 – every value is escaped
        '<nav aria-label="' + escape(_("Benefits pages")) + f'" class="slik-actions">\n'
        f'  <a class="ds-link" href="{rollup_url}">' + escape(_("Roll-up")) + f"</a>\n"
        f'  <a class="ds-link" href="{pitfalls_url}">' + escape(_("Pitfalls")) + f"</a>\n"
        f"  {categories}\n</nav>\n"
    )


def rollup(request, org_slug):
    """Planned against realised by category, and the benefits by status. The overdue
    measurements follow as a panel of their own (`rollup_overdue`)."""
    org = request.organisation
    require(request.user, "benefits.view_overview", org)
    result = organisation_rollup(organisation=org)
    status_rows = [(label, result.status_counts[v]) for v, label in Benefit.Status.choices]
    progress_rows = [(label, result.progress_counts[v]) for v, label in Benefit.Progress.choices]
    # The benefits without a category come last (`rollup.category_totals`); their row is the
    # template's.
    named = [row for row in result.categories if row.name]
    context = {
        "rollup": result,
        "nav": overview_nav(request),
        "category_rows": category_rows(named),
        "uncategorised": result.categories[-1] if len(named) < len(result.categories) else None,
        "status_rows": count_rows(status_rows),
        "progress_rows": count_rows(progress_rows),
    }
    return render(request, "benefits/rollup.html", context)


def _sums(totals) -> str:
    return (
        f'        <td class="slik-number">{escape(localize(totals.benefits))}</td>\n'
        f'        <td class="slik-number">{escape(number(totals.planned_kr, 0))}</td>\n'
        f'        <td class="slik-number">{escape(number(totals.realised_kr, 0))}</td>\n'
        f'        <td class="slik-number">{escape(number(totals.planned_years, 1))}</td>\n'
        f'        <td class="slik-number">{escape(number(totals.realised_years, 1))}</td>\n'
    )


def category_rows(categories) -> str:
    """The roll-up table's rows of the named categories, written here rather than by the
    template (a row cost ≈ 45 µs of lookups and number filters); each value formatted by the
    template's own filter (`number`, `localize`) and escaped once. Tests compare them with the
    template's rows."""
    return mark_safe(  # noqa: S308 – every value is escaped
        "".join(
            f'\n      <tr>\n        <th scope="row">{escape(row.name)} '
            f'<span class="slik-muted">({escape(row.category_set)})</span></th>\n'
            f"{_sums(row)}      </tr>"
            for row in categories
        )
    )


def count_rows(rows) -> str:
    """The rows of a table of (label, number of benefits)."""
    return mark_safe(  # noqa: S308 – every value is escaped
        "".join(
            f'<tr><th scope="row">{escape(str(label))}</th>'
            f'<td class="slik-number">{escape(localize(count))}</td></tr>'
            for label, count in rows
        )
    )


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
    else:
        context["nav"] = overview_nav(request)
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
