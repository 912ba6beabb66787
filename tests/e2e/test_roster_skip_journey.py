"""A commune's roster with one row without a name: the organizer imports the other rows, skipping the bad
one, sees the result, and downloads the skipped row as XLSX to fix it and upload it again. At desktop
width, and on a 390 px phone for the preview."""

from django.urls import reverse
from openpyxl import load_workbook
from playwright.sync_api import expect

from enrollment.factories import OfferingFactory
from enrollment.models import AdministrativeUnit, Enrollment, RosterImport

from .steps import log_in
from .test_roster_import_journey import HEADER, write_roster

CODE = "HN-2026-BT-15"
TITLE = "Lớp tập huấn marketing sản phẩm OCOP xã Bát Tràng"
ROWS = [
    [1, "NGUYỄN THỊ HỒNG ĐÀO", "05/03/1978", "Nữ", 912345678, "001178012345", "HTX Gốm sứ Bát Tràng", "Xã Bát Tràng"],
    [2, "", "1985", "Nam", "0987 654 321", "", "Công ty TNHH Nông sản Sạch Gia Lâm", "Xã Bát Tràng"],  # no name
    [3, "trần văn đức", "12/04/1990", "Nam", "0986123456", "", "Hộ kinh doanh Gốm Đức", "Thôn 3, Xã Bát Tràng"],
    [4, "Lê Văn Bình", "1969", "Nam", "0904123456", "", "HTX Nông nghiệp Đa Tốn", ""],
]  # fmt: skip  (the header is row 6: these are rows 7 to 10)


def _offering():
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    return OfferingFactory(code=CODE, title=TITLE, unit=unit)


def _upload(page, offering, path):
    log_in(page, "tochuc@ocop.example", reverse("enrollment:roster_upload", args=[offering.pk]))
    expect(page.get_by_role("heading", name=f"Nhập danh sách học viên vào {CODE}")).to_be_visible()
    page.get_by_label("Tệp danh sách").set_input_files(path)
    page.get_by_role("button", name="Kiểm tra tệp").click()
    expect(page.get_by_role("heading", name="Kiểm tra danh sách trước khi nhập")).to_be_visible()


def _check_the_preview(page):
    counts = page.get_by_role("list", name="Số liệu")
    expect(counts).to_contain_text("Số dòng: 4")
    expect(counts).to_contain_text("Người mới: 3")
    expect(counts).to_contain_text("Lỗi: 1")
    bad = page.get_by_role("row").filter(has_text="Họ và tên: thiếu họ tên")
    expect(bad).to_contain_text("Lỗi")
    expect(bad).to_contain_text("8")
    expect(page.get_by_role("row").filter(has_text="Nguyễn Thị Hồng Đào")).to_contain_text(
        "Họ tên đã được viết hoa chữ cái đầu"
    )
    expect(page.get_by_role("alert")).to_contain_text("Hãy sửa các dòng bị lỗi trong tệp rồi tải lên lại")
    expect(page.get_by_role("button", name="Nhập những người này vào lớp")).to_have_count(0)
    skip = page.get_by_role("button", name="Nhập các dòng hợp lệ, bỏ qua 1 dòng lỗi")
    expect(skip).to_be_visible()
    return skip


def _download_the_skipped_rows(page, tmp_path):
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải các dòng lỗi (XLSX)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "danh-sach-hoc-vien-cac-dong-loi.xlsx"
    return [list(row) for row in load_workbook(saved).active.iter_rows(values_only=True)]


def test_organizer_imports_the_valid_rows_and_downloads_the_one_to_fix(page, tmp_path, screenshot):
    offering = _offering()
    _upload(page, offering, write_roster(tmp_path / "danh-sach-hoc-vien.xlsx", ROWS))
    skip = _check_the_preview(page)
    screenshot(page, "roster-preview-one-bad-row")
    assert not Enrollment.objects.filter(offering=offering).exists()

    skip.click()
    expect(page.get_by_text("Đã ghi danh 3 người (3 người mới, 0 người đã có).")).to_be_visible()
    expect(page.get_by_text("1 dòng lỗi chưa được nhập: hãy tải về ở dưới, sửa rồi tải lên lại.")).to_be_visible()
    expect(page.get_by_role("heading", name="Nhập từ danh sách")).to_be_visible()
    expect(page.get_by_text("1 dòng lỗi đã được bỏ qua")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Họ và tên: thiếu họ tên")).to_contain_text("Bỏ qua do có lỗi")
    expect(page.get_by_role("button", name="Nhập các dòng hợp lệ, bỏ qua 1 dòng lỗi")).to_have_count(0)
    page.wait_for_timeout(700)  # the messages fade in
    screenshot(page, "roster-imported-one-skipped")
    assert set(Enrollment.objects.filter(offering=offering).values_list("participant__full_name", flat=True)) == {
        "Nguyễn Thị Hồng Đào", "Trần Văn Đức", "Lê Văn Bình",
    }  # fmt: skip

    rows = _download_the_skipped_rows(page, tmp_path)
    assert rows == [
        [*HEADER, "Lỗi"],
        [2, None, 1985, "Nam", "0987 654 321", None, "Công ty TNHH Nông sản Sạch Gia Lâm", "Xã Bát Tràng",
         "Họ và tên: thiếu họ tên"],
    ]  # fmt: skip

    page.get_by_role("link", name="Xem danh sách ghi danh").click()
    for name in ("Nguyễn Thị Hồng Đào", "Trần Văn Đức", "Lê Văn Bình"):
        expect(page.get_by_role("link", name=name)).to_be_visible()


def test_on_a_phone_the_preview_offers_the_same_choice_and_fits(phone, tmp_path, screenshot):
    offering = _offering()
    _upload(phone, offering, write_roster(tmp_path / "danh-sach-hoc-vien.xlsx", ROWS))
    skip = _check_the_preview(phone)
    download = phone.get_by_role("link", name="Tải các dòng lỗi (XLSX)")
    for control in (skip, download):
        box = control.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box  # whole on the screen, not cut
    screenshot(phone, "roster-preview-one-bad-row-phone")
    bad = phone.get_by_role("row").filter(has_text="Họ và tên: thiếu họ tên")
    bad.scroll_into_view_if_needed()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the screen
    screenshot(phone, "roster-preview-rows-phone")
    rows = _download_the_skipped_rows(phone, tmp_path)
    assert [row[-1] for row in rows] == ["Lỗi", "Họ và tên: thiếu họ tên"]

    skip.click()
    expect(phone.get_by_text("1 dòng lỗi đã được bỏ qua")).to_be_visible()
    phone.wait_for_timeout(700)
    screenshot(phone, "roster-imported-one-skipped-phone")
    assert RosterImport.objects.get().report["skipped_invalid"] == 1
    assert Enrollment.objects.filter(offering=offering).count() == 3
