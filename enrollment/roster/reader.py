"""Read an attendee roster ("danh sách học viên") from .xlsx, .xls, .ods or .csv.

Rosters come from communes and cooperatives, typed by hand in Excel: a title block above the
table, headers in Vietnamese (with or without diacritics, sometimes over two rows), signature
blocks below it, phone numbers and ID numbers that Excel turned into numbers. `read_roster`
finds the table by its headers, reads every row into a `RosterRow` and reports each bad cell as
a `CellError` (row number as in the spreadsheet, header text as in the file) without dropping the
row. Problems with the file as a whole raise `RosterFileError`.

`open_roster` finds the header eagerly and then streams the data rows: XLSX files are read row
by row in openpyxl's read-only mode (with defusedxml, behind a zip-bomb check), so a 100,000-row
file is never held in memory at once. `read_roster` is the same with the rows read into a list.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from lms.text import (
    InvalidValueError,
    clean_text,
    fold,
    normalize_email,
    normalize_national_id,
    normalize_phone,
)
from lms.uploads import oversized_part

HEADER_SEARCH_ROWS = 30  # the header row must be within the first 30 rows
MAX_BLANK_RUN = 1000  # stop after this many consecutive blank rows (sheets "formatted" to row 1048576)
MAX_DATA_ROWS = 200_000  # far above any real class; stops a generated file that never ends
MAX_LENGTHS = {"full_name": 150, "position": 150, "organization": 255, "email": 254}  # as the models allow
MAX_COLUMNS = 100  # cells further right are not read (a stray cell in column XFD widens every row)
MIN_BIRTH_YEAR = 1950  # for a bare year ("1978"); full dates are accepted from 1900
SUPPORTED_FORMATS = ("xlsx", "xls", "ods", "csv")


# --------------------------------------------------------------------------- data structures


@dataclass(frozen=True)
class CellError:
    """A problem with one cell (or, when `column` is None, with a whole row)."""

    row: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"Dòng {self.row}" + (f", cột “{self.column}”" if self.column else "")
        return f"{where}: {self.message}"


class RosterFileError(Exception):
    """The file cannot be read as a roster at all. The message is for people (Vietnamese)."""

    def __init__(self, message: str, errors: Iterable[CellError] = ()):
        super().__init__(message)
        self.message = message
        self.errors: list[CellError] = list(errors)

    def __str__(self) -> str:
        return "\n".join([self.message, *(str(error) for error in self.errors)])


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

    @property
    def is_valid(self) -> bool:
        return not self.errors


@dataclass
class Roster:
    headers: dict[str, str]  # canonical key (full_name, phone, address_commune, male, …) -> header text found
    header_row: int  # first header row (a two-row header continues on the next row)
    rows: Iterable[RosterRow]  # a list from read_roster, a one-pass iterator from open_roster
    format: str  # "xlsx", "xls", "ods" or "csv"
    estimated_rows: int | None = None  # lines below the header, for progress bars; not exact

    @property
    def errors(self) -> list[CellError]:
        return [error for row in self.rows for error in row.errors]


# --------------------------------------------------------------------------- headers

_ALIASES = {
    "stt": ["STT", "TT", "No.", "Số TT", "Số thứ tự"],
    "full_name": ["Họ và tên", "Họ tên", "Họ và tên học viên", "Họ tên học viên", "Tên học viên", "Full name", "Name"],
    "family_name": ["Họ", "Họ và tên đệm", "Họ đệm", "Họ và đệm", "Họ lót"],
    "given_name": ["Tên"],
    "birth_date": ["Ngày sinh", "Ngày tháng năm sinh", "Ngày, tháng, năm sinh", "Date of birth", "Birth date", "DOB"],
    "birth_year": ["Năm sinh", "Year of birth"],
    "gender": ["Giới tính", "Gender", "Sex"],
    "male": ["Nam", "Male"],
    "female": ["Nữ", "Female"],
    "phone": ["Số điện thoại", "SĐT", "Số ĐT", "Điện thoại", "ĐT", "Điện thoại liên hệ", "Phone", "Phone number"],
    "national_id": [
        "Số CCCD",
        "CCCD",
        "CMND",
        "Số CMND",
        "CCCD/CMND",
        "CMND/CCCD",
        "Số CCCD/CMND",
        "Số CMND/CCCD",
        "Số định danh",
        "Số định danh cá nhân",
        "National ID",
    ],  # fmt: skip
    "email": ["Email", "E-mail", "Thư điện tử", "Địa chỉ email"],
    "position": ["Chức vụ", "Position"],
    "organization": [
        "Đơn vị công tác",
        "Đơn vị",
        "Tên HTX",
        "Tên hợp tác xã",
        "Tổ chức",
        "Cơ quan",
        "Cơ quan/Đơn vị",
        "Nơi công tác",
        "Organization",
    ],  # fmt: skip
    "address": ["Địa chỉ", "Address"],
    "address_hamlet": ["Thôn", "Xóm", "Ấp", "Thôn/Xóm", "Thôn/Tổ"],
    "address_commune": ["Xã", "Phường", "Xã/Phường", "Thị trấn", "Xã/Phường/Thị trấn"],
    "address_district": ["Huyện", "Quận", "Quận/Huyện", "Huyện/Quận", "Thị xã"],
    "address_province": ["Tỉnh", "Tỉnh/Thành phố", "Tỉnh/TP"],
    "note": ["Ghi chú", "Note", "Notes"],
}
ADDRESS_PARTS = ("address_hamlet", "address_commune", "address_district", "address_province")  # most specific first
NAME_KEYS = frozenset({"full_name", "family_name", "given_name"})

_PARENTHESES = re.compile(r"\s*\([^)]*\)\s*")
_AROUND_SLASH = re.compile(r"\s*/\s*")


def _header_form(text) -> str:
    """Folded header text: "Số CCCD / CMND (*):" -> "so cccd/cmnd"."""
    folded = _AROUND_SLASH.sub("/", fold(text))
    return folded.replace("(*)", "").strip(" .:*")


_HEADERS = {_header_form(alias): key for key, aliases in _ALIASES.items() for alias in aliases}


def header_key(text) -> str | None:
    """The canonical key of a header cell, or None when it is not a header we know."""
    form = _header_form(text)
    if not form:
        return None
    if form in _HEADERS:
        return _HEADERS[form]
    return _HEADERS.get(_header_form(_PARENTHESES.sub(" ", form)))  # "Ngày sinh (dd/mm/yyyy)"


def _recognised(cells) -> list[tuple[int, str]]:
    return [(index, key) for index, value in enumerate(cells) if (key := header_key(value))]


def _is_header_row(cells) -> bool:
    found = _recognised(cells)
    return len(found) >= 2 and any(key in NAME_KEYS for _, key in found)


@dataclass
class _Column:
    index: int
    key: str | None
    text: str  # header text as in the file


def _columns(header: list, sub: list | None) -> list[_Column]:
    width = max(len(header), len(sub or []))
    columns, taken = [], set()
    for index in range(width):
        parent = clean_text(header[index]) if index < len(header) else ""
        child = clean_text(sub[index]) if sub and index < len(sub) else ""
        text = child or parent
        key = header_key(text) if text else None
        if key in taken:
            key = None  # a second "Ghi chú" is not read
        if key:
            taken.add(key)
        columns.append(_Column(index, key, text))
    return columns


# --------------------------------------------------------------------------- values

_DMY = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
_YMD = re.compile(r"(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
_MY = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{4})")
_EXCEL_EPOCH = date(1899, 12, 30)
_MARKS = {"x", "v", "1", "co", "yes", "✓", "√", "+", "*"}
_MALE = {"nam", "male", "m", "trai"}
_FEMALE = {"nu", "female", "f", "gai"}


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, datetime | date):
        value = value.strftime("%d/%m/%Y")
    text = clean_text(value)
    # Our exports escape cells that a spreadsheet would run as formulas with a
    # leading apostrophe; read them back as they were.
    if text.startswith("'") and text[1:2] and text[1] in FORMULA_STARTS:
        text = text[1:]
    return text


def _birth_year(year: int, shown) -> int:
    today = date.today()
    if not MIN_BIRTH_YEAR <= year <= today.year:
        raise InvalidValueError(f"Năm sinh không hợp lệ: “{shown}” (cần từ {MIN_BIRTH_YEAR} đến {today.year})")
    return year


def _birth_date(day: int, month: int, year: int, shown) -> date:
    try:
        born = date(year, month, day)
    except ValueError:
        raise InvalidValueError(f"Ngày sinh không có thật: “{shown}”") from None
    if born > date.today() or born.year < 1900:
        raise InvalidValueError(f"Ngày sinh không hợp lệ: “{shown}”")
    return born


def parse_birth(value) -> tuple[date | None, int | None]:
    """(birth date, birth year) from an Excel date, a date string (dd/mm/yyyy, d/m/yy, d-m-yyyy,
    d.m.yyyy, yyyy-mm-dd), mm/yyyy or a bare four-digit year. Raises InvalidValueError."""
    if value is None or (isinstance(value, str) and not clean_text(value)):
        return None, None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        born = _birth_date(value.day, value.month, value.year, value.strftime("%d/%m/%Y"))
        return born, born.year
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer():
            number = int(value)
            if 1000 <= number <= 9999:
                return None, _birth_year(number, number)
            if 10000 <= number <= 80000:  # a date serial number that Excel did not format as a date
                born = _EXCEL_EPOCH + timedelta(days=number)
                return _birth_date(born.day, born.month, born.year, number), born.year
        raise InvalidValueError(f"Ngày sinh không hợp lệ: “{cell_text(value)}”")
    text = clean_text(value)
    if match := _DMY.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
        if len(match.group(3)) == 2:
            year += 2000 if 2000 + year <= date.today().year else 1900
        born = _birth_date(day, month, year, text)
        return born, born.year
    if match := _YMD.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        born = _birth_date(day, month, year, text)
        return born, born.year
    if match := _MY.fullmatch(text):
        if not 1 <= int(match.group(1)) <= 12:
            raise InvalidValueError(f"Ngày sinh không hợp lệ: “{text}”")
        return None, _birth_year(int(match.group(2)), text)
    if re.fullmatch(r"\d{4}", text):
        return None, _birth_year(int(text), text)
    if re.fullmatch(r"\d{2}", text):
        raise InvalidValueError(f"Năm sinh phải ghi đủ 4 chữ số: “{text}”")
    raise InvalidValueError(f"Ngày sinh không hợp lệ: “{text}” (cần dạng ngày/tháng/năm, ví dụ 05/03/1978)")


def parse_gender(value) -> str:
    folded = fold(cell_text(value)).strip(" .")
    if not folded:
        return ""
    if folded in _MALE:
        return "male"
    if folded in _FEMALE:
        return "female"
    raise InvalidValueError(f"Giới tính không rõ: “{cell_text(value)}” (ghi Nam hoặc Nữ)")


def _email(value) -> str:
    email = normalize_email(cell_text(value))
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise InvalidValueError(f"Email không hợp lệ: “{cell_text(value)}”") from None
    return email


# --------------------------------------------------------------------------- rows

_FOOTER_STARTS = ("tong cong", "tong so", "nguoi lap", "thu truong", "xac nhan", "(ky", "ky ten", "ky, ghi ro")
_DATE_LINE = re.compile(r"\bngay\b.*\bthang\b.*\bnam\b")  # "Hà Nội, ngày 12 tháng 3 năm 2024"
_NUMBERING = re.compile(r"\(?(\d{1,2}|[a-z])\)?")  # the "(1) (2) (3)" row under the header
_SECTION = re.compile(r"(?:[IVX]+|[A-Z])\s*[.)\-]\s+\S")  # "I. Xã An Bình", "A - HTX Đồng Tâm"


class _RowReader:
    """Reads data rows. `texts` is the row's cells through _text, computed once per row."""

    def __init__(self, columns: list[_Column]):
        self.columns = columns
        self.by_key = {column.key: column for column in columns if column.key}
        self.first_is_name = bool(columns) and columns[0].key in NAME_KEYS
        self.footer_checked = [c.index for c in columns if c.key not in {"note", "email"}]
        name_columns = [self.by_key[key].index for key in ("full_name", "family_name") if key in self.by_key]
        self.name_index = name_columns[0] if name_columns else None
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

        row.full_name = self.text(texts, "full_name") or " ".join(
            part for part in (self.text(texts, "family_name"), self.text(texts, "given_name")) if part
        )
        if not row.full_name:
            row.errors.append(CellError(number, None, "thiếu họ tên"))
        row.name_key = fold(row.full_name)

        for key in ("birth_date", "birth_year"):
            if row.birth_year is None and (born := attempt(key, parse_birth)):
                row.birth_date, row.birth_year = born
        self._read_gender_columns(row, texts, attempt)
        if not row.gender:
            row.gender = attempt("gender", parse_gender) or ""

        row.phone = attempt("phone", normalize_phone) or ""
        row.national_id = attempt("national_id", normalize_national_id) or ""
        row.email = attempt("email", _email) or ""
        row.position = self.text(texts, "position")
        row.organization = self.text(texts, "organization")
        row.note = self.text(texts, "note")
        parts = [self.text(texts, key) for key in ("address", *ADDRESS_PARTS)]
        row.address = ", ".join(part for part in parts if part)
        self._check_lengths(row)
        return row

    def _check_lengths(self, row: RosterRow) -> None:
        for key, limit in MAX_LENGTHS.items():
            value = getattr(row, key)
            if len(value) > limit:
                column = self.by_key.get(key) or self.by_key.get("family_name")
                message = f"quá dài ({len(value)} ký tự, tối đa {limit})"
                row.errors.append(CellError(row.number, column.text if column else None, message))

    def _read_gender_columns(self, row: RosterRow, texts, attempt) -> None:
        """The "Nam" and "Nữ" columns hold an "x" or the birth year/date; the column tells the gender."""
        filled = [key for key in ("male", "female") if self.text(texts, key)]
        if len(filled) == 2:
            male, female = self.by_key["male"].text, self.by_key["female"].text
            message = f"cả hai cột “{male}” và “{female}” đều có giá trị"
            row.errors.append(CellError(row.number, male, message))
            return
        if not filled:
            return
        key = filled[0]
        if fold(self.text(texts, key)) in _MARKS:
            row.gender = key
            return
        born = attempt(key, parse_birth)
        if born:
            row.gender = key
            if row.birth_year is None:
                row.birth_date, row.birth_year = born


