"""Read an attendee roster ("danh sách học viên") from .xlsx, .xls, .ods or .csv.

Rosters come from communes and cooperatives, typed by hand in Excel: a title block above the
table, headers in Vietnamese (with or without diacritics, sometimes over two rows), signature
blocks below it, phone numbers and ID numbers that Excel turned into numbers. `read_roster`
finds the table by its headers (enrollment.roster.headers), reads every row into a `RosterRow`
(each cell through enrollment.roster.cells) and reports each bad cell as a `CellError` (row number
as in the spreadsheet, header text as in the file) without dropping the row. Problems with the
file as a whole raise `RosterFileError`.

`open_roster` checks the file (lms.spreadsheets: its real kind, zip bombs, passwords), finds the
header eagerly and then streams the data rows: XLSX files are read row by row in openpyxl's
read-only mode, so a 100,000-row file is never held in memory at once. `read_roster` is the same
with the rows read into a list.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from lms.spreadsheets import (
    HEADER_SEARCH_ROWS,
    MAX_BLANK_RUN,
    CellError,
    SpreadsheetError,
    cell_text,
    check_spreadsheet,
    csv_records,
    decode_csv,
    open_workbook,
    read_table,
    sheet_rows,
)
from lms.text import InvalidValueError, fold, name_proper_case, normalize_national_id, normalize_phone

from .cells import MARKS, parse_birth, parse_email, parse_gender
from .headers import ADDRESS_PARTS, NAME_KEYS, Column, header_columns, header_key, is_header_row, recognised

__all__ = [
    "SUPPORTED_FORMATS",
    "CellError",
    "Roster",
    "RosterFileError",
    "RosterRow",
    "cell_text",
    "header_key",
    "open_roster",
    "parse_birth",
    "parse_gender",
    "read_roster",
]

MAX_DATA_ROWS = 200_000  # far above any real class; stops a generated file that never ends
MAX_CELL_KEPT = 1000  # characters of a cell kept as read (RosterRow.values), for giving a bad row back
MAX_LENGTHS = {"full_name": 150, "position": 150, "organization": 255, "email": 254}  # as the models allow
SUPPORTED_FORMATS = ("xlsx", "xls", "ods", "csv")

# The file cannot be read as a roster at all; the message is for people (translated). One class
# with lms.spreadsheets' error, so that whoever catches it also catches what the checks raise.
RosterFileError = SpreadsheetError


class _HeaderNotFoundError(RosterFileError):
    """No header row in one sheet; another sheet of the workbook may still hold the roster."""


@dataclass(slots=True)
class RosterRow:
    number: int  # the spreadsheet's own row number (for CSV: the record's first physical line)
    full_name: str = ""
    name_key: str = ""  # the name folded (no diacritics, lower case), for matching
    birth_date: date | None = None
    birth_year: int | None = None  # also filled when birth_date is known
    gender: str = ""  # "male", "female" or ""
    phone: str = ""
    national_id: str = ""
    email: str = ""
    position: str = ""
    organization: str = ""
    address: str = ""
    note: str = ""
    errors: list[CellError] = field(default_factory=list)
    warnings: list[CellError] = field(default_factory=list)  # what was changed, for the organizer to see
    values: list[str] = field(default_factory=list)  # the cells as read, under Roster.columns
    raw: dict[str, str] = field(default_factory=dict)  # as typed, beside what was made of it (RAW_KEYS)

    @property
    def is_valid(self) -> bool:
        return not self.errors


@dataclass
class Roster:
    headers: dict[str, str]  # canonical key (full_name, phone, address_commune, male, …) -> header text found
    columns: list[str]  # every column's header text as in the file, up to the last one with a header
    header_row: int  # first header row (a two-row header continues on the next row)
    rows: Iterable[RosterRow]  # a list from read_roster, a one-pass iterator from open_roster
    format: str  # "xlsx", "xls", "ods" or "csv"
    estimated_rows: int | None = None  # lines below the header, for progress bars; not exact

    @property
    def errors(self) -> list[CellError]:
        return [error for row in self.rows for error in row.errors]


# --------------------------------------------------------------------------- rows

_FOOTER_STARTS = ("tong cong", "tong so", "nguoi lap", "thu truong", "xac nhan", "(ky", "ky ten", "ky, ghi ro")
_DATE_LINE = re.compile(r"\bngay\b.*\bthang\b.*\bnam\b")  # "Hà Nội, ngày 12 tháng 3 năm 2024"
_NUMBERING = re.compile(r"\(?(\d{1,2}|[a-z])\)?")  # the "(1) (2) (3)" row under the header
_SECTION = re.compile(r"(?:[IVX]+|[A-Z])\s*[.)\-]\s+\S")  # "I. Xã An Bình", "A - HTX Đồng Tâm"


class _RowReader:
    """Reads data rows. `texts` is the row's cells through _text, computed once per row."""

    def __init__(self, columns: list[Column]):
        self.columns = columns
        self.width = table_width(columns)
        self.by_key = {column.key: column for column in columns if column.key}
        self.first_is_name = bool(columns) and columns[0].key in NAME_KEYS
        self.footer_checked = [c.index for c in columns if c.key not in {"note", "email"}]
        name_columns = [self.by_key[key].index for key in ("full_name", "family_name") if key in self.by_key]
        self.name_index = name_columns[0] if name_columns else None
        name_column = next(
            (self.by_key[key] for key in ("full_name", "family_name", "given_name") if key in self.by_key), None
        )
        self.name_header = name_column.text if name_column else None  # names the column of the name's messages
        self.stt_index = self.by_key["stt"].index if "stt" in self.by_key else None

    def cell(self, values, texts, key):
        column = self.by_key.get(key)
        if column is None or column.index >= len(values) or not texts[column.index]:
            return None
        return values[column.index]

    def text(self, texts, key) -> str:
        column = self.by_key.get(key)
        return texts[column.index] if column is not None and column.index < len(texts) else ""

    def is_blank(self, texts) -> bool:
        for column in self.columns:
            if column.index < len(texts) and texts[column.index]:
                if column.index == self.stt_index and re.fullmatch(r"\d+\.?", texts[column.index]):
                    continue  # a pre-numbered empty line of the template
                return False
        return True

    def is_footer(self, texts) -> bool:
        name = texts[self.name_index] if self.name_index is not None and self.name_index < len(texts) else ""
        # A row with a name is a footer only if the name cell says so ("Tổng cộng: 25 người");
        # without one, signatures and dates may stand in any column.
        checked = [self.name_index] if name else self.footer_checked
        folded = [fold(texts[index]) for index in checked if index < len(texts) and texts[index]]
        if any(text.startswith(_FOOTER_STARTS) or _DATE_LINE.search(text) for text in folded):
            return True
        filled = [index for index, text in enumerate(texts) if text]
        return filled == [0] and not self.first_is_name and not re.fullmatch(r"\d+\.?", texts[0])

    def is_section(self, texts) -> bool:
        filled = [text for text in texts if text]
        return len(filled) == 1 and bool(_SECTION.match(filled[0]))

    def read(self, number: int, values, texts) -> RosterRow:
        row = RosterRow(number=number)

        def attempt(key, parse):
            value = self.cell(values, texts, key)
            if value is None:
                return None
            try:
                return parse(value)
            except InvalidValueError as error:
                row.errors.append(CellError(number, self.by_key[key].text or None, str(error)))
                return None

        row.values = [text[:MAX_CELL_KEPT] for text in texts[: self.width]]
        typed = self.text(texts, "full_name") or " ".join(
            part for part in (self.text(texts, "family_name"), self.text(texts, "given_name")) if part
        )
        row.full_name = name_proper_case(typed)
        if not row.full_name:
            row.errors.append(CellError(number, self.name_header, _("the full name is missing")))
        elif row.full_name != typed:
            message = _("The name was given capital initials: “%(typed)s” → “%(name)s”.") % {
                "typed": typed, "name": row.full_name,
            }  # fmt: skip
            row.warnings.append(CellError(number, self.name_header, message))
        row.name_key = fold(row.full_name)

        for key in ("birth_date", "birth_year"):
            if row.birth_year is None and (born := attempt(key, parse_birth)):
                row.birth_date, row.birth_year = born
        self._read_gender_columns(row, texts, attempt)
        if not row.gender:
            row.gender = attempt("gender", parse_gender) or ""

        row.phone = attempt("phone", normalize_phone) or ""
        row.national_id = attempt("national_id", normalize_national_id) or ""
        row.email = attempt("email", parse_email) or ""
        row.position = self.text(texts, "position")
        row.organization = self.text(texts, "organization")
        row.note = self.text(texts, "note")
        parts = [self.text(texts, key) for key in ("address", *ADDRESS_PARTS)]
        row.address = ", ".join(part for part in parts if part)
        row.raw = {"full_name": typed, "birth": self._birth_text(texts), "address": row.address}
        row.raw.update((key, self.text(texts, key)) for key in ("phone", "national_id", "email"))
        self._check_lengths(row)
        return row

    def _birth_text(self, texts) -> str:
        """The cell the birth date or year was read from (a "Nam"/"Nữ" column may hold it)."""
        for key in ("birth_date", "birth_year", "male", "female"):
            if (text := self.text(texts, key)) and fold(text) not in MARKS:
                return text
        return ""

    def _check_lengths(self, row: RosterRow) -> None:
        for key, limit in MAX_LENGTHS.items():
            value = getattr(row, key)
            if len(value) > limit:
                column = self.by_key.get(key) or self.by_key.get("family_name")
                message = _("too long (%(length)s characters, at most %(limit)s)") % {
                    "length": len(value), "limit": limit,
                }  # fmt: skip
                row.errors.append(CellError(row.number, column.text if column else None, message))

    def _read_gender_columns(self, row: RosterRow, texts, attempt) -> None:
        """The "Nam" and "Nữ" columns hold an "x" or the birth year/date; the column tells the gender."""
        filled = [key for key in ("male", "female") if self.text(texts, key)]
        if len(filled) == 2:
            male, female = self.by_key["male"].text, self.by_key["female"].text
            message = _("both columns “%(male)s” and “%(female)s” have a value") % {"male": male, "female": female}
            row.errors.append(CellError(row.number, male, message))
            return
        if not filled:
            return
        key = filled[0]
        if fold(self.text(texts, key)) in MARKS:
            row.gender = key
            return
        born = attempt(key, parse_birth)
        if born:
            row.gender = key
            if row.birth_year is None:
                row.birth_date, row.birth_year = born


