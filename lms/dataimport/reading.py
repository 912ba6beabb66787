"""An uploaded list (.xlsx or .csv) read into a tablib Dataset under our column names.

The file is checked as every upload is (lms.spreadsheets.check_spreadsheet: its real kind, zip bombs,
passwords). The header row is the row, among the first 30, that names the most of the expected
columns; headers are compared without case, diacritics, spaces or punctuation, so "Khóa học",
"KHÓA HỌC" and "khoa hoc" are one column, and each column also goes by its English and usual
Vietnamese names. A title block above the table, columns we do not read, blank rows and a numbering
row "(1) (2) (3)" are passed over; every other row is a row to import, and keeps its number in the
spreadsheet, so a message can name it.
"""

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import tablib
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from lms.spreadsheets import (
    HEADER_SEARCH_ROWS,
    SpreadsheetError,
    cell_text,
    check_spreadsheet,
    csv_records,
    decode_csv,
    open_workbook,
    sheet_rows,
    until_blank_run,
)
from lms.text import fold

EXTENSIONS = (".xlsx", ".csv")
MAX_ROWS = 5000
_NUMBERING = re.compile(r"\(?[0-9]{1,2}\)?")


@dataclass(frozen=True)
class Column:
    """A column of an import: its name (our header, in the template and the exports) and the other
    headers it goes by. A required column must be in the file."""

    name: str
    aliases: tuple[str, ...] = ()
    required: bool = False

    def keys(self) -> set[str]:
        return {header_key(text) for text in (self.name, *self.aliases)}


def header_key(text) -> str:
    """A header as compared: "Giảng viên (email)" -> "giangvienemail"."""
    return re.sub(r"[^0-9a-z]", "", fold(text))


@dataclass
class Table:
    """The rows to import: `dataset` (our column names, the columns the file has), the spreadsheet's
    number of each row, and each column's header as the file writes it."""

    dataset: tablib.Dataset
    row_numbers: list[int] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    def row_number(self, index: int) -> int:
        """The spreadsheet's row number of the dataset's row `index` (1 for the first)."""
        return self.row_numbers[index - 1]

    def header(self, column: str) -> str:
        """How the file names our column (our name when the file does not have it)."""
        return self.headers.get(column, column)


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f"“{name}”" for name in names)


class _Header:
    """Which of our columns each cell of a row names."""

    def __init__(self, columns: list[Column]):
        self.columns = columns
        self.by_key = {key: column for column in columns for key in column.keys()}

    def read(self, cells) -> dict[int, Column]:
        return {
            index: column
            for index, cell in enumerate(cells)
            if (column := self.by_key.get(header_key(cell_text(cell))))
        }


def _find_header(rows: Iterator[tuple[int, list]], header: _Header):
    """(header row number, its cells, {index: Column}, the rows after it), or None: the row of the first
    30 that names the most columns (two at least)."""
    head = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
    best = None
    for position, (number, cells) in enumerate(head):
        found = header.read(cells)
        if len({column.name for column in found.values()}) >= 2 and (best is None or len(found) > len(best[2])):
            best = (number, cells, found, position)
    if best is None:
        return None
    number, cells, found, position = best
    return number, cells, found, itertools.chain(head[position + 1 :], rows)


def _table(rows, header: _Header, name: str, alternatives) -> Table:
    found_header = _find_header(iter(rows), header)
    if found_header is None:
        raise SpreadsheetError(
            _("No header row was found in “%(name)s”: the table needs the columns %(columns)s.")
            % {"name": name, "columns": _quoted(column.name for column in header.columns if column.required)}
        )
    _number, cells, found, rest = found_header
    seen = {}
    for index, column in sorted(found.items()):
        if column.name in seen:
            raise SpreadsheetError(
                _("The column “%(column)s” appears twice in “%(name)s” (columns %(first)s and %(second)s).")
                % {"column": column.name, "name": name, "first": get_column_letter(seen[column.name] + 1),
                   "second": get_column_letter(index + 1)}
            )  # fmt: skip
        seen[column.name] = index
    present = [cell_text(cells[index]) for index in sorted(found)]
    missing = [column.name for column in header.columns if column.required and column.name not in seen]
    missing += [" / ".join(group) for group in alternatives if not any(column in seen for column in group)]
    if missing:
        raise SpreadsheetError(
            _("The file “%(name)s” has no column %(missing)s. Its columns: %(present)s.")
            % {"name": name, "missing": _quoted(missing), "present": _quoted(present)}
        )
    order = [column.name for column in header.columns if column.name in seen]
    table = Table(tablib.Dataset(headers=order), headers={column: cell_text(cells[seen[column]]) for column in order})
    for number, cells in rest:
        values = [cell_text(cells[seen[column]]) if seen[column] < len(cells) else "" for column in order]
        filled = [value for value in values if value]
        if not filled or all(_NUMBERING.fullmatch(value) for value in filled):
            continue
        if len(table.row_numbers) >= MAX_ROWS:
            raise SpreadsheetError(
                _("The file “%(name)s” has more than %(limit)s rows: split it into several files.")
                % {"name": name, "limit": MAX_ROWS}
            )
        table.dataset.append(values)
        table.row_numbers.append(number)
    if not table.row_numbers:
        raise SpreadsheetError(_("The file “%(name)s” has no data row under its header.") % {"name": name})
    return table


def read_table(path, columns: list[Column], *, alternatives: tuple[tuple[str, ...], ...] = ()) -> Table:
    """The table of the .xlsx (its first sheet with a header row) or .csv file at `path` (named as the
    person named it: messages name it). `alternatives`: groups of columns of which the file must have
    one. Raises SpreadsheetError, with a message for people, when the file cannot be read or lacks a
    column."""
    path = Path(path)
    name = path.name
    extension = path.suffix.lower()
    if extension not in EXTENSIONS:
        raise SpreadsheetError(_("Only .xlsx and .csv files can be imported here (“%(name)s”).") % {"name": name})
    check_spreadsheet(path)
    header = _Header(columns)
    if extension == ".csv":
        text = decode_csv(path)
        delimiter = max((",", ";", "\t"), key=lambda d: _header_score(csv_records(text, d, name), header))
        return _table(until_blank_run(csv_records(text, delimiter, name)), header, name, alternatives)
    with open_workbook(path) as workbook:
        first_error = None
        for sheet in workbook.worksheets:
            try:
                return _table(until_blank_run(sheet_rows(sheet, name)), header, name, alternatives)
            except SpreadsheetError as error:
                first_error = first_error or error
        raise first_error or SpreadsheetError(_("The file “%(name)s” has no worksheets.") % {"name": name})


def _header_score(records, header: _Header) -> int:
    try:
        return max((len(header.read(cells)) for _n, cells in itertools.islice(records, HEADER_SEARCH_ROWS)), default=0)
    except SpreadsheetError:
        return 0