def _find_header(rows: Iterator[tuple[int, list]]):
    """(header row number, header cells), consuming rows up to the header; or raise _HeaderNotFoundError."""
    best, seen = None, []
    for number, cells in rows:
        seen.append((number, cells))
        if _is_header_row(cells):
            return number, cells
        found = _recognised(cells)
        if found and (best is None or len(found) > len(best[1])):
            best = (number, found, cells)
        if len(seen) >= HEADER_SEARCH_ROWS:
            break
    if best is None or len(best[1]) < 2:  # one known word in a title or a data row is not a header
        raise _HeaderNotFoundError(
            f"Không tìm thấy dòng tiêu đề của danh sách trong {HEADER_SEARCH_ROWS} dòng đầu "
            "(cần có cột “Họ và tên” và ít nhất một cột khác như “Ngày sinh”, “Số điện thoại”)."
        )
    headers = ", ".join(f"“{text}”" for cell in best[2] if (text := cell_text(cell)))
    if not any(key in NAME_KEYS for _, key in best[1]):
        message = f"Không tìm thấy cột họ tên. Các tiêu đề tìm thấy: {headers}."
    else:
        message = f"Không tìm thấy dòng tiêu đề đủ cột (dòng {best[0]}). Các tiêu đề tìm thấy: {headers}."
    raise _HeaderNotFoundError(message)


