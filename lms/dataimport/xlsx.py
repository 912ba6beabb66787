"""A tablib Dataset as an .xlsx workbook people open in Excel: an optional title block, the header
row in bold and frozen, dates as dates shown dd/mm/yyyy, columns wide enough to read, and text that a
spreadsheet would run as a formula escaped with a leading apostrophe (which lms.spreadsheets.cell_text
takes off again when the file comes back)."""

import datetime
import io

from django.http import HttpResponse
from django.utils.functional import Promise
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from lms.spreadsheets import FORMULA_STARTS

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "DD/MM/YYYY"
_HEADER_FILL = PatternFill("solid", fgColor="E8F1EA")


def safe_cell(value):
    """A value for a cell: lazy text made text, and text a spreadsheet would run as a formula escaped
    (formula injection)."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _width(values) -> int:
    lengths = [len(v.strftime("%d/%m/%Y")) if isinstance(v, datetime.date) else len(str(v or "")) for v in values]
    return min(max(max(lengths, default=8) + 2, 8), 60)


def table_sheet(sheet, headers, rows, *, title_lines=()) -> int:
    """Write a table on `sheet`: the title lines (the first in bold), the header row in bold and frozen,
    the rows (dates shown dd/mm/yyyy), columns wide enough to read. Returns the header's row number."""
    for position, line in enumerate(title_lines):
        sheet.append([safe_cell(line)])
        sheet.cell(sheet.max_row, 1).font = Font(bold=position == 0, size=13 if position == 0 else 11)
    if title_lines:
        sheet.append([])
    sheet.append([safe_cell(header) for header in headers])
    header_row = sheet.max_row
    for item in sheet[header_row]:
        item.font, item.fill, item.alignment = Font(bold=True), _HEADER_FILL, Alignment(wrap_text=True, vertical="top")
    rows = [list(row) for row in rows]
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
        for item in sheet[sheet.max_row]:
            if isinstance(item.value, datetime.date):
                item.number_format = DATE_FORMAT
    for index, header in enumerate(headers, start=1):
        column = [row[index - 1] for row in rows if index - 1 < len(row)]
        sheet.column_dimensions[get_column_letter(index)].width = _width([header, *column])
    sheet.freeze_panes = f"A{header_row + 1}"
    return header_row


def dataset_workbook(dataset, *, title_lines=(), choices: dict | None = None, notes=()) -> bytes:
    """The workbook of `dataset` (its title names the sheet). `title_lines` go above the table, the
    first in bold; `choices` ({header: allowed values}) become drop-down lists under the header;
    `notes` ((heading, text) pairs) fill a second sheet, "Hướng dẫn"."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = (dataset.title or "Danh sách")[:31]
    headers = list(dataset.headers or [])
    header_row = table_sheet(sheet, headers, dataset, title_lines=title_lines)
    for header, allowed in (choices or {}).items():
        if header in headers and allowed:
            letter = get_column_letter(headers.index(header) + 1)
            validation = DataValidation(type="list", formula1='"' + ",".join(allowed) + '"', allow_blank=True)
            validation.add(f"{letter}{header_row + 1}:{letter}{header_row + 1000}")
            sheet.add_data_validation(validation)
    if notes:
        guide = workbook.create_sheet("Hướng dẫn")
        guide.column_dimensions["A"].width = 28
        guide.column_dimensions["B"].width = 100
        for heading, text in notes:
            guide.append([safe_cell(heading), safe_cell(text)])
            guide.cell(guide.max_row, 1).font = Font(bold=True)
            guide.cell(guide.max_row, 2).alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response
