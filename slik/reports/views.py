"""Thin views: access → selector or service → response. Files are never public media URLs."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from slik.accounts.people import user_label
from slik.core.links import link_maker
from slik.core.pagination import counted_page
from slik.organisations.access import access_in_tenant, require

from . import markup, registry, selectors, services
from .filters import FORMAT_LABELS, RunFilterForm
from .models import ReportRun
from .renderers import CONTENT_TYPES, filename_for
from .renderers import render as render_document


def _offers(actor, organisation) -> list[dict]:
    """The reports the actor may order; a report made on the spot with the download address
    of each format."""
    offers = []
    for definition in selectors.orderable_reports(actor=actor, organisation=organisation):
        formats = [(f, FORMAT_LABELS[f]) for f in definition.formats]
        kwargs = {"org_slug": organisation.slug, "key": definition.key}
        downloads = (
            []
            if definition.background
            else [
                (reverse("reports:render", kwargs={**kwargs, "file_format": f}), label)
                for f, label in formats
            ]
        )
        offers.append(
            {
                "definition": definition,
                "formats": formats,
                "downloads": downloads,
                "needs_year": "year" in definition.parameters,
            }
        )
    return offers


@dataclass(frozen=True)
class RunRow:
    """A row of the list of runs as the table shows it."""

    pk: int
    url: str
    title: str
    file_format: str
    created_at: datetime.datetime
    requested_by: str | None
    status: str
    status_label: str
    is_published: bool


def _rows(runs, organisation) -> list[RunRow]:
    """The runs of the page (tuples of `selectors.RUN_LIST_COLUMNS`), each with its address,
    title and status as the table shows them (one reverse() for the column, each label
    translated once) and the name of who ordered it."""
    url = link_maker("reports:detail", id_name="run_id", org_slug=organisation.slug)
    statuses = {value: str(label) for value, label in ReportRun.Status.choices}
    rows = []
    for pk, report, parameters, file_format, created_at, status, published, *person in runs:
        year = parameters.get("year") if isinstance(parameters, dict) else None
        requester_id, *names = person
        rows.append(
            RunRow(
                pk=pk,
                url=url(pk),
                title=selectors.report_title(report) + (f" {year}" if year else ""),
                file_format=file_format,
                created_at=created_at,
                requested_by=None if requester_id is None else user_label(*names),
                status=status,
                status_label=statuses.get(status, status),
                is_published=published,
            )
        )
    return rows


def _list_page(request, *, order_error: str = "", status: int = 200):
    organisation = request.organisation
    require(request.user, "reports.view_reports", organisation)
    filter_form = RunFilterForm(request.GET)
    runs = selectors.run_list(
        actor=request.user, organisation=organisation, filters=filter_form.filters()
    )
    page = counted_page(request, runs)
    runs = _rows(page, organisation)
    offers = _offers(request.user, organisation)
    cards = markup.offer_cards(
        offers,
        order_url=reverse("reports:order", kwargs={"org_slug": organisation.slug}),
        csrf=get_token(request),
        order_data=request.POST if request.method == "POST" else {},
        this_year=timezone.localdate().year,
    )
    context = {
        "page": page,
        "runs": runs,
        "rows": markup.run_rows(runs),
        "filter_form": filter_form,
        "offers": offers,
        "offer_cards": cards,
        "order_error": order_error,
    }
    return render(request, "reports/run_list.html", context, status=status)


@require_GET
def run_list(request, org_slug):
    return _list_page(request)


@require_POST
def run_order(request, org_slug):
    organisation = request.organisation
    require(request.user, "reports.order_report", organisation)
    definition = registry.get(request.POST.get("key", ""))
    if definition is None or request.POST.get("file_format") not in definition.formats:
        return _list_page(request, order_error=_("Choose a report and a format."), status=400)
    try:
        parameters = registry.parse_parameters(definition, request.POST)
    except ValueError:
        message = _("Fill in the year (or the other details) the report is for.")
        return _list_page(request, order_error=message, status=400)
    try:
        run = services.report_order(
            actor=request.user,
            organisation=organisation,
            key=definition.key,
            file_format=request.POST["file_format"],
            parameters=parameters,
            language=getattr(request, "LANGUAGE_CODE", ""),
        )
    except ValidationError as error:
        return _list_page(request, order_error=" ".join(error.messages), status=400)
    messages.success(request, _("The report was ordered."))
    return redirect("reports:detail", org_slug=org_slug, run_id=run.pk)


def _run_context(request, run):
    return {
        "run": run,
        "title": selectors.report_title(run.report),
        "format_label": FORMAT_LABELS.get(run.file_format, run.file_format),
        "is_pending": run.status in (ReportRun.Status.QUEUED, ReportRun.Status.RUNNING),
        "may_order": request.user.has_perm("reports.order_report", request.organisation),
        "may_publish": request.user.has_perm("reports.publish_report", run)
        and getattr(registry.get(run.report), "for_politicians", False),
    }


def _access_run(request, run_id):
    require(request.user, "reports.view_reports", request.organisation)
    runs = selectors.visible_runs(actor=request.user, organisation=request.organisation)
    return access_in_tenant(
        request, runs.select_related("requested_by"), view="reports.view_reports", pk=run_id
    )


@require_GET
def run_detail(request, org_slug, run_id):
    run = _access_run(request, run_id)
    return render(request, "reports/run_detail.html", _run_context(request, run))


@require_GET
def run_status(request, org_slug, run_id):
    """The status fragment the run page polls (htmx) while the report is being made."""
    run = _access_run(request, run_id)
    return render(request, "reports/includes/run_status.html", _run_context(request, run))


@require_GET
def run_download(request, org_slug, run_id):
    run = _access_run(request, run_id)
    if run.status != ReportRun.Status.DONE or not run.file:
        raise Http404
    try:
        handle = run.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=True, filename=run.filename or None)
    response["Content-Type"] = CONTENT_TYPES.get(run.file_format, "application/octet-stream")
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def run_retry(request, org_slug, run_id):
    run = _access_run(request, run_id)
    require(request.user, "reports.order_report", run)
    try:
        services.report_retry(actor=request.user, run=run)
        messages.success(request, _("The report was ordered again."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("reports:detail", org_slug=org_slug, run_id=run.pk)


@require_POST
def run_publish(request, org_slug, run_id):
    run = _access_run(request, run_id)
    require(request.user, "reports.publish_report", run)
    published = request.POST.get("published", "1") == "1"
    try:
        services.report_publish(actor=request.user, run=run, published=published)
        if published:
            messages.success(request, _("The report is published to the politicians."))
        else:
            messages.success(request, _("The report is withdrawn from the politicians."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("reports:detail", org_slug=org_slug, run_id=run.pk)


@require_GET
def render_report(request, org_slug, key, file_format):
    """A small report rendered in the request and downloaded at once (no run is kept)."""
    organisation = request.organisation
    definition = registry.get(key)
    if definition is None or definition.background or file_format not in definition.formats:
        raise Http404
    try:
        parameters = registry.parse_parameters(definition, request.GET)
    except ValueError:
        return render(
            request, "reports/bad_parameters.html", {"definition": definition}, status=400
        )
    obj = services.permission_object(definition, organisation, parameters)
    require(request.user, definition.permission, obj)
    document = definition.build(organisation, parameters, request.user)
    data = render_document(document, file_format, table=definition.csv_table)
    response = HttpResponse(data, content_type=CONTENT_TYPES[file_format])
    filename = filename_for(document, file_format)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