def table_width(columns: list[Column]) -> int:
    """How many columns the table has: up to its last header cell with text."""
    return max((column.index + 1 for column in columns if column.text), default=0)


def _no_name_column(headers: str) -> str:
    return _("No full name column. Headers found: %(headers)s.") % {"headers": headers}


def _find_header(rows: Iterator[tuple[int, list]]):
    """(header row number, header cells), consuming rows up to the header; or raise _HeaderNotFoundError."""
    best, seen = None, []
    for number, cells in rows:
        seen.append((number, cells))
        if is_header_row(cells):
            return number, cells
        found = recognised(cells)
        if found and (best is None or len(found) > len(best[1])):
            best = (number, found, cells)
        if len(seen) >= HEADER_SEARCH_ROWS:
            break
    if best is None or len(best[1]) < 2:  # one known word in a title or a data row is not a header
        raise _HeaderNotFoundError(
            _(
                "The list's header row is not in the first %(rows)s rows (it needs a “Họ và tên” column and at "
                "least one other, such as “Ngày sinh” or “Số điện thoại”)."
            )
            % {"rows": HEADER_SEARCH_ROWS}
        )
    headers = ", ".join(f"“{text}”" for cell in best[2] if (text := cell_text(cell)))
    if not any(key in NAME_KEYS for _, key in best[1]):
        message = _no_name_column(headers)
    else:
        message = _("No header row with enough columns (row %(row)s). Headers found: %(headers)s.") % {
            "row": best[0], "headers": headers,
        }  # fmt: skip
    raise _HeaderNotFoundError(message)


