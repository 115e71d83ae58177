"""Import measurements from CSV/XLSX: upload → preview with a row-by-row report → confirm.

Between preview and confirm the rows live in the session under a random key (no temp files);
the confirmation validates again and imports everything in one transaction, or nothing.
"""

import secrets

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from ..forms_io import ImportForm
from ..models import Indicator
from ..services import imports
from .access_core import access_case, access_indicator

SESSION_KEY = "benefits_imports"
KEEP = 3
PERM = "benefits.import_measurements"


def _indicators(case):
    return list(Indicator.objects.filter(benefit__case=case).select_related("benefit"))


def _store(request, payload) -> str:
    stored = request.session.get(SESSION_KEY, {})
    token = secrets.token_urlsafe(16)
    stored[token] = payload
    request.session[SESSION_KEY] = dict(list(stored.items())[-KEEP:])
    return token


def _upload(request, case, indicator=None):
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"case": case, "indicator": indicator, "form": form}
    if request.method != "POST" or not form.is_valid():
        status = 422 if request.method == "POST" else 200
        return render(request, "benefits/import.html", context, status=status)
    try:
        raw_rows = imports.read_upload(form.cleaned_data["file"])
    except imports.ImportFileError as error:
        form.add_error("file", str(error))
        return render(request, "benefits/import.html", context, status=422)
    indicators = [indicator] if indicator else _indicators(case)
    rows = imports.validate_rows(raw_rows, indicators=indicators, fixed=indicator)
    return _preview(request, case, indicator, rows)


def _preview(request, case, indicator, rows, *, status=None):
    bad = [row for row in rows if row.errors]
    token = None
    if not bad:
        token = _store(
            request,
            {
                "case_id": case.pk,
                "indicator_id": indicator.pk if indicator else None,
                "rows": imports.rows_for_session(rows),
            },
        )
    context = {"case": case, "indicator": indicator, "rows": rows, "bad": bad, "token": token}
    return render(
        request, "benefits/import_preview.html", context, status=status or (422 if bad else 200)
    )


@require_http_methods(["GET", "POST"])
def import_case(request, org_slug, case_id):
    case = access_case(request, case_id, PERM)
    return _upload(request, case)


@require_http_methods(["GET", "POST"])
def import_indicator(request, org_slug, indicator_id):
    indicator = access_indicator(request, indicator_id, PERM)
    return _upload(request, indicator.benefit.case, indicator)


@require_http_methods(["POST"])
def import_confirm(request, org_slug, case_id):
    case = access_case(request, case_id, PERM)
    payload = request.session.get(SESSION_KEY, {}).get(request.POST.get("token", ""))
    if not payload or payload.get("case_id") != case.pk:
        messages.error(request, _("The import has expired. Upload the file again."))
        return redirect("benefits:import_case", org_slug=org_slug, case_id=case.pk)
    indicators = _indicators(case)
    fixed = None
    if payload.get("indicator_id"):
        fixed = next((i for i in indicators if i.pk == payload["indicator_id"]), None)
        if fixed is None:
            raise Http404
    raw_rows = imports.rows_from_session(payload["rows"])
    try:
        created = imports.measurements_import(
            actor=request.user, case=case, raw_rows=raw_rows, indicators=indicators, fixed=fixed
        )
    except ValidationError:
        rows = imports.validate_rows(raw_rows, indicators=indicators, fixed=fixed)
        return _preview(request, case, fixed, rows, status=422)
    stored = request.session.get(SESSION_KEY, {})
    stored.pop(request.POST["token"], None)
    request.session[SESSION_KEY] = stored
    messages.success(
        request,
        ngettext(
            "%(count)s measurement imported.", "%(count)s measurements imported.", len(created)
        )
        % {"count": len(created)},
    )
    if fixed is not None:
        return redirect(
            reverse("benefits:indicator", kwargs={"org_slug": org_slug, "indicator_id": fixed.pk})
        )
    return redirect("benefits:plan", org_slug=org_slug, case_id=case.pk)