def _parse(rows: Iterable[tuple[int, list]], fmt: str, estimated_rows: int | None = None) -> Roster:
    """Find the header now; the data rows are read as the returned Roster's rows are iterated."""
    rows = iter((number, list(cells)) for number, cells in rows)
    header_number, header = _find_header(rows)
    pending: list[tuple[int, list]] = []

    # A second header row: "Năm sinh" merged over "Nam" | "Nữ", "Họ và tên" over "Họ" | "Tên".
    name_index = next(index for index, key in _recognised(header) if key in NAME_KEYS)
    sub = None
    for number, cells in rows:
        name_cell = cells[name_index] if name_index < len(cells) else None
        if _recognised(cells) and (not cell_text(name_cell) or header_key(name_cell)):
            sub = cells
        else:
            pending.append((number, cells))
        break
    columns = _columns(header, sub)
    headers = {column.key: column.text for column in columns if column.key}
    if not NAME_KEYS & headers.keys():
        found = ", ".join(f"“{column.text}”" for column in columns if column.text)
        raise RosterFileError(f"Không tìm thấy cột họ tên. Các tiêu đề tìm thấy: {found}.")
    if estimated_rows is not None:
        estimated_rows = max(0, estimated_rows - header_number - (1 if sub else 0))
    data = _data_rows(_RowReader(columns), itertools.chain(pending, rows), header_number + (1 if sub else 0))
    return Roster(headers=headers, header_row=header_number, rows=data, format=fmt, estimated_rows=estimated_rows)