def _parse(rows: Iterable[tuple[int, list]], fmt: str, estimated_rows: int | None = None) -> Roster:
    """Find the header now; the data rows are read as the returned Roster's rows are iterated."""
    rows = iter((number, list(cells)) for number, cells in rows)
    header_number, header = _find_header(rows)
    pending: list[tuple[int, list]] = []

    # A second header row: "Năm sinh" merged over "Nam" | "Nữ", "Họ và tên" over "Họ" | "Tên".
    name_index = next(index for index, key in recognised(header) if key in NAME_KEYS)
    sub = None
    for number, cells in rows:
        name_cell = cells[name_index] if name_index < len(cells) else None
        if recognised(cells) and (not cell_text(name_cell) or header_key(name_cell)):
            sub = cells
        else:
            pending.append((number, cells))
        break
    columns = header_columns(header, sub)
    headers = {column.key: column.text for column in columns if column.key}
    if not NAME_KEYS & headers.keys():
        found = ", ".join(f"“{column.text}”" for column in columns if column.text)
        raise RosterFileError(_no_name_column(found))
    if estimated_rows is not None:
        estimated_rows = max(0, estimated_rows - header_number - (1 if sub else 0))
    data = _data_rows(_RowReader(columns), itertools.chain(pending, rows), header_number + (1 if sub else 0))
    texts = [column.text for column in columns[: table_width(columns)]]
    return Roster(headers, texts, header_row=header_number, rows=data, format=fmt, estimated_rows=estimated_rows)


