"""The paper sign-in sheet ("Danh sách ký nhận"): printed, or as an XLSX to fill, then read back.

The XLSX has the familiar title block, then STT, name, year of birth, position, organization,
one column per session, and a "Mã" column (the enrollment's number) so that the filled sheet is
matched to people exactly; without it (a sheet retyped by hand) rows are matched by name and
year of birth. Marks: x, có, v, ✓ for present; M for late; P (có phép) for excused; blank or
K/vắng for absent. Anything else is an error naming the row and the session's column, and a
sheet with any error writes nothing.
"""

import io
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook

from enrollment.roster.export import safe_cell
from enrollment.roster.headers import header_key
from lms.spreadsheets import (
    HEADER_SEARCH_ROWS,
    CellError,
    SpreadsheetError,
    cell_text,
    check_spreadsheet,
    open_workbook,
    sheet_rows,
    until_blank_run,
)
from lms.text import fold

from .models import AttendanceRecord
from .services import Mark, records_write

Status = AttendanceRecord.Status
COLUMNS = ["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Đơn vị công tác"]
CODE_HEADER = "Mã (không sửa)"
MARKS = {
    Status.PRESENT: {"x", "co", "v", "✓", "√", "+", "1", "c", "co mat"},
    Status.LATE: {"m", "muon", "di muon", "l"},
    Status.EXCUSED: {"p", "cp", "co phep", "vang co phep"},
    Status.ABSENT: {"", "k", "kp", "vang", "khong", "0", "-", "a"},
}
MARK_OF = {mark: status for status, marks in MARKS.items() for mark in marks}


def session_label(session) -> str:
    return f"{session.title} ({session.date:%d/%m})"


def sheet_people(offering):
    return list(
        offering.enrollments.active()
        .select_related("participant__organization")
        .order_by("participant__sort_key", "pk")
    )


