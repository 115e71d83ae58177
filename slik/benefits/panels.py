"""The benefits' sections on the case page (registered in `slik.cases.panels`), and the cards of
a case's benefits they show (the case's list of benefits shows the same cards)."""

from html import escape

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from slik.core import formats
from slik.core.links import link_maker
from slik.core.seed import seed_text

from .models import Benefit
from .selectors import benefits_for_case, map_has_miracles


def case_benefits_panel(request, case) -> str | None:
    if not request.user.has_perm("benefits.view_benefit", case):
        return None
    benefits = benefits_for_case(organisation=request.organisation, case=case)
    context = {
        "case": case,
        "benefit_cards": benefit_cards(benefits, org_slug=request.organisation.slug),
        # The map for its miracle flag alone; the map and its drawing live on the map page
        # (running Graphviz on every case view is too slow).
        "map_has_miracles": map_has_miracles(case=case, benefits=benefits),
    }
    return render_to_string("benefits/includes/case_panel.html", context, request=request)


# A benefit's card as includes/case_benefits.html wrote it per benefit, written here in one go:
# the template's lookups, filters, translations and a `{% url %}` per benefit and indicator
# were most of the panel. `test_benefit_cards_are_the_template_cards` compares the two.
_CARD = (
    '\n  <article class="slik-card" id="benefit-{pk}">\n'
    '    <h3 class="ds-heading" data-size="sm"><a class="ds-link" href="{url}">{title}</a>'
    "{disbenefit}</h3>\n"
    '    <dl class="slik-dl">\n'
    "      <dt>{status_label}</dt><dd>{status} · {progress}</dd>\n"
    "      <dt>{category_label}</dt><dd>{category}</dd>\n"
    "      <dt>{responsible_label}</dt><dd>{responsible}</dd>\n"
    "    </dl>\n    {indicators}\n    {pitfalls}\n  </article>\n  "
)
_TABLE = (
    '\n    <div class="slik-table-wrap">\n    <table class="ds-table" data-size="sm">\n'
    "      <caption>{caption}</caption>\n"
    "      <thead><tr>\n"
    '        <th scope="col">{indicator}</th>\n'
    '        <th scope="col" class="slik-number">{baseline}</th>\n'
    '        <th scope="col" class="slik-number">{target}</th>\n'
    '        <th scope="col" class="slik-number">{latest}</th>\n'
    '        <th scope="col" class="slik-number">{achieved}</th>\n'
    "      </tr></thead>\n"
    "      <tbody>{rows}\n      </tbody>\n    </table>\n    </div>\n    "
)
_ROW = (
    "\n        <tr>\n"
    '          <th scope="row"><a class="ds-link" href="{url}">{name}</a> ({unit})</th>\n'
    '          <td class="slik-number">{baseline}</td>\n'
    '          <td class="slik-number">{target}</td>\n'
    '          <td class="slik-number">{latest}</td>\n'
    '          <td class="slik-number">{achieved}</td>\n'
    "        </tr>"
)
_PITFALLS = (
    '\n    <div class="ds-alert" data-color="warning">\n'
    '      <p class="ds-paragraph"><strong>{warnings}</strong></p>\n'
    '      <ul class="ds-list">{items}</ul>\n    </div>\n    '
)


def _number(value) -> str:
    """`{{ value|number|default:"–" }}`."""
    return formats.format_number(value) if formats.is_finite(value) else formats.EMPTY


def _percent(value) -> str:
    """`{% if value is not None %}{{ value|percent:0 }}{% else %}–{% endif %}`."""
    if value is None:
        return formats.EMPTY
    return escape(formats.format_percent(value, 0)) if formats.is_finite(value) else ""


def _labels() -> dict[str, str]:
    """The card's fixed texts, translated and escaped once per page."""
    texts = {
        "status_label": _("Status"),
        "category_label": _("Category"),
        "responsible_label": _("Benefit responsible"),
        "indicator": _("Indicator"),
        "baseline": _("Baseline"),
        "target": _("Target"),
        "latest": _("Latest"),
        "achieved": _("Achieved"),
    }
    return {key: escape(text) for key, text in texts.items()}


def _indicator_table(benefit, labels: dict, indicator_url) -> str:
    if not benefit.indicator_list:
        return ""
    rows = "".join(
        _ROW.format(
            url=escape(indicator_url(indicator.pk)),
            name=escape(indicator.name),
            unit=escape(indicator.unit),
            baseline=escape(_number(indicator.baseline_value)),
            target=escape(_number(indicator.target_value)),
            latest=escape(_number(indicator.latest_value)),
            achieved=_percent(indicator.achievement_percent),
        )
        for indicator in benefit.indicator_list
    )
    # `{% blocktranslate with title=… %}`: the value escaped, the translation as it is.
    caption = _("Indicators of “%(title)s”") % {"title": escape(benefit.title)}
    return _TABLE.format(caption=caption, rows=rows, **labels)


def _pitfall_list(benefit) -> str:
    if not benefit.pitfalls:
        return ""
    items = "".join(
        f'<li data-pitfall="{escape(p.code)}">{escape(p.label)}: {escape(p.message)}</li>'
        for p in benefit.pitfalls
    )
    return _PITFALLS.format(warnings=escape(_("Warnings")), items=items)


def benefit_cards(benefits, *, org_slug: str) -> SafeString:
    """The cards of `benefits` (from `selectors.benefits_for_case`), or the text for a case
    without benefits; the links from one `reverse()` per kind."""
    if not benefits:
        text = _(
            "No benefits have been identified for this case yet. Describe what should get "
            "better, for whom, and how you will know."
        )
        none = f'\n  <p class="ds-paragraph" id="no-case-benefits">{escape(text)}</p>\n  '
        return mark_safe(none)  # noqa: S308 – the text is escaped
    labels = _labels()
    benefit_url = link_maker("benefits:benefit", id_name="benefit_id", org_slug=org_slug)
    indicator_url = link_maker("benefits:indicator", id_name="indicator_id", org_slug=org_slug)
    statuses = {value: escape(str(label)) for value, label in Benefit.Status.choices}
    progress = {value: escape(str(label)) for value, label in Benefit.Progress.choices}
    disbenefit = (
        ' <span class="ds-tag" data-color="warning">' + escape(_("Dis-benefit")) + "</span>"
    )
    cards = (
        _CARD.format(
            pk=benefit.pk,
            url=escape(benefit_url(benefit.pk)),
            title=escape(benefit.title),
            disbenefit=disbenefit if benefit.is_disbenefit else "",
            status=statuses.get(benefit.status, escape(str(benefit.status))),
            progress=progress.get(benefit.progress, escape(str(benefit.progress))),
            category=escape(
                seed_text(benefit.category.name if benefit.category else "") or formats.EMPTY
            ),
            responsible=escape(
                (benefit.responsible.full_name if benefit.responsible else "") or formats.EMPTY
            ),
            indicators=_indicator_table(benefit, labels, indicator_url),
            pitfalls=_pitfall_list(benefit),
            **labels,
        )
        for benefit in benefits
    )
    return mark_safe("".join(cards))  # noqa: S308 – every value above is escaped
