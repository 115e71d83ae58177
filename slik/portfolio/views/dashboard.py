"""The portfolio dashboard (full page and htmx partial), its panels and the capacity settings.

The page shows the figures of one light read of the cases; the stuck cases, the balance of the
portfolio, the latest status reports and the benefits are panels the page loads when they
scroll into view. A panel's URL
takes the page's filters and, asked without htmx, is a page of its own (what a browser without
JavaScript follows from the page).
"""

from html import escape
from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from slik.cases.models import Case
from slik.core.concurrency import form_save, form_status
from slik.core.pagination import paginate
from slik.organisations.access import require

from .. import breakdowns, services
from ..charts import balance_specs, benefits_spec, dashboard_specs
from ..forms import DashboardFilterForm, PortfolioSettingsForm
from ..selectors.dashboard import (
    DashboardFilters,
    balance_overview,
    benefit_overview,
    dashboard_overview,
    filter_choices,
    latest_status,
    sees_details,
    stuck_cases,
)
from ..selectors.status import STALE_AFTER_DAYS

FILTER_NAMES = ("phase", "sector", "challenge", "owner", "status")


def _filters(request, *, details: bool, choices: dict) -> tuple[DashboardFilterForm, object]:
    bound = any(name in request.GET for name in FILTER_NAMES)
    form = DashboardFilterForm(request.GET if bound else None, choices=choices, details=details)
    return form, form.filters() if bound else DashboardFilters()


def listed_cases(rows) -> dict:
    """{case id: case} of the cases the table rows list (the first few of each row)."""
    return {case.pk: case for row in rows for case in row["cases"]}


def case_links(organisation, cases) -> dict[int, str]:
    """{case id: a link to the case page, as HTML}, each written once: a case is listed in
    several tables, and the URL is reversed once for all of them. The tags of
    `portfolio_dashboard` write the links as they are (Oslo's balance lists 500: a SafeString
    per link cost more than writing it)."""
    marker = "2147483647"
    url = reverse("cases:detail", kwargs={"org_slug": organisation.slug, "case_id": marker})
    before, after = (escape(part) for part in url.split(marker))
    # html.escape is what django.utils.html.escape does; a pk is an int from the database.
    return {
        case.pk: f'<a class="ds-link" href="{before}{case.pk}{after}">{escape(case.title)}</a>'
        for case in cases
    }


def report_link_maker(organisation):
    """(case id, report id) → the address of the status report, from one reverse()."""
    case_marker, report_marker = 2147483646, 2147483647
    url = reverse(
        "portfolio:status_detail",
        kwargs={"org_slug": organisation.slug, "case_id": case_marker, "report_id": report_marker},
    )
    before, rest = url.split(str(case_marker))
    middle, after = rest.split(str(report_marker))
    return lambda case_id, report_id: f"{before}{int(case_id)}{middle}{int(report_id)}{after}"


def _render(request, template: str, context: dict, partial: str):
    """The page, or only `partial` for htmx (both from one URL, so the response varies)."""
    if request.htmx and not request.htmx.boosted:
        template += f"#{partial}"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def dashboard(request, org_slug):
    organisation = request.organisation
    require(request.user, "portfolio.view_dashboard", organisation)
    details = sees_details(request.user, organisation)
    choices = filter_choices(organisation=organisation, details=details)
    form, filters = _filters(request, details=details, choices=choices)
    data = dashboard_overview(
        actor=request.user, organisation=organisation, filters=filters, choices=choices
    )
    context = {
        "dashboard": data,
        "form": form,
        "specs": dashboard_specs(data),
        # The resources list the same first cases of each phase as the funnel.
        "links": case_links(organisation, listed_cases(data.funnel).values()),
        "panel_query": urlencode(filters.as_params()),
        "statuses": Case.Status.choices,
        "may_manage": request.user.has_perm("portfolio.manage_settings", organisation),
    }
    return _render(request, "portfolio/dashboard.html", context, "results")


def _panel_filters(request):
    """(organisation, details, filters) of a panel: the page's filters, checked as the page
    checks them; only the choice lists of the filters given are read."""
    organisation = request.organisation
    require(request.user, "portfolio.view_dashboard", organisation)
    details = sees_details(request.user, organisation)
    given = [name for name in FILTER_NAMES if request.GET.get(name)]
    if not given:
        # Empty filters are no filters: no form to build (a panel shows none).
        return organisation, details, DashboardFilters()
    choices = filter_choices(organisation=organisation, details=details, names=given)
    _form, filters = _filters(request, details=details, choices=choices)
    return organisation, details, filters


@require_GET
def stuck_panel(request, org_slug):
    """The stuck cases, longest in their phase first, a page at a time."""
    organisation, details, filters = _panel_filters(request)
    stuck, limit = stuck_cases(organisation=organisation, filters=filters, details=details)
    page = paginate(request, stuck)
    links = case_links(organisation, page)
    context = {
        "details": details,
        "stuck_page": page,
        "stuck_rows": [(case, case.owner, links[case.pk]) for case in page],
        "stuck_after_days": limit,
        "panel_query": urlencode(filters.as_params()),
    }
    return _render(request, "portfolio/dashboard_stuck.html", context, "panel")


@require_GET
def balance_panel(request, org_slug):
    """The matching cases by floke, sector, innovation type and OECD facet, charts and tables."""
    organisation, details, filters = _panel_filters(request)
    balance = balance_overview(organisation=organisation, filters=filters, details=details)
    listed = {pk: case for rows in balance.values() for pk, case in listed_cases(rows).items()}
    context = {
        "balance": balance,
        "specs": balance_specs(balance),
        "links": case_links(organisation, listed.values()),
        "panel_query": urlencode(filters.as_params()),
    }
    return _render(request, "portfolio/dashboard_balance.html", context, "panel")


@require_GET
def status_panel(request, org_slug):
    """The latest published status report of each running case, a page at a time."""
    organisation, details, filters = _panel_filters(request)
    today = timezone.localdate()
    cases = latest_status(organisation=organisation, filters=filters, details=details, today=today)
    page = paginate(request, cases)
    rows = breakdowns.status_rows(page.object_list, today)
    links = case_links(organisation, page.object_list)
    report_url = report_link_maker(organisation)
    for row in rows:
        row["link"] = links[row["case"].pk]
        if row["report_id"]:
            row["report_url"] = report_url(row["case"].pk, row["report_id"])
    context = {
        "status_page": page,
        "status_rows": rows,
        "stale_after_days": STALE_AFTER_DAYS,
        "panel_query": urlencode(filters.as_params()),
    }
    return _render(request, "portfolio/dashboard_status.html", context, "panel")


@require_GET
def benefits_panel(request, org_slug):
    """The benefits of the matching cases, planned against realised, and their pitfalls."""
    organisation, details, filters = _panel_filters(request)
    benefits = benefit_overview(organisation=organisation, filters=filters, details=details)
    spec = benefits_spec(benefits["categories"]) if benefits["categories"] else None
    context = {
        "benefits": benefits,
        "spec": spec,
        "panel_query": urlencode(filters.as_params()),
    }
    return _render(request, "portfolio/dashboard_benefits.html", context, "panel")


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