def _data_rows(reader: _RowReader, rows: Iterator[tuple[int, list]], header_end: int) -> Iterator[RosterRow]:
    count = 0
    for row in _rows_below_header(reader, rows):
        count += 1
        if count > MAX_DATA_ROWS:
            limit = f"{MAX_DATA_ROWS:,}".replace(",", ".")
            raise RosterFileError(f"Danh sách quá dài: chỉ nhận tối đa {limit} học viên mỗi tệp.")
        yield row
    if not count:
        raise RosterFileError(f"Không có học viên nào: dưới dòng tiêu đề (dòng {header_end}) không có dòng dữ liệu.")


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

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_KINDS = {
    "xlsx": "bảng tính Excel (.xlsx)",
    "xls": "tệp Excel 97–2003 (.xls) hoặc Word 97–2003",
    "ods": "bảng tính OpenDocument (.ods)",
    "docx": "văn bản Word (.docx)",
    "zip": "tệp nén ZIP",
    "pdf": "tệp PDF",
    "html": "trang web (HTML)",
    "binary": "tệp nhị phân không rõ loại",
    "text": "văn bản thuần (CSV)",
}
SAVE_AS_XLSX = "Hãy mở tệp bằng Excel, lưu lại dạng .xlsx (Excel Workbook) rồi tải lên lại."


