"""Opening the spreadsheets people upload (.xlsx, .xls, .ods, .csv) safely, for every reader of
them: attendee rosters, filled sign-in sheets, the statistics office's lists of units.

`check_spreadsheet` tells a file's real kind from its bytes, whatever its name says, and refuses an
empty file, a zip bomb, a password-protected workbook and content that is not what the extension
claims. The readers then stay within bounds: `open_workbook` opens an .xlsx read-only (openpyxl,
with defusedxml), `sheet_rows` reads a sheet only as wide as its table and reports XML that breaks
further down, `until_blank_run` stops at a sheet "formatted" down to row 1,048,576, `read_table`
reads .xls and .ods, `decode_csv` and `csv_records` read CSV. Every problem with a file as a whole
is a `SpreadsheetError`, with a message for people; a problem with one cell is a `CellError`.
"""

import csv
import io
import itertools
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from lms.text import clean_text
from lms.uploads import UTF16_BOMS, DamagedArchiveError, OversizedArchiveError, content_kind, encrypted_office, zip_kind

HEADER_SEARCH_ROWS = 30  # a table's header row must be within the first 30 rows
MAX_BLANK_RUN = 1000  # stop after this many consecutive blank rows (sheets "formatted" to row 1048576)
MAX_COLUMNS = 100  # cells further right are not read (a stray cell in column XFD widens every row)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet would run as a formula

# What a spreadsheet's content turned out to be, as the refusal names it ("… its content is %(kind)s").
KIND_NAMES = {
    "xlsx": pgettext_lazy("file content", "an Excel workbook (.xlsx)"),
    "xls": pgettext_lazy("file content", "an Excel 97–2003 (.xls) or Word 97–2003 file"),
    "ods": pgettext_lazy("file content", "an OpenDocument spreadsheet (.ods)"),
    "docx": pgettext_lazy("file content", "a Word document (.docx)"),
    "zip": pgettext_lazy("file content", "a ZIP archive"),
    "pdf": pgettext_lazy("file content", "a PDF file"),
    "html": pgettext_lazy("file content", "a web page (HTML)"),
    "binary": pgettext_lazy("file content", "a binary file of unknown type"),
    "text": pgettext_lazy("file content", "plain text (CSV)"),
}
SAVE_AS_XLSX = gettext_lazy("Open the file in Excel, save it as .xlsx (Excel Workbook) and upload it again.")
_EXPECTED_KIND = {"csv": "text", "xlsm": "xlsx"}  # by extension, where the kind is not named alike
_SPREADSHEET_KIND = {"markup": "html", "image": "binary", "program": "binary", "ole": "xls"}


@dataclass(frozen=True)
class CellError:
    """A problem with one cell (or, when `column` is None, with a whole row): the row number as in
    the spreadsheet, the column's header text as in the file, and a message for people."""

    row: int
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.column:
            return _("Row %(row)s, column “%(column)s”: %(message)s") % {
                "row": self.row, "column": self.column, "message": self.message,
            }  # fmt: skip
        return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


class SpreadsheetError(Exception):
    """The file cannot be read at all. `message` is for people (translated); `errors` may add cells."""

    def __init__(self, message: str, errors: Iterable[CellError] = ()):
        super().__init__(message)
        self.message = message
        self.errors: list[CellError] = list(errors)

    def __str__(self) -> str:
        return "\n".join([self.message, *(str(error) for error in self.errors)])


def cell_text(value) -> str:
    """A cell as text: whole numbers without ".0", dates as dd/mm/yyyy, through clean_text."""
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


# --------------------------------------------------------------------------- what the file is


