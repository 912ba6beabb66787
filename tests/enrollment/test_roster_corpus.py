"""A corpus of bad and awkward roster files, each made here, each run through `import_roster`.

Every file either imports correctly or is refused with a clear Vietnamese message (naming the
row and column where there is one) and leaves the database as it was.
"""

import json
import unicodedata
from dataclasses import dataclass
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from enrollment.factories import OfferingFactory
from enrollment.models import Enrollment, Organization, Participant
from tests import corpus

TITLE = [["UBND XÃ BÁT TRÀNG"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["DANH SÁCH HỌC VIÊN"], []]
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số điện thoại", "Số CCCD", "Email", "Đơn vị công tác"]
GOOD = [
    [1, "Nguyễn Thị Hồng Đào", "05/03/1978", "Nữ", "0912345678", "001178012345", "dao@example.vn", "HTX Bát Tràng"],
    [2, "Trần Văn Đức", "1985", "Nam", "0987654321", "", "", "Công ty Nông sản Sạch"],
]
FIRST_DATA_ROW = len(TITLE) + 2  # Excel's row number of GOOD[0]


def xlsx(path, rows, *, title=TITLE, header=HEADER, sheets=None):
    return corpus.xlsx(path, rows, title=title, header=header, sheets=sheets)


def csv_file(path, rows, *, delimiter=",", encoding="utf-8-sig", header=HEADER):
    return corpus.csv_file(path, rows, header=header, delimiter=delimiter, encoding=encoding)


# --------------------------------------------------------------------------- the files


def empty(tmp):
    (path := tmp / "rong.xlsx").write_bytes(b"")
    return path


def csv_named_xlsx(tmp):
    return csv_file(tmp / "ds.xlsx", GOOD)


def xlsx_named_csv(tmp):
    return xlsx(tmp / "ds.csv", GOOD)


def xlsx_named_xls(tmp):
    return xlsx(tmp / "ds.xls", GOOD)


def pdf_named_xlsx(tmp):
    (path := tmp / "ds.xlsx").write_bytes(corpus.pdf_bytes())
    return path


def html_named_xls(tmp):
    (path := tmp / "ds.xls").write_text("<html><body><table><tr><td>Họ và tên</td></tr></table></body></html>")
    return path


def word_named_xlsx(tmp):
    return corpus.word_zip(tmp / "ds.xlsx")


def truncated_xlsx(tmp):
    return corpus.truncated(xlsx(tmp / "ds.xlsx", GOOD * 50))


def encrypted_xlsx(tmp):
    return corpus.encrypted_office(tmp / "ds.xlsx")


def zip_bomb_xlsx(tmp):
    return corpus.with_zip_bomb(xlsx(tmp / "ds.xlsx", GOOD))


def entity_bomb_xlsx(tmp):
    return corpus.with_entity_bomb(xlsx(tmp / "ds.xlsx", [[1, "&lol3;", 1980]]))


def false_dimension_xlsx(tmp):
    return corpus.with_false_dimension(xlsx(tmp / "ds.xlsx", GOOD))


def stray_cell_in_last_row_xlsx(tmp):
    return corpus.with_cell_at_last_row(xlsx(tmp / "ds.xlsx", GOOD))


def stray_cell_far_right_xlsx(tmp):
    path = xlsx(tmp / "ds.xlsx", GOOD)
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook.active["XFD6"] = "ghi chú lạc"
    workbook.save(path)
    return path


def windows_1258_csv(tmp):
    path = csv_file(tmp / "ds.csv", GOOD, encoding="utf-8")
    path.write_bytes(_cp1258(path.read_text(encoding="utf-8")))
    return path


def _cp1258(text: str) -> bytes:
    """Windows-1258 has ê, ô, ơ, ư, ă, đ but writes tone marks as separate combining characters."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []  # [letter with its non-tone marks, its tone marks]
    for char in unicodedata.normalize("NFD", text):
        if out and char in tones:
            out[-1][1] += char
        elif out and unicodedata.combining(char):
            out[-1][0] = unicodedata.normalize("NFC", out[-1][0] + char)
        else:
            out.append([char, ""])
    out = ["".join(pair) for pair in out]
    return "".join(out).encode("cp1258")


def utf16_tab_text_csv(tmp):
    return csv_file(tmp / "ds.csv", GOOD, delimiter="\t", encoding="utf-16")


def semicolon_bom_crlf_quoted_newline_csv(tmp):
    rows = [[*GOOD[0][:7], "HTX Bát Tràng\nChi nhánh Gia Lâm"], GOOD[1]]
    return csv_file(tmp / "ds.csv", rows, delimiter=";")


def no_name_column(tmp):
    return xlsx(tmp / "ds.xlsx", [[1, "1978", "0912345678"]], header=["STT", "Năm sinh", "Số điện thoại"])


def no_header_at_all(tmp):
    return xlsx(tmp / "ds.xlsx", GOOD, title=[], header=[])


def header_too_far_down(tmp):
    return xlsx(tmp / "ds.xlsx", GOOD, title=[["Ghi chú"]] * 35)


def unsupported_extension(tmp):
    (path := tmp / "ds.txt").write_text("Họ và tên,Năm sinh\nAn,1980\n")
    return path


def header_only(tmp):
    return xlsx(tmp / "ds.xlsx", [[], ["Người lập biểu"]])


def formula_name_without_cached_value(tmp):
    return xlsx(tmp / "ds.xlsx", [GOOD[0], [2, '=CONCATENATE("Trần ","Văn Đức")', "1985", "Nam", "0987654321"]])


def bad_date(tmp):
    return xlsx(tmp / "ds.xlsx", [GOOD[0], [2, "Trần Văn Đức", "31/02/1985", "Nam", "0987654321"]])


def two_digit_year(tmp):
    return xlsx(tmp / "ds.xlsx", [GOOD[0], [2, "Trần Văn Đức", "85", "Nam", "0987654321"]])


def bad_phone(tmp):
    return xlsx(tmp / "ds.xlsx", [GOOD[0], [2, "Trần Văn Đức", "1985", "Nam", "12345"]])


def bad_email(tmp):
    return xlsx(tmp / "ds.xlsx", [GOOD[0], [2, "Trần Văn Đức", "1985", "Nam", "", "", "duc@@mail"]])


def bad_national_id(tmp):
    return xlsx(tmp / "ds.xlsx", [GOOD[0], [2, "Trần Văn Đức", "1985", "Nam", "", "12AB"]])


def unknown_gender(tmp):
    return xlsx(tmp / "ds.xlsx", [GOOD[0], [2, "Trần Văn Đức", "1985", "Không rõ", "0987654321"]])


def name_too_long(tmp):
    return xlsx(tmp / "ds.xlsx", [GOOD[0], [2, "Nguyễn " * 40 + "Đức", "1985"]])


def missing_name(tmp):
    return xlsx(tmp / "ds.xlsx", [GOOD[0], [2, "", "1985", "Nam", "0987654321"]])


def nfd_zero_width_and_nbsp(tmp):
    name = "Nguye\u0302\u0303n\u00a0Thi\u0323\u200b Ho\u0302\u0300ng  \u0110a\u0300o"  # NFD, NBSP, ZWSP, two spaces
    return xlsx(tmp / "ds.xlsx", [[1, name, "05/03/1978", "nữ", 912345678, 1178012345.0], GOOD[1]])


def numbers_excel_mangled(tmp):
    # A phone that lost its zero, an 11-digit pre-2018 mobile, a CCCD as a float, an Excel date serial.
    return xlsx(
        tmp / "ds.xlsx",
        [
            [1, "Nguyễn Thị Hồng Đào", 28189, "Nữ", 912345678, 1178012345.0],
            [2, "Trần Văn Đức", 1985, "Nam", 1687654321],
        ],
    )


def title_block_merged_footer_and_signature(tmp):
    path = tmp / "ds.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    for row in [*TITLE, HEADER, ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"], *GOOD, [],
                ["", "Tổng cộng: 2 người"], ["", "", "", "", "", "Hà Nội, ngày 12 tháng 3 năm 2024"],
                ["", "Người lập biểu"], ["", "(Ký, ghi rõ họ tên)"]]:  # fmt: skip
        sheet.append(row)
    sheet.merge_cells("A1:H1")
    sheet.merge_cells("A2:H2")
    sheet.merge_cells("A3:H3")
    workbook.save(path)
    return path


def second_sheet_and_same_person_twice(tmp):
    repeat = [3, "Nguyễn Thị Hồng Đào", "05/03/1978", "Nữ", "912 345 678"]  # the same phone, spaced, zero lost
    return xlsx(tmp / "ds.xlsx", [*GOOD, repeat], sheets={"Hướng dẫn": [["Điền danh sách ở trang sau"]]})


def formula_text_in_csv(tmp):
    return csv_file(tmp / "ds.csv", [[*GOOD[0][:7], '=HYPERLINK("http://x","HTX")'], GOOD[1]])


def ods_file(tmp):
    import tablib

    data = tablib.Dataset(*[row + [""] * (len(HEADER) - len(row)) for row in GOOD], headers=HEADER)
    (path := tmp / "ds.ods").write_bytes(data.export("ods"))
    return path


def split_name_and_nam_nu_columns(tmp):
    header = ["STT", "Họ và tên đệm", "Tên", "Nam", "Nữ", "SĐT"]
    rows = [[1, "Nguyễn Thị Hồng", "Đào", "", 1978, "0912345678"], [2, "Trần Văn", "Đức", 1985, "", "0987654321"]]
    return xlsx(tmp / "ds.xlsx", rows, header=header)


def both_nam_and_nu(tmp):
    header = ["STT", "Họ và tên", "Nam", "Nữ", "SĐT"]
    return xlsx(tmp / "ds.xlsx", [[1, "Trần Văn Đức", 1985, "x", "0987654321"]], header=header)


# --------------------------------------------------------------------------- expectations


@dataclass
class Refused:
    """The whole file is refused: the command fails with this text in its message."""

    text: str


@dataclass
class RowError:
    """Exit 1 with exactly this one error (row number as Excel shows it, header text as in the file)."""

    row: int
    column: str | None
    text: str


@dataclass
class Imports:
    """Imports: this many people created (and enrolled), these names among them."""

    created: int
    names: tuple = ()
    duplicates: int = 0


ROW = FIRST_DATA_ROW + 1  # the second data row, where the row-level problems are
CORPUS = {
    "empty": (empty, Refused("rỗng")),
    "csv named .xlsx": (csv_named_xlsx, Refused("không đúng định dạng .xlsx: nội dung của tệp là văn bản thuần")),
    "xlsx named .csv": (xlsx_named_csv, Refused("không đúng định dạng .csv: nội dung của tệp là bảng tính Excel")),
    "xlsx named .xls": (xlsx_named_xls, Refused("không đúng định dạng .xls")),
    "pdf named .xlsx": (pdf_named_xlsx, Refused("nội dung của tệp là tệp PDF")),
    "html named .xls": (html_named_xls, Refused("nội dung của tệp là trang web (HTML)")),
    "word named .xlsx": (word_named_xlsx, Refused("nội dung của tệp là văn bản Word")),
    "truncated upload": (truncated_xlsx, Refused("bị hỏng hoặc chưa tải lên hết")),
    "password protected": (encrypted_xlsx, Refused("được đặt mật khẩu")),
    "zip bomb": (zip_bomb_xlsx, Refused("giải nén ra quá lớn")),
    "XML entity bomb": (entity_bomb_xlsx, Refused("bị hỏng")),
    "Windows-1258 CSV": (windows_1258_csv, Refused("không được lưu bằng bảng mã UTF-8")),
    "no name column": (no_name_column, Refused("Không tìm thấy cột họ tên. Các tiêu đề tìm thấy: “STT”, “Năm sinh”")),
    "no header": (no_header_at_all, Refused("Không tìm thấy dòng tiêu đề")),
    "header below row 30": (header_too_far_down, Refused("trong 30 dòng đầu")),
    "unsupported extension": (unsupported_extension, Refused("chỉ nhận tệp .xlsx, .xls, .ods hoặc .csv")),
    "header only": (header_only, Refused("Không có học viên nào: dưới dòng tiêu đề (dòng 5)")),
    "formula without cached value": (formula_name_without_cached_value, RowError(ROW, "Họ và tên", "thiếu họ tên")),
    "impossible date": (bad_date, RowError(ROW, "Ngày sinh", "Ngày sinh không có thật: “31/02/1985”")),
    "two-digit year": (two_digit_year, RowError(ROW, "Ngày sinh", "Năm sinh phải ghi đủ 4 chữ số")),
    "short phone": (bad_phone, RowError(ROW, "Số điện thoại", "12345")),
    "bad email": (bad_email, RowError(ROW, "Email", "Email không hợp lệ: “duc@@mail”")),
    "bad CCCD": (bad_national_id, RowError(ROW, "Số CCCD", "12AB")),
    "unknown gender": (unknown_gender, RowError(ROW, "Giới tính", "Giới tính không rõ: “Không rõ”")),
    "name too long": (name_too_long, RowError(ROW, "Họ và tên", "quá dài (283 ký tự, tối đa 150)")),
    "missing name": (missing_name, RowError(ROW, "Họ và tên", "thiếu họ tên")),
    "both Nam and Nữ": (both_nam_and_nu, RowError(FIRST_DATA_ROW, "Nam", "cả hai cột “Nam” và “Nữ”")),
    "false dimension": (false_dimension_xlsx, Imports(2, ("Trần Văn Đức",))),
    "stray cell in column XFD": (stray_cell_far_right_xlsx, Imports(2)),
    "stray cell in row 1,048,576": (stray_cell_in_last_row_xlsx, Imports(2)),
    "UTF-16 tab-separated text": (utf16_tab_text_csv, Imports(2, ("Nguyễn Thị Hồng Đào",))),
    "semicolons, BOM, CRLF, quoted newline": (semicolon_bom_crlf_quoted_newline_csv, Imports(2)),
    "NFD, zero-width space, NBSP": (nfd_zero_width_and_nbsp, Imports(2, ("Nguyễn Thị Hồng Đào",))),
    "numbers Excel mangled": (numbers_excel_mangled, Imports(2, ("Nguyễn Thị Hồng Đào", "Trần Văn Đức"))),
    "title block, numbering row, footer, signatures": (title_block_merged_footer_and_signature, Imports(2)),
    "second sheet, same person twice": (second_sheet_and_same_person_twice, Imports(2, duplicates=1)),
    "formula-like text in CSV": (formula_text_in_csv, Imports(2)),
    "OpenDocument": (ods_file, Imports(2, ("Trần Văn Đức",))),
    "split name, Nam/Nữ columns": (split_name_and_nam_nu_columns, Imports(2, ("Nguyễn Thị Hồng Đào",))),
}


def _run(path, offering):
    out = StringIO()
    try:
        call_command("import_roster", str(path), "--offering", offering.code, "--json", stdout=out, stderr=StringIO())
    except SystemExit as exit_:
        return exit_.code, json.loads(out.getvalue())
    return 0, json.loads(out.getvalue())


@pytest.mark.parametrize("make, expected", CORPUS.values(), ids=CORPUS.keys())
def test_corpus(make, expected, tmp_path, db):
    offering = OfferingFactory(code="HN-2026-SX-09")
    path = make(tmp_path)
    if isinstance(expected, Refused):
        with pytest.raises(CommandError) as raised:
            _run(path, offering)
        assert expected.text in str(raised.value)
    elif isinstance(expected, RowError):
        code, report = _run(path, offering)
        assert code == 1
        [error] = report["errors"]
        assert (error["row"], error["column"]) == (expected.row, expected.column)
        assert expected.text in error["message"]
    else:
        code, report = _run(path, offering)
        assert (code, report["errors"], report["created"]) == (0, [], expected.created)
        assert (report["enrolled"], report["duplicates_in_file"]) == (expected.created, expected.duplicates)
        names = set(Participant.objects.values_list("full_name", flat=True))
        assert set(expected.names) <= names
        return
    assert not Participant.objects.exists() and not Enrollment.objects.exists()
    assert not Organization.objects.exists()


def test_excel_mangled_numbers_are_restored(tmp_path, db):
    _run(numbers_excel_mangled(tmp_path), OfferingFactory())
    dao = Participant.objects.get(full_name="Nguyễn Thị Hồng Đào")
    duc = Participant.objects.get(full_name="Trần Văn Đức")
    assert (dao.phone, dao.national_id, dao.birth_date.isoformat()) == ("0912345678", "001178012345", "1977-03-05")
    assert duc.phone == "0387654321"  # 0168 became 038 in 2018


def test_openpyxl_parses_through_defusedxml():
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML
