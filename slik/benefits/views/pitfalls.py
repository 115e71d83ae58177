"""The pitfall list: every pitfall of the organisation's open benefits, a page at a time."""

from html import escape

from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods

from slik.core.links import link_maker
from slik.core.pagination import paginate
from slik.core.plain import PlainFieldsMixin
from slik.organisations.access import require

from ..filters import PitfallFilterForm
from ..pitfalls import PITFALL_TYPES
from ..selectors import case_choices, organisation_pitfalls
from .overview import overview_nav


class PitfallFilters(PlainFieldsMixin, PitfallFilterForm):
    """The filter bar written in Python (`PlainFieldsMixin`): the form templates were a
    quarter of the page."""


@require_http_methods(["GET"])
def pitfall_list(request, org_slug):
    """The database finds the pitfalls; only the page shown is made into objects."""
    org = request.organisation
    require(request.user, "benefits.view_overview", org)
    filter_form = PitfallFilters(
        request.GET, cases=case_choices(actor=request.user, organisation=org)
    )
    filters = filter_form.filters()
    pitfalls = organisation_pitfalls(organisation=org, case=filters["case"], code=filters["code"])
    page = paginate(request, pitfalls)
    context = {
        "filter_form": filter_form,
        "page": page,
        "rows": pitfall_rows(page.object_list, org.slug),
        "nav": overview_nav(request),
    }
    return render(request, "benefits/pitfalls.html", context)


def pitfall_rows(pitfalls, org_slug: str) -> str:
    """The table rows of a page of pitfalls, written here rather than by the template (a row
    cost ≈ 25 µs of template lookups): the benefit links come from one `reverse`, the pitfall
    names are translated and escaped once per page, and each value is escaped once
    (`html.escape` writes what the template's autoescape writes)."""
    benefit_url = link_maker("benefits:benefit", id_name="benefit_id", org_slug=org_slug)
    labels = {code: escape(str(label)) for code, label in PITFALL_TYPES.items()}
    rows = [
        f'\n    <tr data-pitfall="{escape(pitfall.code)}">\n'
        f'      <th scope="row">{labels[pitfall.code]}</th>\n'
        f'      <td><a class="ds-link" href="{escape(benefit_url(pitfall.benefit.pk))}">'
        f"{escape(pitfall.benefit.title)}</a></td>\n"
        f"      <td>{escape(pitfall.benefit.case.title)}</td>\n"
        f"      <td>{escape(pitfall.message)}</td>\n    </tr>"
        for pitfall in pitfalls
    ]
    return mark_safe("".join(rows))  # noqa: S308 – every value above is escaped
