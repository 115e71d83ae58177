"""Import measurements from CSV/XLSX: upload → preview with a row-by-row report → confirm.

Between preview and confirm the checked rows live in the session under a random key (no temp
files); the confirmation validates again and imports everything in one transaction, or nothing.
The preview shows the first rows and errors and counts the rest, so its size is bounded
whatever the file holds.
"""

import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from slik.organisations.access import require

from ..forms import ImportConfirmForm, ImportForm
from ..selectors import case_indicators
from ..services import imports
from .access import access_case, access_indicator

SESSION_KEY = "benefits_imports"
KEEP = 3
# Importing is recording measurements from a file: the same people may do both (rules.py).
PERM = "benefits.record_measurement"


def _store(request, payload) -> str:
    stored = request.session.get(SESSION_KEY, {})
    token = secrets.token_urlsafe(16)
    stored[token] = payload
    request.session[SESSION_KEY] = dict(list(stored.items())[-KEEP:])
    return token


def _forget(request, token) -> None:
    stored = request.session.get(SESSION_KEY, {})
    stored.pop(token, None)
    request.session[SESSION_KEY] = stored


def _upload(request, case, indicator=None):
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"case": case, "indicator": indicator, "form": form}
    if request.method != "POST" or not form.is_valid():
        status = 422 if request.method == "POST" else 200
        return render(request, "benefits/import.html", context, status=status)
    try:
        raw_rows = imports.read_upload(form.cleaned_data["file"])
    except imports.ImportFileError as error:
        form.add_error("file", ValidationError(str(error), code=error.code))
        return render(request, "benefits/import.html", context, status=422)
    indicators = [indicator] if indicator else case_indicators(case=case)
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
    on_record = [row for row in rows if row.existing is not None and not row.is_unchanged]
    context = {
        "case": case,
        "indicator": indicator,
        "rows": rows[: imports.PREVIEW_ROWS],
        "row_count": len(rows),
        "rows_hidden": max(len(rows) - imports.PREVIEW_ROWS, 0),
        "bad": bad[: imports.PREVIEW_ERRORS],
        "bad_count": len(bad),
        "bad_hidden": max(len(bad) - imports.PREVIEW_ERRORS, 0),
        "on_record_count": len(on_record),
        "unchanged_count": sum(1 for row in rows if row.is_unchanged),
        "new_count": sum(1 for row in rows if row.existing is None),
        "token": token,
        "confirm_form": ImportConfirmForm(initial={"token": token}) if token else None,
    }
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


def _done_url(org_slug, case, fixed) -> str:
    if fixed is not None:
        return reverse(
            "benefits:indicator", kwargs={"org_slug": org_slug, "indicator_id": fixed.pk}
        )
    return reverse("benefits:plan", kwargs={"org_slug": org_slug, "case_id": case.pk})


@require_http_methods(["POST"])
def import_confirm(request, org_slug, case_id):
    case = access_case(request, case_id)
    indicators = case_indicators(case=case)
    form = ImportConfirmForm(request.POST)
    token = form.cleaned_data["token"] if form.is_valid() else ""
    payload = request.session.get(SESSION_KEY, {}).get(token)
    if not payload or payload.get("case_id") != case.pk:
        # Only someone who may import into the case hears that an import expired.
        subjects = [case, *{indicator.benefit for indicator in indicators}]
        if not any(request.user.has_perm(PERM, subject) for subject in subjects):
            raise PermissionDenied
        messages.error(request, _("The import has expired. Upload the file again."))
        return redirect("benefits:import_case", org_slug=org_slug, case_id=case.pk)
    fixed = None
    if payload.get("indicator_id"):
        fixed = next((i for i in indicators if i.pk == payload["indicator_id"]), None)
        if fixed is None:
            raise Http404
    # Asked again of what the preview was made for (the upload checked it, but rights change):
    # one indicator's benefit, or the whole case.
    require(request.user, PERM, fixed.benefit if fixed else case)
    raw_rows = imports.rows_from_session(payload["rows"])
    try:
        result = imports.measurements_import(
            actor=request.user,
            case=case,
            raw_rows=raw_rows,
            indicators=indicators,
            fixed=fixed,
            replace_existing=form.cleaned_data["existing"] == ImportConfirmForm.REPLACE,
        )
    except imports.AlreadyImported as exc:
        _forget(request, token)
        messages.info(request, exc.messages[0])
        return redirect(_done_url(org_slug, case, fixed))
    except ValidationError:
        rows = imports.validate_rows(raw_rows, indicators=indicators, fixed=fixed)
        return _preview(request, case, fixed, rows, status=422)
    _forget(request, token)
    _report(request, result)
    return redirect(_done_url(org_slug, case, fixed))


def _report(request, result) -> None:
    if result.created:
        messages.success(
            request,
            ngettext(
                "%(count)s measurement imported.",
                "%(count)s measurements imported.",
                result.created,
            )
            % {"count": result.created},
        )
    if result.replaced:
        messages.success(
            request,
            ngettext(
                "%(count)s value on record was replaced.",
                "%(count)s values on record were replaced.",
                result.replaced,
            )
            % {"count": result.replaced},
        )
    if result.skipped:
        messages.info(
            request,
            ngettext(
                "%(count)s row for a date that already had a value was skipped.",
                "%(count)s rows for dates that already had a value were skipped.",
                result.skipped,
            )
            % {"count": result.skipped},
        )
    if not (result.created or result.replaced or result.skipped):
        messages.info(request, _("Nothing new to import: every date already has this value."))
