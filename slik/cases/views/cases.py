from html import escape

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from slik.accounts.people import USER_LABEL_FIELDS, user_label
from slik.challenges.models import Challenge
from slik.challenges.services import challenge_allowed_statuses
from slik.core.concurrency import form_save, form_status
from slik.core.links import link_maker
from slik.core.pagination import counted_page
from slik.organisations.access import post_only, require

from .. import selectors, services
from ..filters import CaseFilterForm
from ..forms import CaseForm
from ..models import Case, Phase
from ..panels import create_warnings, panel_keys
from . import markup
from .access import access_case


def case_list(request, org_slug):
    organisation = request.organisation
    require(request.user, "organisations.view_organisation", organisation)
    filter_form = CaseFilterForm(request.GET, actor=request.user, organisation=organisation)
    cases = selectors.case_list(
        actor=request.user, organisation=organisation, filters=filter_form.filters()
    )
    page = counted_page(request, cases)
    context = {
        "page": page,
        "rows": _case_rows(page.object_list, org_slug),
        "filter_form": filter_form,
        "may_add": request.user.has_perm("cases.add_case", organisation),
    }
    return render(request, "cases/case_list.html", context)


def _case_rows(cases, org_slug: str) -> str:
    """The table rows of the list (tuples of `selectors.CASE_LIST_COLUMNS`), written here
    rather than by the template: a row cost ≈ 0.1 ms of template lookups, filters and number
    localisation. The links come from one `reverse`, the phase and status names are translated
    and escaped once per page, and each value is escaped once (`html.escape` writes what the
    template's autoescape writes)."""
    detail = link_maker("cases:detail", id_name="case_id", org_slug=org_slug)
    phases = {value: escape(f"{value}. {label}") for value, label in Phase.choices}
    statuses = {value: escape(str(label)) for value, label in Case.Status.choices}
    published = ' <span class="ds-tag" data-size="sm">' + escape(_("Published")) + "</span>"
    today = timezone.localdate()
    rows = []
    for pk, title, is_published, phase, status, *owner, since in cases:
        rows.append(
            f'<tr>\n    <th scope="row"><a class="ds-link" href="{escape(detail(pk))}">'
            f"{escape(title)}</a>{published if is_published else ''}</th>\n"
            f"    <td>{phases[phase]}</td>\n    <td>{statuses[status]}</td>\n"
            f"    <td>{escape(user_label(*owner)) if owner[1] is not None else '–'}</td>\n"
            f'    <td class="slik-number">{"–" if since is None else (today - since).days}</td>\n'
            "  </tr>"
        )
    return mark_safe("".join(rows))  # noqa: S308 – every value above is escaped


def _save_case(request, form, *, case=None, source_challenge=None):
    data = dict(form.cleaned_data)
    challenges = data.pop("challenges")
    copy_stakeholders = data.pop("copy_stakeholders", False)
    if case is None:
        return form_save(
            form,
            lambda: services.case_create(
                actor=request.user,
                organisation=request.organisation,
                challenges=challenges,
                stakeholders_from=source_challenge if copy_stakeholders else None,
                **data,
            ),
        )
    return form_save(
        form,
        lambda: services.case_update(actor=request.user, case=case, challenges=challenges, **data),
    )


@require_http_methods(["GET", "POST"])
def case_create(request, org_slug):
    require(request.user, "cases.add_case", request.organisation)
    # `?floke=<id>`: the case is made from that floke («Create case from this floke»).
    source = selectors.source_challenge(
        actor=request.user, organisation=request.organisation, challenge_id=request.GET.get("floke")
    )
    extra = {}
    if source is not None:
        extra = {
            "source_challenge": source,
            "stakeholder_count": selectors.challenge_stakeholder_count(source),
            "initial": {"challenges": [source.pk]},
        }
    form = CaseForm(request.POST or None, organisation=request.organisation, **extra)
    if request.method == "POST" and form.is_valid():
        case = _save_case(request, form, source_challenge=source)
        if case is not None:
            messages.success(request, _("The case was created."))
            return redirect("cases:detail", org_slug=org_slug, case_id=case.pk)
    context = {
        "form": form,
        "case": None,
        "source_challenge": source,
        "warnings": create_warnings(request.organisation),
    }
    return render(request, "cases/case_form.html", context)


@require_http_methods(["GET", "POST"])
def case_edit(request, org_slug, case_id):
    case = access_case(request, case_id, "cases.change_case")
    form = CaseForm(request.POST or None, instance=case, organisation=request.organisation)
    saved = request.method == "POST" and form.is_valid() and _save_case(request, form, case=case)
    if saved:
        messages.success(request, _("The case was saved."))
        return redirect("cases:detail", org_slug=org_slug, case_id=case.pk)
    context = {"form": form, "case": case}
    return render(request, "cases/case_form.html", context, status=form_status(form))


