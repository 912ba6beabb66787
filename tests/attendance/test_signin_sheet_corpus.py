"""Hostile and awkward sign-in sheets, posted to the upload page as the class's organizer.

Every file either records its marks or is refused with a clear Vietnamese message on the
re-rendered form (a 200 with the error, never a 500 or a redirect to success), and a refused
file records nothing: no attendance record, no file left in MEDIA_ROOT.
"""

import io
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from accounts.factories import UserFactory
from accounts.roles import Role
from attendance import signin_sheet
from attendance.factories import SessionFactory
from attendance.models import AttendanceRecord
from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import AdministrativeUnit, Enrollment
from tests import corpus
from tests.answers import redirected_to

NAMES = [("Nguyễn Thị Hồng Đào", 1978), ("Trần Văn Đức", 1985), ("Lê Văn Bình", 1969)]
FIRST_ROW = 9  # the downloaded sheet's first person


@dataclass
class Class:
    offering: object
    sessions: list
    people: dict


@pytest.fixture
def klass(db, client, media):
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    offering = OfferingFactory(unit=unit)
    sessions = [SessionFactory(offering=offering, title=f"Ngày {n} - sáng") for n in (1, 2)]
    people = {
        name: Enrollment.objects.create(offering=offering, participant=ParticipantFactory(full_name=name, birth_year=y))
        for name, y in NAMES
    }
    client.force_login(UserFactory(role=Role.ORGANIZER, unit=unit))
    return Class(offering, sessions, people)


def filled(klass, path, change=None):
    """The class's own sheet, everyone present at both sessions, then `change(sheet)`."""
    workbook = load_workbook(io.BytesIO(signin_sheet.sheet_xlsx(klass.offering, klass.sessions)))
    sheet = workbook.active
    for row in range(FIRST_ROW, FIRST_ROW + len(NAMES)):
        sheet.cell(row, 6).value = sheet.cell(row, 7).value = "x"
    if change:
        change(sheet)
    workbook.save(path)
    return path


def as_text(cell, value):
    """Put `value` in the cell as text, as a typed "=…" or "-2+3" stays when the cell is formatted as Text."""
    cell.value = value
    cell.data_type = "s"


def hand_typed(path, rows, header=("STT", "Họ và tên", "Năm sinh", "Ngày 1 - sáng", "Ngày 2 - sáng", "Mã")):
    return corpus.xlsx(path, rows, title=[["DANH SÁCH KÝ NHẬN"]], header=list(header))


# --------------------------------------------------------------------------- the files


def empty(tmp, klass):
    return corpus.write(tmp / "ky-nhan.xlsx", b"")


def oversized(tmp, klass):
    return corpus.sparse(tmp / "ky-nhan.xlsx", 21 * corpus.MB, head=filled(klass, tmp / "a.xlsx").read_bytes())


def csv_extension(tmp, klass):
    return corpus.csv_file(tmp / "ky-nhan.csv", [[1, "Trần Văn Đức", 1985, "x", "x"]], header=["STT", "Họ và tên"])


def xls_extension(tmp, klass):
    return filled(klass, tmp / "ky-nhan.xls")


def no_extension(tmp, klass):
    return filled(klass, tmp / "ky-nhan")


def script_extension(tmp, klass):
    return corpus.write(tmp / "ky-nhan.xlsx.php", corpus.php_script())


def csv_named_xlsx(tmp, klass):
    return corpus.csv_file(tmp / "ky-nhan.xlsx", [[1, "Trần Văn Đức", 1985, "x"]], header=["STT", "Họ và tên"])


def pdf_named_xlsx(tmp, klass):
    return corpus.write(tmp / "ky-nhan.xlsx", corpus.pdf_bytes())


def html_named_xlsx(tmp, klass):
    return corpus.write(tmp / "ky-nhan.xlsx", corpus.html_bytes())


def word_named_xlsx(tmp, klass):
    return corpus.word_zip(tmp / "ky-nhan.xlsx")


def png_named_xlsx(tmp, klass):
    return corpus.write(tmp / "ky-nhan.xlsx", corpus.image_bytes((40, 40)))


def truncated(tmp, klass):
    return corpus.truncated(filled(klass, tmp / "ky-nhan.xlsx"))


def cut_off_below_the_header(tmp, klass):
    rows = [[n, f"Người {n}", 1980, "x", "x"] for n in range(1, 61)]
    return corpus.sheet_xml_cut_off(hand_typed(tmp / "ky-nhan.xlsx", rows), after_rows=45)


def password_protected(tmp, klass):
    return corpus.encrypted_office(tmp / "ky-nhan.xlsx")


def zip_bomb(tmp, klass):
    return corpus.with_zip_bomb(filled(klass, tmp / "ky-nhan.xlsx"))


def entity_bomb(tmp, klass):
    return corpus.with_entity_bomb(filled(klass, tmp / "ky-nhan.xlsx"))


def entity_bomb_in_the_workbook_part(tmp, klass):
    return corpus.with_entity_bomb(filled(klass, tmp / "ky-nhan.xlsx"), member="xl/workbook.xml")


