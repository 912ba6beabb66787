"""An organizer imports a commune's Excel roster: a title block, one bad phone, one person twice.
The preview says so; the organizer fixes the file, uploads it again, imports, sees the
enrollments and exports them."""

from openpyxl import Workbook, load_workbook
from playwright.sync_api import expect

from enrollment.factories import OfferingFactory
from enrollment.models import AdministrativeUnit, Enrollment

from .steps import log_in

CODE = "HN-2026-BT-12"
TITLE = "Lớp tập huấn xây dựng hồ sơ sản phẩm OCOP xã Bát Tràng"
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số điện thoại", "Số CCCD", "Đơn vị công tác", "Địa chỉ"]
ROWS = [
    [1, "Nguyễn Thị Hồng Đào", "05/03/1978", "Nữ", 912345678, "001178012345", "HTX Gốm sứ Bát Tràng", "Xã Bát Tràng"],
    [2, "Trần Văn Đức", "1985", "Nam", "0987 654 321", "", "Công ty TNHH Nông sản Sạch Gia Lâm", "Xã Bát Tràng"],
    [3, "Công Tằng Tôn Nữ Thị Phương Thảo", "12/04/1990", "Nữ", "0986123456", "", "Hộ kinh doanh Gốm Thảo",
     "Thôn 3, Xã Bát Tràng"],
    [4, "Lê Văn Bình", "1969", "Nam", "12345", "", "HTX Nông nghiệp Đa Tốn", ""],  # the bad phone
    [5, "Nguyễn Thị Hồng Đào", "05/03/1978", "Nữ", "0912 345 678", "", "HTX Gốm sứ Bát Tràng", ""],  # again
]  # fmt: skip


def write_roster(path, rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in [["UBND XÃ BÁT TRÀNG", "", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                ["", "", "", "", "Độc lập - Tự do - Hạnh phúc"], [],
                ["DANH SÁCH HỌC VIÊN LỚP TẬP HUẤN OCOP NĂM 2026"], [], HEADER, *rows, [],
                ["", "", "", "", "", "Người lập biểu"]]:  # fmt: skip
        sheet.append(row)
    sheet.merge_cells("A4:H4")
    workbook.save(path)
    return path


def test_organizer_imports_a_roster_fixes_it_and_exports_the_enrollments(page, tmp_path, screenshot):
    offering = OfferingFactory(
        code=CODE, title=TITLE, unit=AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    )
    first_try = write_roster(tmp_path / "danh-sach-hoc-vien.xlsx", ROWS)

    log_in(page, "tochuc@ocop.example", "/admin/")
    page.get_by_role("button", name="Đào tạo", exact=True).click()
    page.get_by_role("link", name="Lớp, hội nghị, tham quan").click()
    page.get_by_role("row").filter(has_text=CODE).get_by_role("link", name="Nhập danh sách").click()
    expect(page.get_by_role("heading", name=f"Nhập danh sách học viên vào {CODE}")).to_be_visible()
    page.get_by_label("Tệp danh sách").set_input_files(first_try)
    screenshot(page, "roster-upload")
    page.get_by_role("button", name="Kiểm tra tệp").click()

    # The preview: four people, one bad phone (row 10), one repeat (row 11); nothing written.
    expect(page.get_by_role("heading", name="Kiểm tra danh sách trước khi nhập")).to_be_visible()
    counts = page.get_by_role("list", name="Số liệu")
    expect(counts).to_contain_text("Số dòng: 5")
    expect(counts).to_contain_text("Trùng trong tệp: 1")
    expect(counts).to_contain_text("Lỗi: 1")
    bad = page.get_by_role("row").filter(has_text="Lê Văn Bình")
    expect(bad).to_contain_text("Lỗi")
    expect(bad).to_contain_text("Số điện thoại: Số điện thoại không hợp lệ")
    row_11 = page.get_by_role("row").filter(has=page.get_by_role("cell", name="11", exact=True))
    expect(row_11).to_contain_text("Nguyễn Thị Hồng Đào")
    expect(row_11).to_contain_text("Trùng trong tệp")
    expect(page.get_by_role("button", name="Nhập những người này vào lớp")).to_have_count(0)
    screenshot(page, "roster-preview-with-an-error")
    assert not Enrollment.objects.filter(offering=offering).exists()

    # Fixed and uploaded again: nothing to correct, so it can be imported.
    ROWS[3][4] = "0904 123 456"
    fixed = write_roster(tmp_path / "danh-sach-hoc-vien-da-sua.xlsx", ROWS)
    page.get_by_role("link", name="Tải lên tệp khác").click()
    page.get_by_label("Tệp danh sách").set_input_files(fixed)
    page.get_by_role("button", name="Kiểm tra tệp").click()
    expect(page.get_by_role("list", name="Số liệu")).to_contain_text("Người mới: 4")
    expect(page.get_by_role("list", name="Số liệu")).to_contain_text("Lỗi: 0")
    screenshot(page, "roster-preview-fixed")
    page.get_by_role("button", name="Nhập những người này vào lớp").click()

    # The enrollments of the class, from the roster.
    expect(page.get_by_text("Đã ghi danh 4 người (4 người mới, 0 người đã có).")).to_be_visible()
    for name in ("Nguyễn Thị Hồng Đào", "Trần Văn Đức", "Công Tằng Tôn Nữ Thị Phương Thảo", "Lê Văn Bình"):
        expect(page.get_by_role("link", name=name)).to_be_visible()
    screenshot(page, "roster-enrollments")
    assert Enrollment.objects.filter(offering=offering, source="roster").count() == 4

    # Export them in the layout the importer reads.
    page.get_by_role("button", name="Đào tạo", exact=True).click()
    page.get_by_role("link", name="Lớp, hội nghị, tham quan").click()
    with page.expect_download() as download:
        page.get_by_role("row").filter(has_text=CODE).get_by_role("link", name="XLSX").click()
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    assert exported.name == f"danh-sach-{CODE}.xlsx"
    cells = [row for row in load_workbook(exported).active.iter_rows(values_only=True)]
    names = {row[1] for row in cells}
    assert {"Nguyễn Thị Hồng Đào", "Công Tằng Tôn Nữ Thị Phương Thảo", "Lê Văn Bình"} <= names
