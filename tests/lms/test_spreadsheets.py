"""The upload and spreadsheet guards every reader shares (lms.uploads, lms.spreadsheets): what a file
is, from its bytes; zip bombs, damaged archives and passwords; the bounds on what is read."""

import ast
import io
import zipfile
from pathlib import Path

import pytest

from lms.spreadsheets import (
    MAX_BLANK_RUN,
    SpreadsheetError,
    check_spreadsheet,
    csv_records,
    decode_csv,
    open_workbook,
    sheet_rows,
    until_blank_run,
)
from lms.uploads import DamagedArchiveError, OversizedArchiveError, content_kind, encrypted_office, zip_kind
from tests import corpus

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "head, kind",
    [
        (b"PK\x03\x04rest", "zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(8), "ole"),
        (corpus.pdf_bytes(), "pdf"),
        (b"junk before the header %PDF-1.4", "pdf"),
        (corpus.html_bytes(), "markup"),
        (b"\xef\xbb\xbf  <TABLE><tr><td>1</td></tr></TABLE>", "markup"),  # Excel's "Web Page" saved as .xls
        (corpus.svg_with_script(), "markup"),
        (corpus.php_script(), "markup"),
        (b"\x89PNG\r\n\x1a\n" + bytes(8), "image"),
        (b"MZ\x90\x00" + bytes(8), "program"),
        (b"\x00\x01\x02\x03", "binary"),
        ("Họ và tên\tNăm sinh".encode("utf-16"), "text"),  # UTF-16 has NULs, and is text
        ("Họ và tên,Năm sinh\r\n".encode(), "text"),
    ],
)
def test_content_kind(head, kind):
    assert content_kind(head) == kind


def test_zip_kind(tmp_path):
    assert zip_kind(corpus.xlsx(tmp_path / "a.xlsx", [["x"]])) == "xlsx"
    assert zip_kind(corpus.word_zip(tmp_path / "a.docx")) == "docx"
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("notes.txt", "x")
    assert zip_kind(plain) == "zip"
    with pytest.raises(OversizedArchiveError) as bomb:
        zip_kind(corpus.with_zip_bomb(corpus.xlsx(tmp_path / "bomb.xlsx", [["x"]])))
    assert bomb.value.part.filename == "xl/media/image1.bin"
    with pytest.raises(DamagedArchiveError):
        zip_kind(corpus.truncated(corpus.xlsx(tmp_path / "cut.xlsx", [["x"] * 8] * 400)))


def test_a_password_is_found_wherever_the_container_keeps_it():
    marker = "EncryptionInfo".encode("utf-16-le")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    far = ole + bytes((1 << 20) - len(ole) - 7) + marker + bytes(100)  # across the first megabyte's edge
    assert encrypted_office(io.BytesIO(far))
    assert not encrypted_office(io.BytesIO(ole + bytes(3 << 20)))
    assert not encrypted_office(io.BytesIO(b"PK\x03\x04" + marker))  # only an OLE container says so


def test_check_spreadsheet_refuses_what_the_name_hides(tmp_path):
    check_spreadsheet(corpus.xlsx(tmp_path / "ok.xlsx", [["x"]]))
    check_spreadsheet(corpus.write(tmp_path / "ok.csv", "Họ và tên\r\n".encode("utf-16")))
    refused = {
        "empty.xlsx": b"",
        "page.xlsx": corpus.html_bytes(),
        "text.xlsx": b"a,b\r\n",
        "sheet.csv": (tmp_path / "ok.xlsx").read_bytes(),
        "locked.xlsx": corpus.encrypted_office(tmp_path / "e.xlsx").read_bytes(),
    }
    for name, data in refused.items():
        with pytest.raises(SpreadsheetError):
            check_spreadsheet(corpus.write(tmp_path / name, data))


def test_reading_stays_within_bounds(tmp_path):
    path = corpus.with_cell_at_last_row(corpus.xlsx(tmp_path / "a.xlsx", [["a", "b"]] * 3))
    with open_workbook(path) as workbook:
        rows = list(until_blank_run(sheet_rows(workbook.active, path.name)))
    assert len(rows) == 3 + MAX_BLANK_RUN - 1 and rows[0] == (1, ("a", "b"))

    with pytest.raises(SpreadsheetError):
        with open_workbook(corpus.write(tmp_path / "bad.xlsx", b"PK\x03\x04 not really")):
            pass
    with pytest.raises(SpreadsheetError):
        decode_csv(corpus.write(tmp_path / "old.csv", "Ghi chú".encode("cp1252")))
    assert list(csv_records('a,"b\r\nc"\r\nd,e\r\n', ",", "x.csv")) == [(1, ["a", "b\r\nc"]), (3, ["d", "e"])]


def test_the_sign_in_sheet_imports_only_public_names():
    tree = ast.parse((ROOT / "attendance" / "signin_sheet.py").read_text(encoding="utf-8"))
    private = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.name.startswith("_")
    ]
    assert not private
