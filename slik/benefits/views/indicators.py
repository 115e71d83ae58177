"""Indicators of a benefit, their measurements, and the indicator page ("the truth")."""

from html import escape

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from slik.core import formats
from slik.core.concurrency import form_save, form_status
from slik.core.links import link_maker
from slik.core.pagination import paginate

from .. import services, statistics
from ..charts import indicator_chart_spec, xmr_chart_spec
from ..forms import IndicatorForm, MeasurementForm
from ..forms.periods import LimitPeriodForm
from ..measurement_series import limit_period_starts, measurement_series
from ..services import periods
from ..truth import outside_count_sentence, rule_labels, series_truth, trend_sentence
from . import indicator_text
from .access import access_benefit, access_indicator, access_measurement
from .benefits import benefit_url


def indicator_url(org_slug, indicator_id):
    return reverse(
        "benefits:indicator", kwargs={"org_slug": org_slug, "indicator_id": indicator_id}
    )


def _save_indicator(request, form, benefit, indicator=None):
    data = {k: v for k, v in form.cleaned_data.items() if k in IndicatorForm.base_fields}
    if indicator is None:
        return form_save(
            form, lambda: services.indicator_create(actor=request.user, benefit=benefit, **data)
        )
    version = form.cleaned_data.get("version")
    return form_save(
        form,
        lambda: services.indicator_update(
            actor=request.user, indicator=indicator, version=version, **data
        ),
    )


def indicator_create(request, org_slug, benefit_id):
    benefit = access_benefit(request, benefit_id, "benefits.change_benefit")
    form = IndicatorForm(request.POST or None)
    valid = request.method == "POST" and form.is_valid()
    if valid and (indicator := _save_indicator(request, form, benefit)):
        messages.success(request, _("The indicator was added."))
        return redirect(indicator_url(org_slug, indicator.pk))
    context = {"form": form, "benefit": benefit, "cancel_url": benefit_url(org_slug, benefit.pk)}
    return render(request, "benefits/indicator_form.html", context)


def indicator_edit(request, org_slug, indicator_id):
    indicator = access_indicator(request, indicator_id, "benefits.change_benefit")
    form = IndicatorForm(
        request.POST or None,
        initial=IndicatorForm.initial_from(indicator),
        version=indicator.version,
    )
    valid = request.method == "POST" and form.is_valid()
    if valid and _save_indicator(request, form, indicator.benefit, indicator):
        messages.success(request, _("The indicator was saved."))
        return redirect(indicator_url(org_slug, indicator.pk))
    context = {
        "form": form,
        "benefit": indicator.benefit,
        "indicator": indicator,
        "cancel_url": indicator_url(org_slug, indicator.pk),
    }
    return render(request, "benefits/indicator_form.html", context, status=form_status(form))


def indicator_delete(request, org_slug, indicator_id):
    indicator = access_indicator(request, indicator_id, "benefits.change_benefit")
    if request.method == "POST":
        services.indicator_delete(actor=request.user, indicator=indicator)
        messages.success(request, _("The indicator was deleted."))
        return redirect(benefit_url(org_slug, indicator.benefit_id))
    return render(
        request,
        "includes/confirm_delete.html",
        {"object": indicator, "cancel_url": indicator_url(org_slug, indicator.pk)},
    )


TABLE_PAGE_SIZE = 50


def _table(request, series, truth, *, may_record: bool):
    """The page of the table asked for (newest first), and its rows as markup. The chart shows
    every point; the table a page at a time, and only that page's rows are written.

    A row is what the template's row wrote (the `short_date` and `number` filters, a dozen
    lookups and `default`), written here in one go: ≈ 25 µs a row in the template, a fifth of
    the page. `test_table_rows_are_the_template_rows` compares. Dates and numbers are digits,
    spaces, commas and minus signs, which need no escaping; every other value is escaped."""
    page = paginate(request, range(len(series) - 1, -1, -1), per_page=TABLE_PAGE_SIZE)
    labels = {code: escape(text) for code, text in rule_labels().items()}
    delete_url = link_maker(
        "benefits:measurement_delete",
        id_name="measurement_id",
        org_slug=request.organisation.slug,
    )
    in_baseline = ' <span class="slik-muted">(' + escape(_("baseline period")) + ")</span>"
    delete_label = escape(_("Delete"))
    rows = []
    for index in page:
        row = series[index]
        date = formats.format_date(row.measured_on)
        rules = "; ".join([labels[code] for code in truth.point_rules[index]]) or formats.EMPTY
        delete = (
            f'<td><a class="ds-link" href="{escape(delete_url(row.pk))}">{delete_label}'
            f'<span class="ds-sr-only"> {date}</span></a></td>'
            if may_record
            else ""
        )
        rows.append(
            f'\n        <tr>\n          <th scope="row">{date}'
            f"{in_baseline if truth.point_in_baseline[index] else ''}</th>\n"
            f'          <td class="slik-number">{formats.format_number(row.value)}</td>\n'
            f"          <td>{rules}</td>\n"
            f"          <td>{escape(row.comment)}</td>\n"
            f"          <td>{escape(row.recorded_by_name or formats.EMPTY)}</td>\n"
            f"          {delete}\n        </tr>"
        )
    return page, mark_safe("".join(rows))  # noqa: S308 – every value above is escaped


