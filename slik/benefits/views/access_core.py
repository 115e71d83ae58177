"""Fetching benefits, indicators and measurements of the current tenant.

The lookup filters by tenant in the query; a foreign or missing id is a 404. A case the actor
may not see (a politician and an unpublished case) is a 404 too; lacking `perm` is a 403.
"""

from django.http import Http404, HttpResponseNotAllowed

from slik.cases.models import Case
from slik.organisations.access import get_in_tenant, require

from ..models import Benefit, Indicator, Measurement

VIEW = "benefits.view_benefit"


def _check(request, perm, obj):
    if not request.user.has_perm(VIEW, obj):
        raise Http404
    if perm != VIEW:
        require(request.user, perm, obj)


def access_case(request, case_id, perm: str = VIEW) -> Case:
    case = get_in_tenant(Case.objects.all(), request.organisation, pk=case_id)
    _check(request, perm, case)
    return case


def access_benefit(request, benefit_id, perm: str = VIEW) -> Benefit:
    benefit = get_in_tenant(
        Benefit.objects.select_related("case", "category", "responsible", "owner"),
        request.organisation,
        pk=benefit_id,
    )
    _check(request, perm, benefit)
    return benefit


def _get(queryset, **lookup):
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def access_indicator(request, indicator_id, perm: str = VIEW) -> Indicator:
    indicator = _get(
        Indicator.objects.select_related("benefit__case", "benefit__category"),
        benefit__organisation=request.organisation,
        pk=indicator_id,
    )
    _check(request, perm, indicator.benefit)
    return indicator


def access_measurement(request, measurement_id, perm: str) -> Measurement:
    measurement = _get(
        Measurement.objects.select_related("indicator__benefit__case"),
        indicator__benefit__organisation=request.organisation,
        pk=measurement_id,
    )
    _check(request, perm, measurement.indicator.benefit)
    return measurement


def post_only(request):
    """405 for anything but POST – checked after the lookup, so a foreign id is still a 404."""
    return None if request.method == "POST" else HttpResponseNotAllowed(["POST"])