def _zip_kind(archive: zipfile.ZipFile, name: str) -> str:
    names = set(archive.namelist())
    if "xl/workbook.xml" in names:
        kind = "xlsx"
    elif "mimetype" in names and archive.read("mimetype").strip().startswith(
        b"application/vnd.oasis.opendocument.spreadsheet"
    ):
        kind = "ods"
    else:
        return "docx" if "word/document.xml" in names else "zip"
    if info := oversized_part(archive):
        raise RosterFileError(
            f"Tệp “{name}” bất thường: phần “{info.filename}” giải nén ra quá lớn "
            f"({info.file_size // (1024 * 1024)} MB). Hệ thống không đọc tệp này."
        )
    return kind


def _content_kind(path: Path, head: bytes) -> str:
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                return _zip_kind(archive, path.name)
        except (zipfile.BadZipFile, OSError, EOFError):
            raise RosterFileError(
                f"Tệp “{path.name}” bị hỏng hoặc chưa tải lên hết (tệp nén không đọc được). "
                "Hãy mở lại tệp bằng Excel, lưu lại rồi tải lên lần nữa."
            ) from None
    if head.startswith(_OLE):
        # Excel saves a password-protected .xlsx inside an OLE container with an "EncryptionInfo" stream.
        if "EncryptionInfo".encode("utf-16-le") in path.read_bytes():
            raise RosterFileError(
                f"Tệp “{path.name}” được đặt mật khẩu nên không đọc được. Hãy mở tệp bằng Excel, gỡ mật khẩu "
                "(Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi tải lên."
            )
        return "xls"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16 text (Excel's "Unicode Text")
    if b"\x00" in head:
        return "binary"
    if re.match(rb"\s*<(?:!doctype html|html|table)", head[:200].lower()):
        return "html"
    return "text"


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
        raise RosterFileError(f"Không đọc được tệp “{name}”: chỉ nhận tệp .xlsx, .xls, .ods hoặc .csv.")
    try:
        with path.open("rb") as stream:
            head = stream.read(2048)
    except OSError:
        raise RosterFileError(f"Không mở được tệp “{name}”.") from None
    if not head:
        raise RosterFileError(f"Tệp “{name}” rỗng.")
    kind = _content_kind(path, head)
    expected = "text" if ext == "csv" else ext
    if kind != expected:
        raise RosterFileError(
            f"Tệp “{name}” không đúng định dạng .{ext}: nội dung của tệp là {_KINDS[kind]}. {SAVE_AS_XLSX}"
        )
    if ext == "xlsx":
        with _open_xlsx(path) as roster:
            yield roster
    elif ext == "csv":
        yield _read_csv(path)
    else:
        yield _read_with_tablib(path, ext)


@contextmanager
def _open_xlsx(path: Path) -> Iterator[Roster]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # corrupt zip, missing parts, malformed XML: all mean the same to the organizer
        raise RosterFileError(f"Tệp “{path.name}” bị hỏng hoặc không phải bảng tính Excel hợp lệ.") from None
    try:
        yield _parse_workbook(workbook, path.name)
    finally:
        workbook.close()


def _parse_workbook(workbook, name: str) -> Roster:
    sheets = list(workbook.worksheets)
    active = workbook.active
    if active in sheets:
        sheets.remove(active)
        sheets.insert(0, active)
    first_error = None
    for sheet in sheets:
        declared = sheet.max_row  # from <dimension>: only an estimate, generators get it wrong
        sheet.reset_dimensions()  # so read what is really there
        try:
            return _parse(guarded_rows(_sheet_rows(sheet), name), "xlsx", declared)
        except _HeaderNotFoundError as error:
            first_error = first_error or error
    raise first_error or RosterFileError(f"Tệp “{name}” không có trang tính nào.")


def _sheet_rows(sheet) -> Iterator[tuple[int, tuple]]:
    """The sheet's rows, as wide as the table: its width is taken from the rows where the header
    is searched, so a stray cell far to the right does not widen (and slow) every row."""
    head = list(itertools.islice(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), HEADER_SEARCH_ROWS + 1))
    width = max((index + 1 for cells in head for index, value in enumerate(cells) if value is not None), default=1)
    yield from enumerate(head, start=1)
    if len(head) > HEADER_SEARCH_ROWS:
        rest = sheet.iter_rows(min_row=len(head) + 1, max_col=width, values_only=True)
        yield from enumerate(rest, start=len(head) + 1)