def indicator_detail(request, org_slug, indicator_id):
    """The truth: chart against baseline and target, achievement, trend and signal vs noise.
    Two queries whatever the number of measurements (the indicator, its series)."""
    indicator = access_indicator(request, indicator_id)
    series = measurement_series(indicator=indicator)
    starts = limit_period_starts(indicator=indicator)
    truth = series_truth(indicator, series.dates, series.values, starts)
    benefit = indicator.benefit
    may_record = request.user.has_perm("benefits.record_measurement", benefit)
    may_change = request.user.has_perm("benefits.change_benefit", benefit)
    table_page, table_rows = _table(request, series, truth, may_record=may_record)
    context = {
        "indicator": indicator,
        "benefit": benefit,
        "case": benefit.case,
        "measurements": series,
        "table_page": table_page,
        "table_rows": table_rows,
        "truth": truth,
        "facts_html": indicator_text.facts(indicator, truth, trend_sentence(truth, indicator.unit)),
        "verdict_html": indicator_text.verdict(truth, outside_count_sentence(truth)),
        "chart_spec": indicator_chart_spec(indicator, truth),
        "xmr_spec": xmr_chart_spec(indicator, truth),
        "may_change": may_change,
        "may_record": may_record,
        "form": MeasurementForm(indicator=indicator) if may_record else None,
        "period_starts": starts,
    }
    return render(request, "benefits/indicator_detail.html", context)


def limit_period_start(request, org_slug, indicator_id):
    """Start a new period of the control chart from a chosen date (after a sustained shift)."""
    indicator = access_indicator(request, indicator_id, "benefits.change_benefit")
    form = LimitPeriodForm(request.POST or None, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            period = periods.limit_period_start(
                actor=request.user, indicator=indicator, **form.cleaned_data
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(
                request,
                _("A new period starts on %(date)s; its noise limits are its own.")
                % {"date": formats.format_date(period.starts_on)},
            )
            return redirect(indicator_url(org_slug, indicator.pk))
    context = {
        "form": form,
        "indicator": indicator,
        "benefit": indicator.benefit,
        "minimum": statistics.MIN_BASELINE_POINTS,
        "cancel_url": indicator_url(org_slug, indicator.pk),
    }
    return render(request, "benefits/indicator_period_form.html", context)


def limit_period_undo(request, org_slug, indicator_id):
    """Remove the latest period, so the limits before it apply again."""
    indicator = access_indicator(request, indicator_id, "benefits.change_benefit")
    latest = periods.limit_period_latest(indicator=indicator)
    back = indicator_url(org_slug, indicator.pk)
    if latest is None:
        messages.info(request, _("There is no new period to remove."))
        return redirect(back)
    if request.method == "POST":
        periods.limit_period_undo(actor=request.user, indicator=indicator)
        messages.success(
            request,
            _("The period from %(date)s was removed; the limits before it apply again.")
            % {"date": formats.format_date(latest.starts_on)},
        )
        return redirect(back)
    context = {"indicator": indicator, "benefit": indicator.benefit, "period": latest}
    return render(request, "benefits/indicator_period_undo.html", {**context, "cancel_url": back})


def measurement_create(request, org_slug, indicator_id):
    indicator = access_indicator(request, indicator_id, "benefits.record_measurement")
    form = MeasurementForm(request.POST or None, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        choice = data.pop("on_existing")
        if choice == MeasurementForm.KEEP:
            messages.info(request, _("The value on record was kept; nothing was saved."))
            return redirect(indicator_url(org_slug, indicator.pk))
        replace = choice == MeasurementForm.REPLACE
        try:
            services.measurement_record(
                actor=request.user, indicator=indicator, replace=replace, **data
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            form.offer_choice()  # someone recorded the date in the meantime
        else:
            done = _("The value on record was replaced.") if replace and form.existing else None
            messages.success(request, done or _("The measurement was recorded."))
            return redirect(indicator_url(org_slug, indicator.pk))
    context = {
        "form": form,
        "indicator": indicator,
        "benefit": indicator.benefit,
        "cancel_url": indicator_url(org_slug, indicator.pk),
    }
    return render(request, "benefits/measurement_form.html", context)


def measurement_delete(request, org_slug, measurement_id):
    measurement = access_measurement(request, measurement_id, "benefits.record_measurement")
    back = indicator_url(org_slug, measurement.indicator_id)
    if request.method == "POST":
        services.measurement_delete(actor=request.user, measurement=measurement)
        messages.success(request, _("The measurement was deleted."))
        return redirect(back)
    return render(
        request, "includes/confirm_delete.html", {"object": measurement, "cancel_url": back}
    )
