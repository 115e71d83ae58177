"""The benefit map of a case: the drawing, its text alternative, and plain forms to edit it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..forms import MapEdgeForm, MapNodeForm
from ..graph import draw_map, drawn_map
from ..selectors import benefit_map_for
from ..services import map as map_services
from . import map_text
from .access import access_case


def _map_url(request, case):
    return reverse(
        "benefits:map", kwargs={"org_slug": request.organisation.slug, "case_id": case.pk}
    )


def _title(case) -> str:
    return _("Benefit map for %s") % case.title


def _drawing_context(drawing) -> dict:
    """`drawing` None: not drawn yet, the page loads it as a panel (`map_drawing`)."""
    return {
        "svg": drawing.svg if drawing else "",
        "map_problem": drawing.problem if drawing else "",
        "drawing_pending": drawing is None,
    }


def _read_map(request, case):
    return benefit_map_for(organisation=request.organisation, case=case)


def _read_drawn_map(request, case):
    """The map as its drawing needs it: elements and links, not the case's benefits (those
    not in the map are listed beside the drawing, never drawn)."""
    return benefit_map_for(organisation=request.organisation, case=case, benefits=())


def _forms(case, benefit_map, *, node_data=None, edge_data=None) -> dict:
    """The edit forms (one of them bound to what was sent), their choices from the map the
    view has read."""
    benefits = benefit_map.unmapped_benefits
    return {
        "node_form": MapNodeForm(node_data, case=case, benefits=benefits, prefix="node"),
        "edge_form": MapEdgeForm(edge_data, case=case, nodes=benefit_map.nodes, prefix="edge"),
    }


def _render(request, case, benefit_map=None, *, forms=None, status=200, draw=False):
    """The map page. It shows the drawing if it is made already and never waits for `dot`
    unless `draw` (the page without htmx that the drawing panel's address gives). `forms`: the
    edit forms as sent, when a write was refused."""
    benefit_map = benefit_map or _read_map(request, case)
    may_change = request.user.has_perm("benefits.change_map", case)
    make = draw_map if draw else drawn_map
    context = {
        "case": case,
        "benefit_map": benefit_map,
        "element_rows": map_text.element_rows(request, case, benefit_map, may_change=may_change),
        "chain_items": map_text.chain_items(benefit_map),
        "may_change": may_change,
        **_drawing_context(make(benefit_map, title=_title(case))),
    }
    if may_change:
        context.update(forms or _forms(case, benefit_map))
        context["link_rows"] = map_text.link_rows(request, case, benefit_map)
    return render(request, "benefits/map.html", context, status=status)


@require_http_methods(["GET"])
def map_view(request, org_slug, case_id):
    case = access_case(request, case_id, "benefits.view_map")
    return _render(request, case)


@require_http_methods(["GET"])
def map_drawing(request, org_slug, case_id):
    """The drawing, made by `dot` if it is not made yet: the panel the map page loads (htmx),
    and without htmx the map page with its drawing."""
    case = access_case(request, case_id, "benefits.view_map")
    if not request.htmx or request.htmx.boosted:
        response = _render(request, case, draw=True)
    else:
        benefit_map = _read_drawn_map(request, case)
        context = {"case": case, **_drawing_context(draw_map(benefit_map, title=_title(case)))}
        response = render(request, "benefits/map.html#drawing", context)
    patch_vary_headers(response, ["HX-Request"])  # the panel and the page share one URL
    return response


@require_http_methods(["GET"])
def map_svg_view(request, org_slug, case_id):
    case = access_case(request, case_id, "benefits.view_map")
    drawing = draw_map(_read_drawn_map(request, case), title=_title(case))
    if drawing.problem:
        # Graphviz missing or too slow: say so (503, not an error page) rather than fail.
        return HttpResponse(drawing.problem, status=503, content_type="text/plain; charset=utf-8")
    if not drawing.svg:
        raise Http404
    return HttpResponse(drawing.svg, content_type="image/svg+xml; charset=utf-8")


@require_http_methods(["POST"])
def map_node_add(request, org_slug, case_id):
    case = access_case(request, case_id, "benefits.change_map")
    benefit_map = _read_map(request, case)
    forms = _forms(case, benefit_map, node_data=request.POST)
    form = forms["node_form"]
    if form.is_valid():
        try:
            map_services.map_node_create(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Element added."))
            return redirect(_map_url(request, case))
    return _render(request, case, benefit_map, forms=forms, status=422)


@require_http_methods(["POST"])
def map_edge_add(request, org_slug, case_id):
    case = access_case(request, case_id, "benefits.change_map")
    benefit_map = _read_map(request, case)
    forms = _forms(case, benefit_map, edge_data=request.POST)
    form = forms["edge_form"]
    if form.is_valid():
        try:
            map_services.map_edge_create(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Link added."))
            return redirect(_map_url(request, case))
    return _render(request, case, benefit_map, forms=forms, status=422)


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
