"""The benefits realisation plan as an Excel workbook, in the layout municipalities know:
a header block, then one row per benefit × indicator; measurements on their own sheet.

Numbers and dates stay real cell types, each with a cell format that shows it as the page
does (`slik.core.formats`): the same decimals, thousands grouped, 29.11.2026. Excel draws a
format with the reader's own separators, so a Norwegian Excel shows `1 234,5`."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from slik.core.exports import safe_cell
from slik.core.formats import local_datetime, spreadsheet_format

PLAN_SHEET = "Gevinstrealiseringsplan"
MEASUREMENT_SHEET = "Målinger"
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
BOLD = Font(bold=True)


def _value(value):
    """Keep numbers and dates as real cell types; guard every text against formulas."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime.datetime):
        return local_datetime(value).date()
    return safe_cell(value)


def _write_row(sheet, row: int, values, *, bold: bool = False) -> None:
    for col, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=col, value=_value(value))
        if shown := spreadsheet_format(cell.value):
            cell.number_format = shown
        cell.alignment = Alignment(vertical="top", wrap_text=isinstance(cell.value, str))
        if bold:
            cell.font = BOLD
            cell.fill = HEADER_FILL


def _person(user) -> str:
    # str(): the name, the e-mail without one, "Deleted user" for an anonymised account.
    return str(user) if user else ""


def _header_block(data) -> list[tuple[str, object]]:
    case, plan = data.case, data.plan
    return [
        (_("Municipality"), str(data.organisation)),
        (_("Case"), case.title),
        (_("Date"), timezone.localdate()),
        (_("Case owner"), _person(case.owner)),
        (_("Project leader"), _person(case.leader)),
        (_("Rationale"), plan.rationale),
        (_("Goals"), plan.goals),
        (_("Main deliverables"), plan.main_deliverables),
        (_("Risks"), plan.risks),
    ]


def _plan_columns() -> list[str]:
    return [
        _("Benefit"), _("Category"), _("Description"), _("Beneficiary"),
        _("How the gain is taken out"),
        _("Benefit responsible"), _("Benefit owner"), _("Planned realisation date"), _("Status"),
        _("Indicator"), _("Unit"), _("Direction"), _("Baseline value"), _("Baseline date"),
        _("Target value"), _("Target date"), _("Data source"), _("Method"), _("Frequency"),
        _("Cost of measuring"),
    ]  # fmt: skip


def _benefit_cells(benefit) -> list:
    return [
        benefit.title,
        benefit.category.name if benefit.category else "",
        benefit.description,
        benefit.beneficiary,
        benefit.get_realisation_display(),
        _person(benefit.responsible),
        _person(benefit.owner),
        benefit.planned_realisation_on,
        benefit.get_status_display(),
    ]


def _indicator_cells(indicator) -> list:
    if indicator is None:
        return [""] * 11
    return [
        indicator.name,
        indicator.unit,
        indicator.get_direction_display(),
        indicator.baseline_value,
        indicator.baseline_on,
        indicator.target_value,
        indicator.target_on,
        indicator.data_source,
        indicator.method,
        indicator.get_frequency_display(),
        indicator.cost_of_measuring,
    ]


def _plan_sheet(sheet, data) -> None:
    sheet.cell(row=1, column=1, value=_value(_("Benefits realisation plan"))).font = Font(
        bold=True, size=14
    )
    row = 3
    for label, value in _header_block(data):
        _write_row(sheet, row, [label, value])
        sheet.cell(row=row, column=1).font = BOLD
        row += 1
    row += 1
    _write_row(sheet, row, _plan_columns(), bold=True)
    table_top = row
    for benefit in data.benefits:
        for indicator in benefit.indicator_list or [None]:
            row += 1
            _write_row(sheet, row, _benefit_cells(benefit) + _indicator_cells(indicator))
    last_col = get_column_letter(len(_plan_columns()))
    sheet.auto_filter.ref = f"A{table_top}:{last_col}{max(row, table_top)}"
    sheet.freeze_panes = sheet.cell(row=table_top + 1, column=2)
    for col in range(1, len(_plan_columns()) + 1):
        sheet.column_dimensions[get_column_letter(col)].width = 22 if col > 1 else 34


def _measurement_sheet(sheet, data) -> None:
    columns = [_("Benefit"), _("Indicator"), _("Unit"), _("Date"), _("Value"), _("Comment"),
               _("Recorded by")]  # fmt: skip
    _write_row(sheet, 1, columns, bold=True)
    row = 1
    for benefit in data.benefits:
        for indicator in benefit.indicator_list:
            for m in indicator.measurements.all():
                row += 1
                _write_row(
                    sheet,
                    row,
                    [benefit.title, indicator.name, indicator.unit, m.measured_on, m.value,
                     m.comment, _person(m.recorded_by)],
                )  # fmt: skip
    sheet.freeze_panes = "A2"
    for col in range(1, len(columns) + 1):
        sheet.column_dimensions[get_column_letter(col)].width = 24


def plan_workbook(data) -> bytes:
    """`data` from `plan_data(..., with_measurements=True)`."""
    workbook = Workbook()
    plan_sheet = workbook.active
    plan_sheet.title = PLAN_SHEET
    _plan_sheet(plan_sheet, data)
    _measurement_sheet(workbook.create_sheet(MEASUREMENT_SHEET), data)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
