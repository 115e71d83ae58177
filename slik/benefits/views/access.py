"""Fetching cases, benefits, indicators and measurements for the benefits pages.

Each goes through `access_in_tenant`: the tenant in the query, one 404 for a foreign, missing
or unviewable object (a politician and an unpublished case), 403 for lacking `perm`.
Permissions are asked of the case or of the benefit (slik/benefits/rules.py).
"""

from slik.cases.models import Case
from slik.organisations.access import access_in_tenant

from ..models import Benefit, Indicator, Measurement

VIEW = "benefits.view_benefit"


def access_case(request, case_id, perm: str = VIEW) -> Case:
    return access_in_tenant(request, Case.objects.all(), view=VIEW, perm=perm, pk=case_id)


def access_benefit(request, benefit_id, perm: str = VIEW) -> Benefit:
    return access_in_tenant(
        request,
        Benefit.objects.select_related("case", "category", "responsible", "owner"),
        view=VIEW,
        perm=perm,
        pk=benefit_id,
    )


def access_indicator(request, indicator_id, perm: str = VIEW) -> Indicator:
    return access_in_tenant(
        request,
        Indicator.objects.select_related("benefit__case", "benefit__category"),
        view=VIEW,
        perm=perm,
        subject=lambda indicator: indicator.benefit,
        pk=indicator_id,
        benefit__organisation=request.organisation,
    )


def access_measurement(request, measurement_id, perm: str) -> Measurement:
    return access_in_tenant(
        request,
        Measurement.objects.select_related("indicator__benefit__case"),
        view=VIEW,
        perm=perm,
        subject=lambda measurement: measurement.indicator.benefit,
        pk=measurement_id,
        indicator__benefit__organisation=request.organisation,
    )
