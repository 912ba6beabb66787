"""Rosters out: an offering's enrollments or a list of people, as XLSX or CSV; and the rows of an
upload that had errors, as the clerk typed them, to be corrected and uploaded again.

The columns are the ones the importer reads, with Vietnamese headers, so an
export imported again changes nothing. Cells a spreadsheet would run as a
formula are escaped with a leading apostrophe (which the reader takes off again).
"""

import io
import re
from collections.abc import Iterable

import tablib
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from lms.spreadsheets import FORMULA_STARTS

HEADERS = [
    "STT", "Họ và tên", "Ngày sinh", "Năm sinh", "Giới tính", "Số điện thoại", "Số CCCD", "Email", "Chức vụ",
    "Đơn vị công tác", "Địa chỉ", "Trạng thái", "Ghi chú",
]  # fmt: skip
GENDERS = {"male": "Nam", "female": "Nữ"}


def safe_cell(value):
    """Escape text that Excel or LibreOffice would evaluate (formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _row(number, person, status=""):
    unit = f"{person.unit.get_type_display()} {person.unit.name}" if person.unit_id else ""
    return [
        number,
        person.full_name,
        person.birth_date.strftime("%d/%m/%Y") if person.birth_date else "",
        person.birth_year or "",
        GENDERS.get(person.gender, ""),
        person.phone,
        person.national_id,
        person.email,
        person.position,
        person.organization.name if person.organization_id else "",
        unit,
        status,
        "",
    ]


def roster_dataset(people_with_status) -> tablib.Dataset:
    """people_with_status: iterable of (participant, status label)."""
    dataset = tablib.Dataset(headers=HEADERS, title="Danh sách")
    for number, (person, status) in enumerate(people_with_status, start=1):
        dataset.append([safe_cell(value) for value in _row(number, person, status)])
    return dataset


def offering_dataset(offering) -> tablib.Dataset:
    enrollments = (
        offering.enrollments.exclude(status="cancelled")
        .select_related("participant__unit", "participant__organization")
        .order_by("participant__sort_key")
    )
    return roster_dataset((e.participant, e.get_status_display()) for e in enrollments)


def export_bytes(dataset: tablib.Dataset, fmt: str) -> bytes:
    if fmt == "csv":
        return ("\ufeff" + dataset.export("csv")).encode("utf-8")  # BOM: Excel opens UTF-8 correctly
    return dataset.export("xlsx")


ERRORS_HEADER = "Lỗi"
_WHOLE_NUMBER = re.compile(r"[1-9][0-9]{0,14}")  # no leading zero (a phone or ID written as text stays text)


def errors_workbook(columns: list[str], rows: Iterable[tuple[list, list]]) -> bytes:
    """The rows with errors of an upload as XLSX: the file's own header row, then each row's cells as
    read (`rows`: (values, messages)), with a last column "Lỗi" holding its messages, one a line, each
    naming its column. Written row by row (write-only), so a long list is never held twice."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Các dòng lỗi")
    width = len(columns)
    for index in range(1, width + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 18
    sheet.column_dimensions[get_column_letter(width + 1)].width = 60
    sheet.freeze_panes = "A2"
    sheet.append([_cell(sheet, safe_cell(text), font=Font(bold=True)) for text in [*columns, ERRORS_HEADER]])
    wrap = Alignment(wrap_text=True, vertical="top")
    for values, messages in rows:
        cells = [_typed(value) for value in list(values)[:width]]
        cells += [""] * (width - len(cells))
        sheet.append([*cells, _cell(sheet, safe_cell("\n".join(messages)), alignment=wrap)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _typed(text):
    """A cell read as text, back as the spreadsheet had it: a whole number as a number (1, 1978,
    912345678), any other text as text, escaped."""
    if isinstance(text, str) and _WHOLE_NUMBER.fullmatch(text):
        return int(text)
    return safe_cell(text)


def _cell(sheet, value, font=None, alignment=None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if font:
        cell.font = font
    if alignment:
        cell.alignment = alignment
    return cell