def case_detail(request, org_slug, case_id):
    """The top of the case page; the records, the team, the stakeholders and the history
    (views/sections.py) and other apps' panels load after it."""
    user, organisation = request.user, request.organisation
    case = selectors.case_page(actor=user, organisation=organisation, case_id=case_id)
    require(user, "cases.view_case", case)
    floker = selectors.case_floker(case=case, actor=user, organisation=organisation)
    may_change = user.has_perm("cases.change_case", case)
    checklist = selectors.checklist_rows(case)
    checklist_url = (
        reverse("cases:checklist", kwargs={"org_slug": org_slug, "case_id": case.pk})
        if may_change
        else None
    )
    context = {
        "case": case,
        "owner": _person(case, "owner"),
        "leader": _person(case, "leader"),
        "phase_track": markup.phase_track(
            selectors.phase_track(case, selectors.case_periods(case))
        ),
        "checklist": checklist,
        "checklist_url": checklist_url,
        "checklist_items": markup.checklist_items(checklist, checklist_url),
        "floker": floker,
        "floke_offers": _in_work_offers(request, case, floker),
        "may_change": may_change,
        "may_decide": user.has_perm("cases.decide_gate", case)
        and services.case_accepts_decisions(case),
        "may_publish": user.has_perm("cases.publish_case", case),
        "may_history": user.has_perm("core.view_history", case),
        "panel_keys": panel_keys(),
    }
    return render(request, "cases/case_detail.html", context)


def _person(case, role: str) -> str | None:
    """The name of the case's owner or leader from the columns `selectors.case_page` reads."""
    if getattr(case, f"{role}_id") is None:
        return None
    return user_label(*(getattr(case, f"{role}_{name}") for name in USER_LABEL_FIELDS))


def _in_work_offers(request, case, floker) -> list:
    """The floker this running case works on that are still «Prioritised»: the page offers to
    move each to «In work» (the user confirms on the floke's status form; nothing changes by
    itself), where the user may make that move."""
    if case.status != Case.Status.ACTIVE:
        return []
    status_url = link_maker(
        "challenges:status", id_name="challenge_id", org_slug=request.organisation.slug
    )
    offers = []
    for floke in floker:
        if floke.status != Challenge.Status.PRIORITISED:
            continue
        allowed = challenge_allowed_statuses(actor=request.user, challenge=floke)
        if Challenge.Status.IN_WORK in allowed:
            floke.in_work_url = f"{status_url(floke.pk)}?status={Challenge.Status.IN_WORK}"
            offers.append(floke)
    return offers


def _ids(request, name) -> list[int]:
    return [int(pk) for pk in request.POST.getlist(name) if pk.isascii() and pk.isdigit()]


def _checklist_status(case, step_ids, done_ids) -> str:
    """What the live region under the checklist says after one box was ticked or unticked."""
    steps = {row["step"].pk: row["step"] for row in selectors.checklist_for(case)}
    named = [steps[pk] for pk in step_ids if pk in steps]
    if not named:
        return _(
            "The case has moved to %(phase)s since you opened the page; reload it to see the "
            "checklist of that phase."
        ) % {"phase": case.get_phase_display()}
    texts = [
        (
            _("“%(step)s” is marked as done.")
            if step.pk in done_ids
            else _("“%(step)s” is marked as not done.")
        )
        % {"step": step.text}
        for step in named
    ]
    return " ".join(texts)


def case_checklist(request, org_slug, case_id):
    case = access_case(request, case_id, "cases.change_case")
    if not_allowed := post_only(request):
        return not_allowed
    # `shown`: the steps this post is about (one box with htmx, the page's boxes without). A
    # post naming none changes none: setting the whole phase from an old or hand-made page
    # would untick what others ticked meanwhile.
    step_ids = _ids(request, "shown")
    done_ids = _ids(request, "done")
    services.case_checklist_set(
        actor=request.user, case=case, phase=case.phase, done_step_ids=done_ids, step_ids=step_ids
    )
    if request.htmx:
        status = _checklist_status(case, step_ids, set(done_ids))
        return render(request, "cases/case_detail.html#checklist_status", {"status": status})
    messages.success(request, _("The checklist was saved."))
    return redirect("cases:detail", org_slug=org_slug, case_id=case.pk)


@require_http_methods(["GET", "POST"])
def case_publish(request, org_slug, case_id):
    case = access_case(request, case_id, "cases.publish_case")
    if request.method == "POST":
        publish = request.POST.get("publish") == "1"
        services.case_publish(actor=request.user, case=case, is_published=publish)
        messages.success(
            request,
            _("The case is published to politicians.")
            if publish
            else _("The case is no longer published to politicians."),
        )
        return redirect("cases:detail", org_slug=org_slug, case_id=case.pk)
    return render(request, "cases/case_publish.html", {"case": case})
