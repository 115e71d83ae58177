"""The benefit map of a case: the drawing, its text alternative, and plain forms to edit it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..forms_io import MapEdgeForm, MapNodeForm
from ..graph import draw_map
from ..services import map as map_services
from .access_core import access_case


def _map_url(request, case):
    return reverse(
        "benefits:map", kwargs={"org_slug": request.organisation.slug, "case_id": case.pk}
    )


def _render(request, case, *, node_form=None, edge_form=None, status=200):
    benefit_map = map_services.benefit_map_for(organisation=request.organisation, case=case)
    may_change = request.user.has_perm("benefits.change_map", case)
    drawing = draw_map(benefit_map, title=_("Benefit map for %s") % case.title)
    context = {
        "case": case,
        "benefit_map": benefit_map,
        "rows": benefit_map.node_rows(),
        "chains": benefit_map.chains(),
        "svg": drawing.svg,
        "map_problem": drawing.problem,
        "may_change": may_change,
    }
    if may_change:
        context["node_form"] = node_form or MapNodeForm(case=case, prefix="node")
        context["edge_form"] = edge_form or MapEdgeForm(nodes=benefit_map.nodes, prefix="edge")
    return render(request, "benefits/map.html", context, status=status)


@require_http_methods(["GET"])
def map_view(request, org_slug, case_id):
    case = access_case(request, case_id, "benefits.view_map")
    return _render(request, case)


@require_http_methods(["GET"])
def map_svg_view(request, org_slug, case_id):
    case = access_case(request, case_id, "benefits.view_map")
    benefit_map = map_services.benefit_map_for(organisation=request.organisation, case=case)
    drawing = draw_map(benefit_map, title=_("Benefit map for %s") % case.title)
    if drawing.problem:
        # Graphviz missing or too slow: say so (503, not an error page) rather than fail.
        return HttpResponse(drawing.problem, status=503, content_type="text/plain; charset=utf-8")
    if not drawing.svg:
        raise Http404
    return HttpResponse(drawing.svg, content_type="image/svg+xml; charset=utf-8")


@require_http_methods(["POST"])
def map_node_add(request, org_slug, case_id):
    case = access_case(request, case_id, "benefits.change_map")
    form = MapNodeForm(request.POST, case=case, prefix="node")
    if form.is_valid():
        try:
            map_services.map_node_create(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Element added."))
            return redirect(_map_url(request, case))
    return _render(request, case, node_form=form, status=422)


@require_http_methods(["POST"])
def map_edge_add(request, org_slug, case_id):
    case = access_case(request, case_id, "benefits.change_map")
    nodes = list(case.map_nodes.all())
    form = MapEdgeForm(request.POST, nodes=nodes, prefix="edge")
    if form.is_valid():
        try:
            map_services.map_edge_create(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Link added."))
            return redirect(_map_url(request, case))
    return _render(request, case, edge_form=form, status=422)


def _child(queryset, pk):
    try:
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


@require_http_methods(["GET", "POST"])
def map_node_delete(request, org_slug, case_id, node_id):
    case = access_case(request, case_id, "benefits.change_map")
    node = _child(case.map_nodes.all(), node_id)
    if request.method == "POST":
        map_services.map_node_delete(actor=request.user, node=node)
        messages.success(request, _("Element deleted."))
        return redirect(_map_url(request, case))
    return render(
        request,
        "includes/confirm_delete.html",
        {"object": node, "cancel_url": _map_url(request, case), "case": case},
    )


@require_http_methods(["GET", "POST"])
def map_edge_delete(request, org_slug, case_id, edge_id):
    case = access_case(request, case_id, "benefits.change_map")
    edge = _child(case.map_edges.select_related("source", "target"), edge_id)
    if request.method == "POST":
        map_services.map_edge_delete(actor=request.user, edge=edge)
        messages.success(request, _("Link deleted."))
        return redirect(_map_url(request, case))
    label = f"{edge.source.label} → {edge.target.label}"
    return render(
        request,
        "includes/confirm_delete.html",
        {"object": label, "cancel_url": _map_url(request, case), "case": case},
    )
