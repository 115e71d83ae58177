"""Board meetings (porteføljeråd): list, meeting page, agenda and the decision per case."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from slik.cases.models import Case, GateDecision, Phase
from slik.core.concurrency import form_save, form_status, reload_hidden
from slik.core.links import link_maker
from slik.core.pagination import paginate
from slik.organisations.access import post_only, require

from ..forms.board import AgendaAddForm, AgendaDecisionForm, BoardFilterForm, BoardMeetingForm
from ..models import AgendaItem
from ..selectors import board as selectors
from ..services import board as services
from ..services import board_checks as checks
from .access import access_meeting
from .rows import agenda_table_rows, choice_labels, meeting_table_rows

VIEW = "portfolio.view_board_meeting"
CHANGE = "portfolio.change_board_meeting"


def meeting_url(org_slug, meeting_id):
    return reverse(
        "portfolio:board_detail", kwargs={"org_slug": org_slug, "meeting_id": meeting_id}
    )


def minutes_url(org_slug, meeting_id, file_format: str) -> str:
    """The minutes rendered by the reports app (its `board_minutes` definition)."""
    url = reverse(
        "reports:render",
        kwargs={"org_slug": org_slug, "key": "board_minutes", "file_format": file_format},
    )
    return f"{url}?meeting_id={meeting_id}"


def _item(meeting, item_id) -> AgendaItem:
    try:
        return selectors.agenda_item_in_meeting(meeting=meeting, item_id=item_id)
    except (AgendaItem.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def board_list(request, org_slug):
    require(request.user, VIEW, request.organisation)
    filter_form = BoardFilterForm(request.GET or None)
    filters = filter_form.cleaned_data if filter_form.is_valid() else {}
    meetings = selectors.board_meetings(
        organisation=request.organisation,
        query=filters.get("q", ""),
        closed=filters.get("closed", ""),
    )
    page = paginate(request, meetings)
    context = {
        "filter_form": filter_form,
        "page": page,
        "rows": meeting_table_rows(page, org_slug),
        "may_change": request.user.has_perm(CHANGE, request.organisation),
    }
    return render(request, "portfolio/board_list.html", context)


@require_http_methods(["GET", "POST"])
def board_create(request, org_slug):
    require(request.user, CHANGE, request.organisation)
    form = BoardMeetingForm(request.POST or None, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.board_meeting_create(
                actor=request.user, organisation=request.organisation, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The meeting was created. Add cases to the agenda."))
            return redirect(meeting_url(org_slug, meeting.pk))
    cancel_url = reverse("portfolio:board_list", kwargs={"org_slug": org_slug})
    return render(request, "portfolio/board_form.html", {"form": form, "cancel_url": cancel_url})


@require_http_methods(["GET", "POST"])
def board_edit(request, org_slug, meeting_id):
    meeting = access_meeting(request, meeting_id, CHANGE)
    form = BoardMeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form_save(
            form,
            lambda: services.board_meeting_update(actor=request.user, meeting=meeting, **data),
        ):
            messages.success(request, _("The meeting was saved."))
            return redirect(meeting_url(org_slug, meeting.pk))
    context = {"form": form, "meeting": meeting, "cancel_url": meeting_url(org_slug, meeting.pk)}
    return render(request, "portfolio/board_form.html", context, status=form_status(form))


def _gate_url(org_slug, row) -> str:
    kwargs = {"org_slug": org_slug, "case_id": row.case_id, "gate_id": row.gate_id}
    return reverse("cases:gate_detail", kwargs=kwargs)


def agenda_items(org_slug, meeting, rows: list[selectors.AgendaRow]) -> list[dict]:
    """The agenda as the table shows it: each item's addresses (one reverse() per column) and
    labels (each translated once)."""
    case_url = link_maker("cases:detail", id_name="case_id", org_slug=org_slug)
    item_urls = {
        name: link_maker(
            f"portfolio:agenda_{name}", id_name="item_id", org_slug=org_slug, meeting_id=meeting.pk
        )
        for name in ("decide", "move", "remove")
    }
    phases, statuses = choice_labels(Phase.choices), choice_labels(Case.Status.choices)
    decisions = choice_labels(AgendaItem.Decision.choices)
    gate_decisions = choice_labels(GateDecision.Decision.choices)
    return [
        {
            "pk": row.id,
            "decision": row.decision,
            "comment": row.comment,
            "case_title": row.case_title,
            "case_url": case_url(row.case_id),
            "case_label": f"{row.case_phase}. {phases.get(row.case_phase, row.case_phase)}",
            "case_status_label": statuses.get(row.case_status, row.case_status),
            "decision_label": decisions.get(row.decision, row.decision),
            "urls": {name: url(row.id) for name, url in item_urls.items()},
            "gate_url": _gate_url(org_slug, row) if row.gate_id else "",
            "gate_label": gate_decisions.get(row.gate_decision, row.gate_decision),
        }
        for row in rows
    ]


def board_detail(request, org_slug, meeting_id, add_form=None):
    meeting = access_meeting(request, meeting_id)
    may_manage = request.user.has_perm(CHANGE, meeting)
    may_change = may_manage and not checks.meeting_open_refusal(meeting)
    rows = selectors.agenda_rows(meeting=meeting)
    has_decisions = any(row.decision for row in rows)
    if add_form is None and may_change:
        shown = selectors.agenda_candidate_rows(organisation=request.organisation, agenda=rows)
        add_form = AgendaAddForm(shown=shown)
    items = agenda_items(org_slug, meeting, rows)
    context = {
        "meeting": meeting,
        "items": items,
        "agenda_rows": agenda_table_rows(items, may_change=may_change, csrf=get_token(request)),
        "may_change": may_change,
        "may_delete": may_manage
        and not checks.meeting_delete_refusal(meeting, has_decisions=has_decisions),
        "add_form": add_form,
        "minutes_docx": minutes_url(org_slug, meeting.pk, "docx"),
        "minutes_pdf": minutes_url(org_slug, meeting.pk, "pdf"),
        "history": selectors.meeting_history(meeting=meeting),
    }
    return render(request, "portfolio/board_detail.html", context)


@require_http_methods(["GET", "POST"])
def board_delete(request, org_slug, meeting_id):
    meeting = access_meeting(request, meeting_id, CHANGE)
    if request.method == "POST":
        try:
            services.board_meeting_delete(actor=request.user, meeting=meeting)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect(meeting_url(org_slug, meeting.pk))
        messages.success(request, _("The meeting was deleted."))
        return redirect("portfolio:board_list", org_slug=org_slug)
    context = {"object": meeting, "cancel_url": meeting_url(org_slug, meeting.pk)}
    return render(request, "includes/confirm_delete.html", context)


@require_http_methods(["GET", "POST"])
def board_close(request, org_slug, meeting_id):
    meeting = access_meeting(request, meeting_id, CHANGE)
    if request.method == "POST":
        try:
            services.board_meeting_close(actor=request.user, meeting=meeting)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The minutes are approved."))
        return redirect(meeting_url(org_slug, meeting.pk))
    items = selectors.agenda_items(meeting=meeting)
    context = {
        "meeting": meeting,
        "undecided": [item for item in items if not item.decision],
        "cancel_url": meeting_url(org_slug, meeting.pk),
    }
    return render(request, "portfolio/board_close.html", context)


def agenda_add(request, org_slug, meeting_id):
    meeting = access_meeting(request, meeting_id, CHANGE)
    if refused := post_only(request):
        return refused
    candidates = selectors.agenda_candidates(organisation=request.organisation, meeting=meeting)
    form = AgendaAddForm(request.POST, candidates=candidates)
    if form.is_valid():
        try:
            services.agenda_item_add(
                actor=request.user, meeting=meeting, case=form.cleaned_data["case"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The case was added to the agenda."))
            return redirect(meeting_url(org_slug, meeting.pk) + "#agenda")
    return board_detail(request, org_slug, meeting.pk, add_form=form)


def agenda_move(request, org_slug, meeting_id, item_id):
    meeting = access_meeting(request, meeting_id, CHANGE)
    item = _item(meeting, item_id)
    if refused := post_only(request):
        return refused
    try:
        services.agenda_item_move(
            actor=request.user, item=item, up=request.POST.get("direction") == "up"
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect(meeting_url(org_slug, meeting.pk) + "#agenda")


@require_http_methods(["GET", "POST"])
def agenda_remove(request, org_slug, meeting_id, item_id):
    meeting = access_meeting(request, meeting_id, CHANGE)
    item = _item(meeting, item_id)
    if request.method == "POST":
        try:
            services.agenda_item_remove(actor=request.user, item=item)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The case was removed from the agenda."))
        return redirect(meeting_url(org_slug, meeting.pk) + "#agenda")
    context = {"object": item.case, "cancel_url": meeting_url(org_slug, meeting.pk)}
    return render(request, "portfolio/board_item_remove.html", context)


@require_http_methods(["GET", "POST"])
def agenda_decide(request, org_slug, meeting_id, item_id):
    meeting = access_meeting(request, meeting_id, CHANGE)
    item = _item(meeting, item_id)
    if refusal := checks.meeting_open_refusal(meeting) or checks.item_decided_refusal(item):
        messages.info(request, refusal)
        return redirect(meeting_url(org_slug, meeting.pk))
    form = AgendaDecisionForm(request.POST or None, case=item.case)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form_save(
            form, lambda: services.agenda_item_decide(actor=request.user, item=item, **data)
        ):
            messages.success(request, _("The decision was recorded in the case's decision log."))
            return redirect(meeting_url(org_slug, meeting.pk) + "#agenda")
        if form.stale:  # show the checks for the case as it is now
            item = _item(meeting, item_id)
            reload_hidden(form, expected_phase=item.case.phase, expected_status=item.case.status)
    context = {
        "meeting": meeting,
        "item": item,
        "case": item.case,
        "form": form,
        "checks": checks.agenda_decision_checks(item=item),
        "is_future": bool(checks.decision_date_refusal(meeting)),
        "cancel_url": meeting_url(org_slug, meeting.pk),
    }
    return render(request, "portfolio/board_decide.html", context, status=form_status(form))