def spreadsheet_kind(path: Path, head: bytes) -> str:
    """What the file is, from its first bytes (and, for an archive, its parts): "xlsx", "xls",
    "ods", "docx", "zip", "pdf", "html", "binary" or "text" (the keys of KIND_NAMES).

    Raises SpreadsheetError for a zip bomb, a damaged archive and a password-protected file."""
    kind = content_kind(head)
    if kind == "zip":
        try:
            kind = zip_kind(path)
        except OversizedArchiveError as error:
            raise SpreadsheetError(
                _(
                    "The file “%(name)s” is abnormal: its part “%(part)s” unpacks too large (%(size)s MB). "
                    "It will not be read."
                )
                % {"name": path.name, "part": error.part.filename, "size": error.part.file_size // (1024 * 1024)}
            ) from None
        except DamagedArchiveError:
            raise SpreadsheetError(
                _(
                    "The file “%(name)s” is damaged or was not uploaded completely (the archive cannot be read). "
                    "Open it in Excel again, save it and upload it once more."
                )
                % {"name": path.name}
            ) from None
        return kind if kind in ("xlsx", "ods", "docx") else "zip"
    if kind == "ole":
        with path.open("rb") as stream:
            encrypted = encrypted_office(stream)
        if encrypted:
            raise SpreadsheetError(
                _(
                    "The file “%(name)s” is protected by a password, so it cannot be read. Open it in Excel, "
                    "remove the password (File › Info › Protect Workbook › Encrypt with Password, clear the "
                    "password), save it and upload it."
                )
                % {"name": path.name}
            )
    return _SPREADSHEET_KIND.get(kind, kind)


def check_spreadsheet(path) -> None:
    """Refuse (SpreadsheetError) a file that cannot be opened, is empty, is a zip bomb or
    password-protected, or whose content is not what its extension (.xlsx, .xlsm, .xls, .ods,
    .csv) says. The caller has checked that the extension is one it reads."""
    path = Path(path)
    name, extension = path.name, path.suffix.lower().lstrip(".")
    try:
        with path.open("rb") as stream:
            head = stream.read(2048)
    except OSError:
        raise SpreadsheetError(_("Cannot open the file “%(name)s”.") % {"name": name}) from None
    if not head:
        raise SpreadsheetError(_("The file “%(name)s” is empty.") % {"name": name})
    kind = spreadsheet_kind(path, head)
    if kind != _EXPECTED_KIND.get(extension, extension):
        raise SpreadsheetError(
            _("The file “%(name)s” is not in the .%(extension)s format: its content is %(kind)s. %(advice)s")
            % {"name": name, "extension": extension, "kind": KIND_NAMES[kind], "advice": SAVE_AS_XLSX}
        )


# --------------------------------------------------------------------------- reading it


@contextmanager
def open_workbook(path) -> Iterator:
    """An .xlsx workbook opened read-only, values only (formulas as last computed), closed on exit.
    Check it with check_spreadsheet first: openpyxl would unpack a zip bomb."""
    import openpyxl

    path = Path(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # corrupt zip, missing parts, malformed XML: all mean the same to the person
        raise SpreadsheetError(
            _("The file “%(name)s” is damaged or is not a valid Excel workbook.") % {"name": path.name}
        ) from None
    try:
        yield workbook
    finally:
        workbook.close()


def guarded_rows(rows: Iterator, name: str) -> Iterator:
    """Rows, with XML that openpyxl cannot parse (or that defusedxml refuses) reported as SpreadsheetError."""
    try:
        yield from rows
    except SpreadsheetError:
        raise
    except Exception:
        raise SpreadsheetError(
            _("The file “%(name)s” is damaged or holds invalid content, so it cannot be read.") % {"name": name}
        ) from None


def sheet_rows(sheet, name: str) -> Iterator[tuple[int, tuple]]:
    """A read-only sheet's rows as (row number, values), as far down as it really goes (its declared
    size is forgotten: generators get it wrong) and as wide as the table: the width is taken from
    the rows where a header is searched, so a stray cell far to the right does not widen (and slow)
    every row. XML that breaks further down raises SpreadsheetError."""

    def rows():
        sheet.reset_dimensions()
        top = sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
        head = list(itertools.islice(top, HEADER_SEARCH_ROWS + 1))
        width = max((index + 1 for cells in head for index, value in enumerate(cells) if value is not None), default=1)
        yield from enumerate((cells[:width] for cells in head), start=1)
        if len(head) > HEADER_SEARCH_ROWS:
            rest = sheet.iter_rows(min_row=len(head) + 1, max_col=width, values_only=True)
            yield from enumerate(rest, start=len(head) + 1)

    return guarded_rows(rows(), name)


def until_blank_run(rows: Iterable[tuple[int, Sequence]]) -> Iterator[tuple[int, Sequence]]:
    """The numbered rows, blank ones included, up to MAX_BLANK_RUN blank rows in a row: a stray
    cell in row 1,048,576 is not worth reading a million empty rows."""
    blank_run = 0
    for number, cells in rows:
        blank_run = 0 if any(cell_text(cell) for cell in cells) else blank_run + 1
        if blank_run >= MAX_BLANK_RUN:
            return
        yield number, cells


def read_table(path, extension: str) -> tuple[Iterator[tuple[int, tuple]], int]:
    """The rows of an .xls or .ods file as (row number, values), and how many there are. Such files
    are read whole (tablib), as they come small: a big list comes as .xlsx or .csv."""
    import tablib
    from tablib.exceptions import UnsupportedFormat

    path = Path(path)
    try:
        dataset = tablib.Dataset().load(path.read_bytes(), format=extension, headers=False)
    except UnsupportedFormat:
        raise SpreadsheetError(
            _(
                "Files of the .%(extension)s kind cannot be read yet (“%(name)s”). Open the file in Excel or "
                "LibreOffice, save it as .xlsx (Excel Workbook) and upload it again."
            )
            % {"extension": extension, "name": path.name}
        ) from None
    except Exception:
        raise SpreadsheetError(_("The file “%(name)s” is damaged or cannot be read.") % {"name": path.name}) from None
    rows = (dataset[index][:MAX_COLUMNS] for index in range(dataset.height))
    return enumerate(rows, start=1), dataset.height


def decode_csv(path, *, utf16: bool = True) -> str:
    """A CSV file's text: UTF-8 (with or without a BOM) or, when `utf16`, UTF-16 with its BOM
    (Excel's "Unicode Text"). Anything else (Windows-1258, TCVN3, VNI) raises SpreadsheetError."""
    path = Path(path)
    data = path.read_bytes()
    try:
        if utf16 and data.startswith(UTF16_BOMS):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SpreadsheetError(
            _(
                "The file “%(name)s” is not saved in the UTF-8 encoding (it may be Windows-1258, TCVN3 or VNI), so "
                "Vietnamese letters would come out wrong. Open it in Excel, choose Save As › “CSV UTF-8 (Comma "
                "delimited)” or save it as .xlsx, and upload it again."
            )
            % {"name": path.name}
        ) from None


def csv_records(text: str, delimiter: str, name: str) -> Iterator[tuple[int, list]]:
    """(physical line number of the record's first line, its first MAX_COLUMNS fields)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for record in reader:
            yield start, record[:MAX_COLUMNS]
            start = reader.line_num + 1
    except csv.Error as error:
        raise SpreadsheetError(
            _("The file “%(name)s” cannot be read from line %(line)s: %(error)s.")
            % {"name": name, "line": start, "error": error}
        ) from None