def _data_rows(reader: _RowReader, rows: Iterator[tuple[int, list]], header_end: int) -> Iterator[RosterRow]:
    count = 0
    for row in _rows_below_header(reader, rows):
        count += 1
        if count > MAX_DATA_ROWS:
            limit = number_format(MAX_DATA_ROWS, force_grouping=True)
            raise RosterFileError(_("The list is too long: at most %(limit)s learners per file.") % {"limit": limit})
        yield row
    if not count:
        raise RosterFileError(
            _("No learners: there are no data rows below the header row (row %(row)s).") % {"row": header_end}
        )


def _rows_below_header(reader: _RowReader, rows: Iterator[tuple[int, list]]) -> Iterator[RosterRow]:
    blank_run, first = 0, True
    for number, cells in rows:
        texts = [cell_text(cell) for cell in cells]
        if reader.is_blank(texts):
            blank_run += 1
            if blank_run >= MAX_BLANK_RUN:
                return
            continue
        blank_run = 0
        filled = [text for text in texts if text]
        if first and len(filled) >= 3 and all(_NUMBERING.fullmatch(fold(text)) for text in filled):
            first = False
            continue  # the column-numbering row "(1) (2) (3) …"
        first = False
        if reader.is_section(texts):
            continue
        if reader.is_footer(texts):
            return
        yield reader.read(number, cells, texts)


# --------------------------------------------------------------------------- files


def read_roster(path) -> Roster:
    """Read a whole roster file; `rows` is a list. Raises RosterFileError when the file cannot be read."""
    with open_roster(path) as roster:
        roster.rows = list(roster.rows)
        return roster


@contextmanager
def open_roster(path) -> Iterator[Roster]:
    """Open a roster file, find its header, and stream its rows while the context is open.

    Raises RosterFileError when the file as a whole cannot be read (also while iterating the rows,
    for a file that turns out to be broken or too long further down).
    """
    path = Path(path)
    name, ext = path.name, path.suffix.lower().lstrip(".")
    if ext not in SUPPORTED_FORMATS:
        raise RosterFileError(
            _("Cannot read the file “%(name)s”: only .xlsx, .xls, .ods or .csv files are accepted.") % {"name": name}
        )
    check_spreadsheet(path)
    if ext == "xlsx":
        with open_workbook(path) as workbook:
            yield _parse_workbook(workbook, name)
    elif ext == "csv":
        yield _read_csv(path)
    else:
        rows, height = read_table(path, ext)
        yield _parse(rows, ext, height)


def _parse_workbook(workbook, name: str) -> Roster:
    sheets = list(workbook.worksheets)
    active = workbook.active
    if active in sheets:
        sheets.remove(active)
        sheets.insert(0, active)
    first_error = None
    for sheet in sheets:
        declared = sheet.max_row  # from <dimension>: only an estimate, generators get it wrong
        try:
            return _parse(sheet_rows(sheet, name), "xlsx", declared)
        except _HeaderNotFoundError as error:
            first_error = first_error or error
    raise first_error or RosterFileError(_("The file “%(name)s” has no worksheets.") % {"name": name})


def _choose_delimiter(text: str, name: str) -> str:
    """The delimiter with which the header row is found (best: most recognised headers)."""

    def score(delimiter):
        best = (False, 0)
        try:
            for _number, cells in itertools.islice(csv_records(text, delimiter, name), HEADER_SEARCH_ROWS):
                best = max(best, (is_header_row(cells), len(recognised(cells))))
        except RosterFileError:
            pass
        return best

    return max((",", ";", "\t"), key=score)  # max keeps the first of equals: comma


def _read_csv(path: Path) -> Roster:
    text = decode_csv(path)
    delimiter = _choose_delimiter(text, path.name)
    return _parse(csv_records(text, delimiter, path.name), "csv", text.count("\n") + 1)