def guarded_rows(rows: Iterator, name: str) -> Iterator:
    """Rows, with XML that openpyxl cannot parse (or that defusedxml refuses) reported in Vietnamese."""
    try:
        yield from rows
    except RosterFileError:
        raise
    except Exception:
        raise RosterFileError(f"Tệp “{name}” bị hỏng hoặc có nội dung không hợp lệ nên không đọc được.") from None


def _read_with_tablib(path: Path, ext: str) -> Roster:
    import tablib
    from tablib.exceptions import UnsupportedFormat

    try:
        dataset = tablib.Dataset().load(path.read_bytes(), format=ext, headers=False)
    except UnsupportedFormat:
        raise RosterFileError(
            f"Hệ thống chưa đọc được tệp dạng .{ext} (“{path.name}”). Hãy mở tệp bằng Excel hoặc LibreOffice, "
            "lưu lại dạng .xlsx (Excel Workbook) rồi tải lên lại."
        ) from None
    except Exception:
        raise RosterFileError(f"Tệp “{path.name}” bị hỏng hoặc không đọc được.") from None
    rows = (dataset[index][:MAX_COLUMNS] for index in range(dataset.height))
    return _parse(enumerate(rows, start=1), ext, dataset.height)


def _decode_csv(path: Path) -> str:
    data = path.read_bytes()
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RosterFileError(
            f"Tệp “{path.name}” không được lưu bằng bảng mã UTF-8 (có thể là Windows-1258, TCVN3 hoặc VNI) "
            "nên chữ tiếng Việt sẽ bị lỗi. Hãy mở tệp bằng Excel, chọn Lưu thành (Save As) › "
            "“CSV UTF-8 (Comma delimited)” hoặc lưu dạng .xlsx, rồi tải lên lại."
        ) from None


def _csv_records(text: str, delimiter: str, name: str) -> Iterator[tuple[int, list]]:
    """(physical line number of the record's first line, fields)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for record in reader:
            yield start, record[:MAX_COLUMNS]
            start = reader.line_num + 1
    except csv.Error as error:
        raise RosterFileError(f"Tệp “{name}” không đọc được từ dòng {start}: {error}.") from None


def _choose_delimiter(text: str, name: str) -> str:
    """The delimiter with which the header row is found (best: most recognised headers)."""

    def score(delimiter):
        best = (False, 0)
        try:
            for _, cells in itertools.islice(_csv_records(text, delimiter, name), HEADER_SEARCH_ROWS):
                best = max(best, (_is_header_row(cells), len(_recognised(cells))))
        except RosterFileError:
            pass
        return best

    return max((",", ";", "\t"), key=score)  # max keeps the first of equals: comma


def _read_csv(path: Path) -> Roster:
    text = _decode_csv(path)
    delimiter = _choose_delimiter(text, path.name)
    return _parse(_csv_records(text, delimiter, path.name), "csv", text.count("\n") + 1)