def no_header(tmp, klass):
    return corpus.xlsx(tmp / "ky-nhan.xlsx", [["Trần Văn Đức", 1985, "x"]])


def no_session_columns(tmp, klass):
    return hand_typed(tmp / "ky-nhan.xlsx", [[1, "Trần Văn Đức", 1985, "x"]], header=["STT", "Họ và tên", "Năm sinh"])


def formula_in_a_mark(tmp, klass):
    return filled(klass, tmp / "ky-nhan.xlsx", lambda sheet: as_text(sheet.cell(FIRST_ROW + 1, 6), "-2+3"))


def script_in_a_name(tmp, klass):
    return filled(klass, tmp / "ky-nhan.xlsx", lambda sheet: sheet.append([4, corpus.SCRIPT, 1990, "", "", "x", "x"]))


def formula_text_as_a_name(tmp, klass):
    def add(sheet):
        sheet.append([4, "", 1990, "", "", "x", "x"])
        as_text(sheet.cell(sheet.max_row, 2), "=cmd|' /C calc'!A0")

    return filled(klass, tmp / "ky-nhan.xlsx", add)


def formula_as_a_name_without_its_value(tmp, klass):
    # A formula Excel never computed has no value to read: the row has no name and is passed over.
    return filled(klass, tmp / "ky-nhan.xlsx", lambda sheet: sheet.append([4, '=CONCAT("Trần ","Văn")', 1990]))


def superscript_year_and_code(tmp, klass):
    # str.isdigit() says yes to "¹⁹⁸⁵", int() says no.
    rows = [[1, "Đinh Công Tráng", "¹⁹⁸⁵", "x", "x", "²"], [2, "Trần Văn Đức", 1985, "x", "x", "٣"]]
    return hand_typed(tmp / "ky-nhan.xlsx", rows)


def huge_code(tmp, klass):
    return hand_typed(tmp / "ky-nhan.xlsx", [[1, "Đinh Công Tráng", 1990, "x", "x", "9" * 40]])


def million_rows_claimed(tmp, klass):
    return corpus.with_false_dimension(filled(klass, tmp / "ky-nhan.xlsx"))


def stray_cell_in_the_last_row(tmp, klass):
    return corpus.with_cell_at_last_row(filled(klass, tmp / "ky-nhan.xlsx"))


def nfd_and_zero_width_names(tmp, klass):
    def retype(sheet):
        for row in range(FIRST_ROW, FIRST_ROW + len(NAMES)):
            name = sheet.cell(row, 2).value
            sheet.cell(row, 2).value = unicodedata.normalize("NFD", name).replace(" ", "\u200b ", 1) + "\u00a0"
            sheet.cell(row, 8).value = None  # no codes: matched by name and year only

    return filled(klass, tmp / "ky-nhan.xlsx", retype)


def script_in_the_file_name(tmp, klass):
    return filled(klass, tmp / f"{corpus.SCRIPT_FILE_NAME}.xlsx")


def script_in_the_file_name_broken_file(tmp, klass):
    return corpus.write(tmp / f"{corpus.SCRIPT_FILE_NAME}.xlsx", corpus.html_bytes())


# --------------------------------------------------------------------------- expectations


@dataclass
class Refused:
    """The form comes back (200) with this message under the file field."""

    text: str


@dataclass
class RowErrors:
    """The page lists these errors under "Chưa ghi nhận gì"."""

    texts: tuple


@dataclass
class Records:
    """The marks are recorded: this many records, and the success message."""

    records: int


