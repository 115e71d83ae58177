"""Thought-provoking figures (tankevekkende tall) for a floke or the whole municipality."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from slik.core.concurrency import form_save, form_status
from slik.core.pagination import paginate
from slik.organisations.access import post_only, require

from .. import selectors, services
from ..charts import population_share_spec
from ..forms import KeyFigureForm, LabourYearsForm, ProjectionImportForm, ReadyFigureForm
from ..population import added_codes, ready_figure, ready_figures
from ..projections.charts import projection_spec
from ..projections.figures import projection_figure, projection_for, projection_ready
from ..projections.reading import ProjectionFileError
from ..projections.words import POPULATION_SOURCE, PROJECTION_KINDS, projection_source
from ..services.figures import projection_import, projection_set_labour_years
from .access import access_challenge, access_key_figure

IMPORT_PERMISSION = "organisations.manage_organisation"


def _figures_url(org_slug, challenge=None):
    if challenge is not None:
        return reverse(
            "challenges:challenge_figures",
            kwargs={"org_slug": org_slug, "challenge_id": challenge.pk},
        )
    return reverse("challenges:figures", kwargs={"org_slug": org_slug})


def _challenge_or_none(request, challenge_id, perm=None):
    return access_challenge(request, challenge_id, perm) if challenge_id is not None else None


def figure_list(request, org_slug, challenge_id=None):
    org = request.organisation
    require(request.user, "challenges.view_keyfigure", org)
    challenge = _challenge_or_none(request, challenge_id)
    if challenge is not None:
        figures = selectors.challenge_key_figures(challenge=challenge)
    else:
        figures = selectors.organisation_key_figures(organisation=org, actor=request.user)
    ready = ready_figures(organisation=org)
    projection = projection_for(organisation=org)
    projected = projection_ready(projection=projection) if projection else None
    added = added_codes(organisation=org, challenge=challenge)
    context = {
        "challenge": challenge,
        "page": paginate(request, figures),
        "ready": ready,
        "ready_offered": [f for f in ready["figures"] if f.code not in added] if ready else [],
        "share_spec": population_share_spec(ready["series"]) if ready else None,
        "projected": projected,
        "projected_offered": [f for f in projected["figures"] if f.code not in added]
        if projected
        else [],
        "projection_spec": projection_spec(projected["rows"]) if projected else None,
        "may_change": request.user.has_perm("challenges.change_keyfigure", org),
        "may_import": request.user.has_perm(IMPORT_PERMISSION, org) and bool(org.number),
    }
    return render(request, "challenges/figure_list.html", context)


def figure_create(request, org_slug, challenge_id=None):
    org = request.organisation
    require(request.user, "challenges.change_keyfigure", org)
    challenge = _challenge_or_none(request, challenge_id)
    form = KeyFigureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.key_figure_create(
            actor=request.user, organisation=org, challenge=challenge, **form.cleaned_data
        )
        messages.success(request, _("The figure was added."))
        return redirect(_figures_url(org_slug, challenge))
    context = {
        "form": form,
        "challenge": challenge,
        "cancel_url": _figures_url(org_slug, challenge),
    }
    return render(request, "challenges/figure_form.html", context)


def figure_add_ready(request, org_slug, challenge_id=None):
    """Store one of the computed population figures as a KeyFigure."""
    org = request.organisation
    require(request.user, "challenges.change_keyfigure", org)
    challenge = _challenge_or_none(request, challenge_id)
    if not_allowed := post_only(request):
        return not_allowed
    form = ReadyFigureForm(request.POST)
    code = form.cleaned_data["code"] if form.is_valid() else ""
    figure, source = _computed(org, code)
    if figure is None:
        messages.error(request, _("That figure could not be computed. Please try again."))
    elif code in added_codes(organisation=org, challenge=challenge):
        messages.info(request, _("That figure has already been added."))
    else:
        services.key_figure_create(
            actor=request.user,
            organisation=org,
            challenge=challenge,
            label=figure.label,
            value=figure.value,
            unit=figure.unit,
            year=figure.year,
            source=source,
            computed_code=figure.code,
        )
        messages.success(request, _("The figure was added."))
    return redirect(_figures_url(org_slug, challenge))


def _computed(org, code: str):
    """The ready figure behind a code and its source line, or (None, "")."""
    if not code:
        return None, ""
    if code.split(":")[0] in PROJECTION_KINDS:
        figure = projection_figure(organisation=org, code=code)
        projection = projection_for(organisation=org) if figure else None
        if projection is None:
            return None, ""
        return figure, projection_source(
            projection.alternative, projection.first_year, projection.table
        )
    return ready_figure(organisation=org, code=code), str(POPULATION_SOURCE)


def figure_projection(request, org_slug):
    """Import the municipality's population projection and enter its care labour-years."""
    org = request.organisation
    require(request.user, IMPORT_PERMISSION, org)
    projection = projection_for(organisation=org)
    import_form = ProjectionImportForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and import_form.is_valid():
        try:
            projection_import(
                actor=request.user, organisation=org, upload=import_form.cleaned_data["file"]
            )
        except ProjectionFileError as exc:
            import_form.add_error("file", str(exc))
        else:
            messages.success(request, _("The projection was imported."))
            return redirect(_figures_url(org_slug) + "#projection-figures")
    return _projection_page(request, projection, import_form, _labour_form(projection))


