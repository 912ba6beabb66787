import unicodedata
import zipfile
from datetime import date, datetime

import openpyxl
import pytest

from enrollment.roster import RosterFileError, read_roster
from enrollment.roster.reader import header_key, parse_birth

TITLE_BLOCK = [
    ["UBND XÃ AN BÌNH", None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["HTX NÔNG NGHIỆP ĐỒNG TÂM", None, None, None, "Độc lập - Tự do - Hạnh phúc"],
    [],
    ["DANH SÁCH HỌC VIÊN LỚP BỒI DƯỠNG KIẾN THỨC OCOP NĂM 2024"],
    [],
]


def make_xlsx(path, rows, merges=()):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    for cell_range in merges:
        sheet.merge_cells(cell_range)
    workbook.save(path)
    return path


def make_csv(path, lines, encoding="utf-8-sig", newline="\r\n"):
    path.write_bytes(newline.join(lines).encode(encoding) + newline.encode())
    return path


def to_cp1258(text):
    """Windows-1258 bytes: precomposed base letters (ê, ơ, đ …) followed by a combining tone mark."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            out += unicodedata.normalize("NFC", decomposed[:-1]).encode("cp1258") + decomposed[-1].encode("cp1258")
    return out


def test_title_block_merged_cells_and_two_row_header_with_years_under_nam_nu(tmp_path):
    rows = [
        *TITLE_BLOCK,
        ["STT", "Họ và tên", "Năm sinh", None, "Số CCCD", "Số điện thoại", "Đơn vị công tác", "Ghi chú"],  # row 6
        [None, None, "Nam", "Nữ"],  # row 7
        [1, "Nguyễn Văn Đức", 1978, None, 1089012345, 912345678, "HTX Đồng Tâm", None],  # row 8
        [2, "Trần Thị Ngọc Ánh", None, "1985", "001185012345", "0987 654 321", "HTX Đồng Tâm", "Kế toán"],
        [None, None, None, None, None, None, None, None],  # row 10: blank
        [3, "Công Tằng Tôn Nữ Thị Phương Thảo", None, "12/04/1990", None, 986123456.0, "UBND xã An Bình"],
        [4],  # row 12: a pre-numbered empty line of the template
        ["Tổng cộng: 3 người"],  # row 13
        [],
        [None, "Người lập biểu", None, None, None, "Thủ trưởng đơn vị"],
        [None, "(Ký, ghi rõ họ tên)"],
        [None, "Lê Văn Lập", None, None, None, "Phạm Minh Chính"],  # a signature, not an attendee
    ]
    merges = ["A1:C1", "E1:H1", "A2:C2", "E2:H2", "A4:H4", "A6:A7", "B6:B7", "C6:D6", "E6:E7", "F6:F7", "A13:D13"]
    roster = read_roster(make_xlsx(tmp_path / "danh_sach.xlsx", rows, merges))

    assert roster.format == "xlsx"
    assert roster.header_row == 6
    assert roster.headers["full_name"] == "Họ và tên"
    assert roster.headers["male"] == "Nam" and roster.headers["female"] == "Nữ"
    assert "stt" in roster.headers  # recognised, then ignored
    assert [row.number for row in roster.rows] == [8, 9, 11]
    duc, anh, thao = roster.rows
    assert (duc.full_name, duc.gender, duc.birth_year, duc.birth_date) == ("Nguyễn Văn Đức", "male", 1978, None)
    assert duc.phone == "0912345678"
    assert duc.national_id == "001089012345"
    assert duc.organization == "HTX Đồng Tâm"
    assert (anh.gender, anh.birth_year, anh.phone, anh.national_id) == ("female", 1985, "0987654321", "001185012345")
    assert anh.note == "Kế toán"
    assert thao.full_name == "Công Tằng Tôn Nữ Thị Phương Thảo"
    assert (thao.gender, thao.birth_date, thao.birth_year) == ("female", date(1990, 4, 12), 1990)
    assert thao.phone == "0986123456"
    assert all(row.errors == [] for row in roster.rows)


def test_split_family_and_given_name_columns_dates_gender_and_address_parts(tmp_path):
    *nfd_family, nfd_given = unicodedata.normalize("NFD", "Đào Thị Hồng").split(" ")
    rows = [
        ["DANH SÁCH HỌC VIÊN"],
        ["TT", "Họ và tên đệm", "Tên", "Ngày sinh", "Giới tính", "Tỉnh", "Thôn", "Xã", "Huyện", "E-mail"],
        [1, "Lê Thị", "Hoa", datetime(1980, 7, 9), "Nữ", "Hà Nội", "Đông", "An Bình", "Phú Xuyên", "Hoa.Le@Gmail.com"],
        [2, "Hoàng", "Đạt", "05/03/1978", "Nam", "Hà Nội", None, "Phú Túc", "Phú Xuyên", None],
        [3, " ".join(nfd_family), nfd_given, "1978", "nu", None, None, None, None, None],
        [4, "Phạm Văn", "Bình", "5-3-1978", "MALE"],
        [5, "Vũ Thị", "Mai", "1978-03-05", "Female"],
    ]
    roster = read_roster(make_xlsx(tmp_path / "hoc_vien.xlsx", rows))

    assert roster.header_row == 2
    assert roster.headers["family_name"] == "Họ và tên đệm" and roster.headers["given_name"] == "Tên"
    hoa, dat, hong, binh, mai = roster.rows
    assert hoa.full_name == "Lê Thị Hoa"
    assert (hoa.birth_date, hoa.birth_year, hoa.gender) == (date(1980, 7, 9), 1980, "female")
    assert hoa.address == "Đông, An Bình, Phú Xuyên, Hà Nội"
    assert hoa.email == "hoa.le@gmail.com"
    assert (dat.full_name, dat.birth_date, dat.gender) == ("Hoàng Đạt", date(1978, 3, 5), "male")
    assert dat.address == "Phú Túc, Phú Xuyên, Hà Nội"
    assert hong.full_name == "Đào Thị Hồng" == unicodedata.normalize("NFC", hong.full_name)
    assert (hong.birth_date, hong.birth_year, hong.gender) == (None, 1978, "female")
    assert (binh.birth_date, binh.gender) == (date(1978, 3, 5), "male")
    assert (mai.birth_date, mai.gender) == (date(1978, 3, 5), "female")
    assert roster.errors == []


def test_csv_with_bom_semicolons_crlf_and_a_quoted_newline(tmp_path):
    lines = [
        "DANH SÁCH HỌC VIÊN LỚP SƠ CHẾ NÔNG SẢN;;;;",  # line 1
        ";;;;",  # line 2
        "STT;Họ và tên;Ngày sinh;SĐT;Địa chỉ",  # line 3
        '1;Nguyễn Thị Thu Hương;05/03/1978;0912 345 678;"Thôn Đông\r\nxã An Bình, huyện Phú Xuyên"',  # lines 4-5
        "2;Bùi Đức Thắng;1982;+84 987 654 321;Xã Phú Túc",  # line 6
        "",  # line 7
        "3;Đặng Văn Lâm;5/3/78;;",  # line 8
        "Người lập biểu;;;;",
        ";Nguyễn Văn Lập;;;",
    ]
    roster = read_roster(make_csv(tmp_path / "ds.csv", lines))

    assert roster.format == "csv"
    assert roster.header_row == 3
    assert [row.number for row in roster.rows] == [4, 6, 8]
    huong, thang, lam = roster.rows
    assert huong.full_name == "Nguyễn Thị Thu Hương"
    assert huong.address == "Thôn Đông xã An Bình, huyện Phú Xuyên"
    assert (huong.birth_date, huong.phone) == (date(1978, 3, 5), "0912345678")
    assert (thang.birth_year, thang.phone) == (1982, "0987654321")
    assert lam.birth_date == date(1978, 3, 5)
    assert roster.errors == []


def test_comma_csv_without_bom(tmp_path):
    lines = ["Full name,Date of birth,Phone,National ID", '"Trịnh Văn Quyết","12/11/1975",0912345678,001075012345']
    roster = read_roster(make_csv(tmp_path / "list.csv", lines, encoding="utf-8", newline="\n"))
    [row] = roster.rows
    assert (row.number, row.full_name, row.birth_date, row.national_id) == (
        2,
        "Trịnh Văn Quyết",
        date(1975, 11, 12),
        "001075012345",
    )


def test_csv_in_windows_1258_is_refused_with_a_message_to_save_as_utf8(tmp_path):
    path = tmp_path / "ds.csv"
    path.write_bytes(to_cp1258("STT;Họ và tên;Ngày sinh\r\n1;Nguyễn Văn Đức;05/03/1978\r\n"))
    with pytest.raises(RosterFileError, match="UTF-8") as caught:
        read_roster(path)
    assert "Windows-1258" in str(caught.value)


def test_extension_must_agree_with_content(tmp_path):
    xlsx = make_xlsx(tmp_path / "real.xlsx", [["Họ và tên", "SĐT"], ["Nguyễn Văn A", "0912345678"]])
    as_csv = tmp_path / "real.csv"
    as_csv.write_bytes(xlsx.read_bytes())
    as_xls = tmp_path / "real.xls"
    as_xls.write_bytes(xlsx.read_bytes())
    text_as_xlsx = tmp_path / "text.xlsx"
    text_as_xlsx.write_text("Họ và tên;SĐT\nNguyễn Văn A;0912345678\n", encoding="utf-8")
    old_excel_as_xlsx = tmp_path / "old.xlsx"
    old_excel_as_xlsx.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)

    for path in (as_csv, as_xls, text_as_xlsx, old_excel_as_xlsx):
        with pytest.raises(RosterFileError, match=rf"Tệp “{path.name}” không đúng định dạng \.{path.suffix[1:]}"):
            read_roster(path)
    with pytest.raises(RosterFileError, match="Excel 97–2003"):
        read_roster(old_excel_as_xlsx)


def test_unsupported_extension_and_empty_file(tmp_path):
    with pytest.raises(RosterFileError, match="chỉ nhận tệp .xlsx, .xls, .ods hoặc .csv"):
        read_roster(tmp_path / "ds.docx")
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(RosterFileError, match="rỗng"):
        read_roster(tmp_path / "empty.csv")


def test_xls_and_ods_without_tablib_extras_ask_for_xlsx(tmp_path, monkeypatch):
    import tablib
    from tablib.exceptions import UnsupportedFormat

    def unsupported(self, data, format=None, **kwargs):
        raise UnsupportedFormat(f"The '{format}' format is not available.")

    monkeypatch.setattr(tablib.Dataset, "load", unsupported)
    xls = tmp_path / "ds.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    ods = tmp_path / "ds.ods"
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    for path in (xls, ods):
        with pytest.raises(RosterFileError, match=r"lưu lại dạng \.xlsx") as caught:
            read_roster(path)
        assert f"dạng {path.suffix}" in str(caught.value)


def test_missing_name_column_lists_the_headers_found(tmp_path):
    rows = [*TITLE_BLOCK, ["STT", "SĐT", "Ngày sinh", "Địa chỉ"], [1, "0912345678", "05/03/1978", "Xã An Bình"]]
    with pytest.raises(RosterFileError) as caught:
        read_roster(make_xlsx(tmp_path / "ds.xlsx", rows))
    assert str(caught.value) == (
        "Không tìm thấy cột họ tên. Các tiêu đề tìm thấy: “STT”, “SĐT”, “Ngày sinh”, “Địa chỉ”."
    )


def test_no_header_at_all(tmp_path):
    path = make_csv(tmp_path / "ds.csv", ["a,b,c", "1,2,3"])
    with pytest.raises(RosterFileError, match="Không tìm thấy dòng tiêu đề"):
        read_roster(path)


def test_bad_cells_give_errors_with_row_and_column_and_the_row_is_kept(tmp_path):
    rows = [
        ["Họ và tên", "Ngày sinh", "Số điện thoại", "CCCD", "Email", "Giới tính"],
        ["Ngô Thị Bích Ngọc", "31/02/1980", "12345", 99089012345, "ngoc@", "không rõ"],
        ["Đinh Công Tráng", "78", "0912345678", "001089012345", "trang@example.vn", "Nam"],
        [None, "1980", "0912345678"],
    ]
    roster = read_roster(make_xlsx(tmp_path / "ds.xlsx", rows))
    ngoc, trang, nameless = roster.rows

    assert ngoc.full_name == "Ngô Thị Bích Ngọc"
    assert (ngoc.birth_date, ngoc.phone, ngoc.national_id, ngoc.email, ngoc.gender) == (None, "", "", "", "")
    by_column = {error.column: error for error in ngoc.errors}
    assert set(by_column) == {"Ngày sinh", "Số điện thoại", "CCCD", "Email", "Giới tính"}
    assert all(error.row == 2 for error in ngoc.errors)
    assert by_column["Ngày sinh"].message == "Ngày sinh không có thật: “31/02/1980”"
    assert by_column["Số điện thoại"].message == "Số điện thoại không hợp lệ: “12345”"
    assert str(by_column["Số điện thoại"]) == "Dòng 2, cột “Số điện thoại”: Số điện thoại không hợp lệ: “12345”"

    assert [(e.row, e.column, e.message) for e in trang.errors] == [
        (3, "Ngày sinh", "Năm sinh phải ghi đủ 4 chữ số: “78”")
    ]
    assert (trang.phone, trang.email, trang.gender) == ("0912345678", "trang@example.vn", "male")

    assert [str(error) for error in nameless.errors] == ["Dòng 4, cột “Họ và tên”: thiếu họ tên"]
    assert (nameless.birth_year, nameless.phone) == (1980, "0912345678")


def test_x_marks_under_nam_nu_and_both_marked(tmp_path):
    rows = [
        ["STT", "Họ tên", "Giới tính", None, "Ngày tháng năm sinh"],
        [None, None, "Nam", "Nữ", None],
        [1, "Lý Thị Lan", None, "x", date(1991, 1, 2)],
        [2, "Mạc Văn Khoa", "X", None, "02.01.1991"],
        [3, "Hà Thị Thu", "x", "x", None],
    ]
    lan, khoa, thu = read_roster(make_xlsx(tmp_path / "ds.xlsx", rows, ["C1:D1"])).rows
    assert (lan.gender, lan.birth_date) == ("female", date(1991, 1, 2))
    assert (khoa.gender, khoa.birth_date) == ("male", date(1991, 1, 2))
    assert thu.gender == ""
    assert [(e.row, e.column) for e in thu.errors] == [(5, "Nam")]


def test_formula_cells_are_read_as_cached_values_or_left_empty(tmp_path):
    rows = [["STT", "Họ và tên", "Năm sinh"], ["=1", "Kiều Văn Tuấn", 1970], ["=A2+1", "Châu Thị Mỹ", "1975"]]
    roster = read_roster(make_xlsx(tmp_path / "ds.xlsx", rows))  # openpyxl stores no cached value
    assert [(row.full_name, row.birth_year) for row in roster.rows] == [("Kiều Văn Tuấn", 1970), ("Châu Thị Mỹ", 1975)]


def test_roster_on_a_second_sheet_is_found(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.append(["Hướng dẫn: điền danh sách ở trang sau"])
    sheet = workbook.create_sheet("Danh sách")
    sheet.append(["Họ và tên", "SĐT"])
    sheet.append(["Nguyễn Văn An", "0912345678"])
    workbook.save(tmp_path / "ds.xlsx")
    [row] = read_roster(tmp_path / "ds.xlsx").rows
    assert (row.full_name, row.phone) == ("Nguyễn Văn An", "0912345678")


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("HỌ VÀ TÊN", "full_name"),
        ("ho  va\nten", "full_name"),
        ("Họ và tên học viên", "full_name"),
        ("Full Name", "full_name"),
        ("Số CCCD / CMND (*)", "national_id"),
        ("So dinh danh ca nhan", "national_id"),
        ("E-mail", "email"),
        ("SĐT", "phone"),
        ("Ngày sinh (dd/mm/yyyy)", "birth_date"),
        ("Năm sinh", "birth_year"),
        ("Nữ", "female"),
        ("Tên HTX", "organization"),
        ("Quận/Huyện", "address_district"),
        ("No.", "stt"),
        ("DANH SÁCH HỌC VIÊN", None),
        (None, None),
    ],
)
def test_header_recognition(header, key):
    assert header_key(header) == key


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("05/03/1978", (date(1978, 3, 5), 1978)),
        ("5/3/78", (date(1978, 3, 5), 1978)),
        ("5/3/05", (date(2005, 3, 5), 2005)),
        ("05-03-1978", (date(1978, 3, 5), 1978)),
        ("5.3.1978", (date(1978, 3, 5), 1978)),
        ("1978-03-05", (date(1978, 3, 5), 1978)),
        ("1978", (None, 1978)),
        (1978, (None, 1978)),
        (1978.0, (None, 1978)),
        ("03/1978", (None, 1978)),
        (datetime(1978, 3, 5), (date(1978, 3, 5), 1978)),
        (28554, (date(1978, 3, 5), 1978)),  # an unformatted Excel date serial
        ("", (None, None)),
    ],
)
def test_birth_values(value, expected):
    assert parse_birth(value) == expected


@pytest.mark.parametrize("value", ["78", "1930", "2999", "31/13/1980", "abc", "12/03", 1978.5, "01/01/2999"])
def test_impossible_birth_values_are_refused(value):
    from lms.text import InvalidValueError

    with pytest.raises(InvalidValueError):
        parse_birth(value)


def test_numbering_row_section_headings_and_a_first_column_footer(tmp_path):
    rows = [
        ["STT", "Họ và tên", "Năm sinh", "Số điện thoại"],
        ["(1)", "(2)", "(3)", "(4)"],
        ["I. Xã An Bình"],
        [1, "Phan Thị Yến", 1990, "0912345678"],
        ["II. Xã Phú Túc"],
        [2, "Quách Văn Tài", 1988, None],
        ["Danh sách này có 2 học viên"],
        [3, "Không phải học viên", 1970],
    ]
    roster = read_roster(make_xlsx(tmp_path / "ds.xlsx", rows))
    assert [(row.number, row.full_name) for row in roster.rows] == [(4, "Phan Thị Yến"), (6, "Quách Văn Tài")]
    assert roster.errors == []


def test_an_ods_roster_is_read_like_an_xlsx(tmp_path):
    import tablib

    dataset = tablib.Dataset()
    for row in [
        ["DANH SÁCH HỌC VIÊN LỚP TẬP HUẤN OCOP", "", "", ""],
        ["STT", "Họ và tên", "Năm sinh", "Số điện thoại"],
        [1, "Phùng Thị Thu Trang", 1986, "0912 000 888"],
    ]:
        dataset.append(row)
    path = tmp_path / "danh-sach.ods"
    path.write_bytes(dataset.export("ods"))
    roster = read_roster(path)
    assert roster.format == "ods"
    [row] = roster.rows
    assert (row.full_name, row.birth_year, row.phone) == ("Phùng Thị Thu Trang", 1986, "0912000888")