CORPUS = {
    "empty": (empty, Refused("Tập tin được gửi là rỗng.")),
    "21 MB": (oversized, Refused("Tệp lớn hơn 20 MB.")),
    ".csv": (csv_extension, Refused("Hãy tải lên danh sách dạng bảng tính Excel (.xlsx).")),
    ".xls": (xls_extension, Refused("Hãy tải lên danh sách dạng bảng tính Excel (.xlsx).")),
    "no extension": (no_extension, Refused("Hãy tải lên danh sách dạng bảng tính Excel (.xlsx).")),
    ".xlsx.php": (script_extension, Refused("Hãy tải lên danh sách dạng bảng tính Excel (.xlsx).")),
    "CSV named .xlsx": (csv_named_xlsx, Refused("không đúng định dạng .xlsx: nội dung của tệp là văn bản thuần")),
    "PDF named .xlsx": (pdf_named_xlsx, Refused("không đúng định dạng .xlsx: nội dung của tệp là tệp PDF")),
    "HTML named .xlsx": (html_named_xlsx, Refused("không đúng định dạng .xlsx: nội dung của tệp là trang web (HTML)")),
    "Word named .xlsx": (word_named_xlsx, Refused("nội dung của tệp là văn bản Word")),
    "PNG named .xlsx": (png_named_xlsx, Refused("nội dung của tệp là tệp nhị phân không rõ loại")),
    "truncated upload": (truncated, Refused("Tệp “ky-nhan.xlsx” bị hỏng hoặc chưa tải lên hết")),
    "XML cut off below the header": (cut_off_below_the_header, Refused("Tệp “ky-nhan.xlsx” bị hỏng")),
    "password protected": (password_protected, Refused("Tệp “ky-nhan.xlsx” được đặt mật khẩu")),
    "zip bomb": (zip_bomb, Refused("giải nén ra quá lớn")),
    "XML entity bomb in the sheet": (entity_bomb, Refused("Tệp “ky-nhan.xlsx” bị hỏng")),
    "XML entity bomb in the workbook": (entity_bomb_in_the_workbook_part, Refused("Tệp “ky-nhan.xlsx” bị hỏng")),
    "no header": (no_header, Refused("Không tìm thấy dòng tiêu đề")),
    "no session columns": (no_session_columns, Refused("Không thấy cột nào của các buổi học")),
    "formula in a mark": (formula_in_a_mark, RowErrors(("Dòng 10, “Ngày 1 - sáng (", "không hiểu ký hiệu “-2+3”"))),
    "script as a name": (script_in_a_name, RowErrors(("“&lt;script&gt;alert(1)&lt;/script&gt;” không có trong",))),
    "formula text as a name": (formula_text_as_a_name, RowErrors(("“=cmd|&#x27; /C calc&#x27;!A0” không có trong",))),
    "formula never computed as a name": (formula_as_a_name_without_its_value, Records(6)),
    "superscript digits": (superscript_year_and_code, RowErrors(("“Đinh Công Tráng” không có trong danh sách",))),
    "a 40-digit code": (huge_code, RowErrors(("“Đinh Công Tráng” không có trong danh sách lớp này",))),
    "a million rows claimed": (million_rows_claimed, Records(6)),
    "a cell in row 1,048,576": (stray_cell_in_the_last_row, Records(6)),
    "NFD, zero-width space, NBSP": (nfd_and_zero_width_names, Records(6)),
    "script in the file name": (script_in_the_file_name, Records(6)),
    "script in a broken file's name": (
        script_in_the_file_name_broken_file,
        Refused("Tệp “&lt;img src=x onerror=alert(1)&gt;.xlsx” không đúng định dạng .xlsx"),
    ),
}


def _post(client, offering, path):
    with open(path, "rb") as handle:
        return client.post(reverse("attendance:signin_sheet_upload", args=[offering.pk]), {"file": handle})


def _media_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(path) for path in root.rglob("*") if path.is_file()) if root.exists() else []


@pytest.mark.parametrize("make, expected", CORPUS.values(), ids=CORPUS.keys())
def test_corpus(make, expected, klass, client, settings, tmp_path):
    path = make(tmp_path, klass)
    started = time.monotonic()
    response = _post(client, klass.offering, path)
    assert time.monotonic() - started < 5  # a file that claims a million rows is not read a million times
    page = response.content.decode()
    if isinstance(expected, Records):
        assert response.status_code == 302 and response["Location"] == reverse("attendance:offering",
                                                                               args=[klass.offering.pk])  # fmt: skip
        assert AttendanceRecord.objects.count() == expected.records
        assert set(AttendanceRecord.objects.values_list("status", flat=True)) == {"present"}
        assert "ghi nhận 6 lượt điểm danh" in client.get(response["Location"]).content.decode()
        return
    assert response.status_code == 200, page[:500]
    if isinstance(expected, Refused):
        form = response.context["form"]
        assert expected.text in page, form.errors
        assert form.errors["file"]
    else:
        assert "Chưa ghi nhận gì. Hãy sửa các ô sau rồi tải lên lại:" in page
        for text in expected.texts:
            assert text in page
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert not AttendanceRecord.objects.exists()
    assert _media_files(settings) == []


def test_a_refused_sheet_leaves_earlier_marks_as_they_were(klass, client, tmp_path):
    assert redirected_to(_post(client, klass.offering, filled(klass, tmp_path / "ky-nhan.xlsx"))) == reverse(
        "attendance:offering", args=[klass.offering.pk]
    )
    before = sorted(AttendanceRecord.objects.values_list("pk", "status", "updated_at"))
    path = filled(klass, tmp_path / "lan-2.xlsx", lambda sheet: as_text(sheet.cell(FIRST_ROW, 6), "=1+1"))
    response = _post(client, klass.offering, path)
    assert response.status_code == 200 and "không hiểu ký hiệu “=1+1”" in response.content.decode()
    assert sorted(AttendanceRecord.objects.values_list("pk", "status", "updated_at")) == before


def test_a_hand_made_workbook_without_sessions_names_the_columns_it_needs(klass, client, tmp_path):
    workbook = Workbook()
    workbook.active.append(["Họ và tên", "Năm sinh", "Buổi 1"])
    workbook.save(path := tmp_path / "ky-nhan.xlsx")
    page = _post(client, klass.offering, path).content.decode()
    assert "Tiêu đề cột các buổi cần là: “Ngày 1 - sáng (" in page