def figure_labour_years(request, org_slug):
    org = request.organisation
    require(request.user, IMPORT_PERMISSION, org)
    if not_allowed := post_only(request):
        return not_allowed
    projection = projection_for(organisation=org)
    if projection is None:
        messages.error(request, _("Import a projection first."))
        return redirect("challenges:figure_projection", org_slug=org_slug)
    form = _labour_form(projection, request.POST)
    if form.is_valid():
        projection_set_labour_years(
            actor=request.user,
            projection=projection,
            labour_years=form.cleaned_data["labour_years"],
            year=form.cleaned_data["year"],
        )
        messages.success(request, _("The care labour-years were saved."))
        return redirect(_figures_url(org_slug) + "#projection-figures")
    return _projection_page(request, projection, ProjectionImportForm(), form)


def _labour_form(projection, data=None):
    if projection is None:
        return None
    initial = {
        "labour_years": projection.care_labour_years,
        "year": projection.care_labour_years_year or projection_ready(projection=projection)["now"],
    }
    return LabourYearsForm(data, years=projection.years, initial=initial)


def _projection_page(request, projection, import_form, labour_form):
    context = {
        "projection": projection,
        "projected": projection_ready(projection=projection) if projection else None,
        "import_form": import_form,
        "labour_form": labour_form,
        "cancel_url": _figures_url(request.organisation.slug),
    }
    return render(request, "challenges/figure_projection.html", context)


def figure_edit(request, org_slug, figure_id):
    figure = access_key_figure(request, figure_id, "challenges.change_keyfigure")
    form = KeyFigureForm(request.POST or None, instance=figure)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and form_save(
            form,
            lambda: services.key_figure_update(
                actor=request.user, figure=figure, **form.cleaned_data
            ),
        )
    )
    if saved:
        messages.success(request, _("The figure was saved."))
        return redirect(_figures_url(org_slug, figure.challenge))
    context = {
        "form": form,
        "figure": figure,
        "challenge": figure.challenge,
        "cancel_url": _figures_url(org_slug, figure.challenge),
    }
    return render(request, "challenges/figure_form.html", context, status=form_status(form))


def figure_delete(request, org_slug, figure_id):
    figure = access_key_figure(request, figure_id, "challenges.change_keyfigure")
    back = _figures_url(org_slug, figure.challenge)
    if request.method == "POST":
        services.key_figure_delete(actor=request.user, figure=figure)
        messages.success(request, _("The figure was deleted."))
        return redirect(back)
    return render(request, "includes/confirm_delete.html", {"object": figure, "cancel_url": back})
