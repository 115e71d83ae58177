"""The portfolio dashboard (full page and htmx partial) and the capacity settings."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from slik.cases.models import Case
from slik.core.concurrency import form_save, form_status
from slik.core.page_cache import cached_tenant_page
from slik.core.pagination import paginate
from slik.organisations.access import require

from .. import services
from ..charts import dashboard_specs
from ..forms import DashboardFilterForm, PortfolioSettingsForm
from ..selectors.dashboard import DashboardFilters, filter_choices, portfolio_dashboard
from ..selectors.status import STALE_AFTER_DAYS

FILTER_NAMES = ("phase", "sector", "challenge", "owner", "status")


@cached_tenant_page
def dashboard(request, org_slug):
    organisation = request.organisation
    require(request.user, "portfolio.view_dashboard", organisation)
    details = request.user.has_perm("portfolio.view_dashboard_details", organisation)
    choices = filter_choices(organisation=organisation, details=details)
    bound = any(name in request.GET for name in FILTER_NAMES)
    form = DashboardFilterForm(request.GET if bound else None, choices=choices, details=details)
    filters = form.filters() if bound else DashboardFilters()
    data = portfolio_dashboard(
        actor=request.user, organisation=organisation, filters=filters, choices=choices
    )
    context = {
        "dashboard": data,
        "form": form,
        "specs": dashboard_specs(data),
        "status_page": paginate(request, data.status_rows),
        "statuses": Case.Status.choices,
        "stale_after_days": STALE_AFTER_DAYS,
        "may_manage": request.user.has_perm("portfolio.manage_settings", organisation),
    }
    template = "portfolio/dashboard.html"
    if request.htmx and not request.htmx.boosted:
        template += "#results"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])  # the partial and the page share one URL
    return response


@require_http_methods(["GET", "POST"])
def portfolio_settings(request, org_slug):
    organisation = request.organisation
    require(request.user, "portfolio.manage_settings", organisation)
    current = services.portfolio_settings_for(organisation)
    # Unsaved defaults carry version 1 too: the first save is checked like any other.
    form = PortfolioSettingsForm(request.POST or None, instance=current, version=current.version)
    if (
        request.method == "POST"
        and form.is_valid()
        and form_save(
            form,
            lambda: services.portfolio_settings_update(
                actor=request.user, organisation=organisation, **form.cleaned_data
            ),
        )
    ):
        messages.success(request, _("The portfolio settings were saved."))
        return redirect("portfolio:settings", org_slug=org_slug)
    context = {"form": form, "wip": services.wip_status(organisation)}
    return render(request, "portfolio/settings.html", context, status=form_status(form))
