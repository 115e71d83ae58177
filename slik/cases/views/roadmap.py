from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from slik.core.concurrency import form_save, form_status
from slik.organisations.access import access_in_tenant, require

from .. import selectors, services
from ..forms import GateSettingsForm, RoadmapForm
from ..models import Phase, RoadmapTemplate


def _page(request, template):
    versions = selectors.roadmap_versions(request.organisation)
    grouped = selectors.steps_by_phase(template)
    context = {
        "template": template,
        "versions": versions,
        "phases": [(value, label, grouped[value]) for value, label in Phase.choices],
        "may_change": request.user.has_perm("cases.change_roadmap", request.organisation),
    }
    return render(request, "cases/roadmap.html", context)


def roadmap(request, org_slug):
    require(request.user, "cases.view_roadmap", request.organisation)
    return _page(request, services.latest_template(request.organisation))


def roadmap_version(request, org_slug, template_id):
    require(request.user, "cases.view_roadmap", request.organisation)
    template = access_in_tenant(
        request, RoadmapTemplate.objects.all(), view="cases.view_roadmap", pk=template_id
    )
    return _page(request, template)


@require_http_methods(["GET", "POST"])
def roadmap_edit(request, org_slug):
    require(request.user, "cases.change_roadmap", request.organisation)
    latest = services.latest_template(request.organisation)
    form = RoadmapForm(
        request.POST or None,
        steps_by_phase=selectors.steps_by_phase(latest),
        version=latest.version,
    )
    template = (
        request.method == "POST"
        and form.is_valid()
        and form_save(
            form,
            lambda: services.roadmap_template_save(
                actor=request.user,
                organisation=request.organisation,
                steps_by_phase=form.steps(),
                note=form.cleaned_data["note"],
                version=form.cleaned_data["version"],
            ),
        )
    )
    if template:
        messages.success(
            request,
            _("Version %(version)s of the roadmap was saved. Running cases keep their version.")
            % {"version": template.version},
        )
        return redirect("cases:roadmap", org_slug=org_slug)
    if form.conflict:
        latest = services.latest_template(request.organisation)
    context = {"form": form, "latest": latest}
    return render(request, "cases/roadmap_form.html", context, status=form_status(form))


@require_http_methods(["GET", "POST"])
def gate_settings(request, org_slug):
    require(request.user, "cases.change_roadmap", request.organisation)
    initial = {"readiness": services.gate_settings_mode(request.organisation)}
    form = GateSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = form_save(
            form,
            lambda: services.gate_settings_save(
                actor=request.user,
                organisation=request.organisation,
                readiness=form.cleaned_data["readiness"],
            ),
        )
        if saved:
            messages.success(request, _("The gate settings were saved."))
            return redirect("cases:roadmap", org_slug=org_slug)
    return render(request, "cases/gate_settings.html", {"form": form})