def sheet_xlsx(offering, sessions) -> bytes:
    """The sheet to print or fill in, as an XLSX workbook."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Ký nhận"
    width = 6 + len(sessions)
    sheet.append([offering.unit.full_name.upper(), "", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    sheet.append(["", "", "", "", "Độc lập - Tự do - Hạnh phúc"])
    sheet.append([])
    sheet.append(["DANH SÁCH KÝ NHẬN"])
    sheet.append([safe_cell(f"{offering.title} ({offering.code})")])
    sheet.append([f"Từ ngày {offering.starts_on:%d/%m/%Y} đến ngày {offering.ends_on:%d/%m/%Y}"])
    sheet.append([])
    sheet.append(
        ["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Đơn vị công tác", *map(session_label, sessions), CODE_HEADER]
    )
    for number, enrollment in enumerate(sheet_people(offering), start=1):
        person = enrollment.participant
        organization = person.organization.name if person.organization_id else ""
        row = [number, person.full_name, person.birth_year or "", person.position, organization]
        sheet.append([safe_cell(value) for value in row] + [""] * len(sessions) + [enrollment.pk])
    for row in (4, 5, 6):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    for column, size in zip("ABCDE", (6, 28, 10, 18, 30), strict=True):
        sheet.column_dimensions[column].width = size
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


@dataclass
class SheetResult:
    rows: int = 0
    marks: int = 0
    errors: list[CellError] = field(default_factory=list)


def _columns(header_cells, sessions):
    """(name column, year column, code column, {column index: session})."""
    by_label = {fold(session_label(session)): session for session in sessions}
    by_title = {}
    for session in sessions:
        by_title.setdefault(fold(session.title), []).append(session)
    name = year = code = None
    found = {}
    for index, cell in enumerate(header_cells):
        text = cell_text(cell)
        folded = fold(text)
        if folded == fold(CODE_HEADER) or folded.startswith("ma"):
            code = index
        elif folded in by_label:
            found[index] = by_label[folded]
        elif len(by_title.get(folded, [])) == 1:
            found[index] = by_title[folded][0]
        elif header_key(text) == "full_name":
            name = index
        elif header_key(text) in ("birth_year", "birth_date"):
            year = index
    return name, year, code, found


@transaction.atomic
def sheet_import(*, offering, path, by) -> SheetResult:
    """Read a filled sign-in sheet and record every mark; nothing is written if any cell is wrong.
    Raises SpreadsheetError when the file as a whole cannot be read."""
    path = Path(path)
    check_spreadsheet(path)  # its real kind, zip bombs, passwords
    with open_workbook(path) as workbook:
        # As far down as the sheet really goes (not the million rows it may claim), no wider than
        # the table; XML that breaks further down is reported like any broken file.
        rows = until_blank_run(sheet_rows(workbook.active, path.name))
        header = None
        for number, cells in rows:
            if any(header_key(cell) == "full_name" for cell in cells):
                header = cells
                break
            if number >= HEADER_SEARCH_ROWS:
                break
        if header is None:
            raise SpreadsheetError(
                _("No header row (a “Họ và tên” column) in the file “%(name)s”.") % {"name": path.name}
            )
        sessions = list(offering.sessions.all())
        name_index, year_index, code_index, columns = _columns(header, sessions)
        if not columns:
            labels = ", ".join(f"“{session_label(session)}”" for session in sessions)
            raise SpreadsheetError(
                _("No column for any session. The sessions' column headers must be: %(labels)s.") % {"labels": labels}
            )
        people = {e.pk: e for e in sheet_people(offering)}
        by_name = {}
        for enrollment in people.values():
            key = (enrollment.participant.name_key, enrollment.participant.birth_year)
            by_name.setdefault(key, []).append(enrollment)
        result, marks = SheetResult(), {session.pk: {} for session in columns.values()}
        for number, cells in rows:
            texts = [cell_text(cell) for cell in cells]
            name = texts[name_index] if name_index is not None and name_index < len(texts) else ""
            if not name or fold(name).startswith(("nguoi lap", "tong", "xac nhan")):
                continue
            result.rows += 1
            enrollment = _person(texts, code_index, year_index, name, people, by_name)
            if enrollment is None:
                result.errors.append(
                    CellError(number, None, _("“%(name)s” is not on this class's list") % {"name": name})
                )
                continue
            for index, session in columns.items():
                value = fold(texts[index]) if index < len(texts) else ""
                status = MARK_OF.get(value.strip(" ."))
                if status is None:
                    message = _(
                        "unknown mark “%(mark)s” (x = present, M = late, P = excused absence, blank = absent)"
                    ) % {"mark": texts[index]}  # fmt: skip
                    result.errors.append(CellError(number, cell_text(header[index]), message))
                    continue
                marks[session.pk][enrollment.pk] = Mark(status)
    if result.errors:
        return result
    sessions_by_pk = {session.pk: session for session in columns.values()}
    for session_pk, session_marks in marks.items():
        result.marks += records_write(
            session=sessions_by_pk[session_pk], marks=session_marks, by=by, method=AttendanceRecord.Method.IMPORT
        )
    return result


def _number(text: str) -> int | None:
    """A whole number written with the digits 0-9 ("¹⁹⁸⁵" passes str.isdigit() but not int())."""
    return int(text) if text.isascii() and text.isdigit() else None


def _person(texts, code_index, year_index, name, people, by_name):
    code = _number(texts[code_index]) if code_index is not None and code_index < len(texts) else None
    if code is not None:
        enrollment = people.get(code)
        if enrollment is not None and enrollment.participant.name_key == fold(name):
            return enrollment
    year = texts[year_index] if year_index is not None and year_index < len(texts) else ""
    candidates = by_name.get((fold(name), _number(year)), [])
    if not candidates and not year:
        candidates = [e for (key, _year), group in by_name.items() if key == fold(name) for e in group]
    return candidates[0] if len(candidates) == 1 else None
