"""The program administrator imports the year's training plan: from the offerings' listing to the import
page, the template, a workbook with a mistake (the preview names its row and column and offers no import),
the corrected workbook, the preview, the confirmation, and the new offerings as drafts. Then the
certificate register, from the Reports menu and from a class's certificates page."""

from datetime import timedelta

from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from enrollment.models import Offering

from ..enrollment.test_plan_import import HEADER, write_plan
from .steps import log_in


def _day(days):
    return (timezone.localdate() + timedelta(days=days)).strftime("%d/%m/%Y")


def _plan(capacity_of_the_class):
    return [
        ["HN-KH-CT-01", "Lớp học", "OCOP-CT-01", "", "", "Xã Bát Tràng", "Hội trường UBND xã Bát Tràng", _day(60),
         _day(61), capacity_of_the_class, "giangvien@ocop.example"],
        ["HN-KH-HN-01", "Hội nghị", "", "Hội nghị triển khai Chương trình OCOP xã Bát Tràng", "Cán bộ triển khai",
         "Xã Bát Tràng", "Nhà văn hóa xã", _day(75), _day(75), "", ""],
        ["HN-KH-TQ-01", "Tham quan học tập", "", "Tham quan mô hình OCOP tại Quảng Ninh", "Chủ thể sản xuất",
         "Xã Bát Tràng", "Quảng Ninh", _day(90), _day(92), 30, ""],
    ]  # fmt: skip


def test_administrator_imports_the_years_plan_and_downloads_the_register(page, tmp_path, screenshot):
    log_in(page, "quantri@ocop.example", "/admin/")
    page.get_by_role("button", name="Đào tạo", exact=True).click()
    page.get_by_role("link", name="Lớp, hội nghị, tham quan").click()
    page.get_by_role("link", name="Nhập kế hoạch năm").click()
    expect(page.get_by_role("heading", name="Nhập kế hoạch đào tạo năm")).to_be_visible()
    screenshot(page, "plan-upload")

    # The template: the plan's columns and an example row.
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải tệp mẫu (XLSX)").click()
    template = tmp_path / download.value.suggested_filename
    download.value.save_as(template)
    assert [cell.value for cell in load_workbook(template).active[1]] == HEADER

    # A workbook with a capacity that is not a number: the preview names the cell, and offers no import.
    page.get_by_label("Tệp kế hoạch").set_input_files(write_plan(tmp_path / "ke-hoach-co-loi.xlsx", _plan("40 người")))
    page.get_by_role("button", name="Kiểm tra tệp").click()
    expect(page.get_by_role("list", name="Số liệu")).to_contain_text("Lỗi: 1")
    expect(page.get_by_text("Dòng 5, cột “Số chỗ”: “40 người” không phải số nguyên từ 1 đến 100000")).to_be_visible()
    expect(page.get_by_role("button", name="Nhập 3 dòng")).to_have_count(0)
    screenshot(page, "plan-preview-with-an-error")
    assert not Offering.objects.filter(code__startswith="HN-KH-").exists()

    # Corrected and uploaded again: three new offerings, imported.
    page.get_by_role("link", name="Tải lên tệp khác").click()
    page.get_by_label("Tệp kế hoạch").set_input_files(write_plan(tmp_path / "ke-hoach-2026.xlsx", _plan(40)))
    page.get_by_role("button", name="Kiểm tra tệp").click()
    counts = page.get_by_role("list", name="Số liệu")
    expect(counts).to_contain_text("Mới: 3")
    expect(counts).to_contain_text("Lỗi: 0")
    expect(page.get_by_role("row").filter(has_text="HN-KH-TQ-01")).to_contain_text("Mới")
    screenshot(page, "plan-preview")
    page.get_by_role("button", name="Nhập 3 dòng").click()

    done = "Đã nhập kế hoạch ke-hoach-2026.xlsx: 3 lớp mới (bản nháp), 0 thay đổi, 0 không đổi."
    expect(page.get_by_text(done)).to_be_visible()
    for code in ("HN-KH-CT-01", "HN-KH-HN-01", "HN-KH-TQ-01"):
        expect(page.get_by_role("row").filter(has_text=code)).to_contain_text("Bản nháp")
    screenshot(page, "plan-imported-drafts")
    imported = Offering.objects.filter(code__startswith="HN-KH-")
    assert imported.count() == 3 and set(imported.values_list("status", flat=True)) == {"draft"}
    assert list(imported.get(code="HN-KH-CT-01").trainers.values_list("email", flat=True)) == ["giangvien@ocop.example"]

    # The year's certificate register, from the Reports menu.
    page.get_by_role("button", name="Báo cáo", exact=True).click()
    page.get_by_role("link", name="Sổ cấp giấy chứng nhận").click()
    expect(page.get_by_role("heading", name="Sổ cấp giấy chứng nhận")).to_be_visible()
    expect(page.get_by_role("list", name="Số liệu")).to_contain_text("Còn hiệu lực: 1")
    screenshot(page, "certificate-register")
    year = timezone.localdate().year
    with page.expect_download() as download:
        page.get_by_role("link", name=f"Tải sổ cấp năm {year} (XLSX)").click()
    register = tmp_path / download.value.suggested_filename
    download.value.save_as(register)
    rows = list(load_workbook(register).active.iter_rows(values_only=True))
    assert rows[0][0] == "SỔ CẤP GIẤY CHỨNG NHẬN"
    assert any(row[2] == "Đỗ Văn Đức" and row[9] == "Còn hiệu lực" for row in rows)

    # And a class's register, beside the print button on its certificates page.
    finished = Offering.objects.get(code=f"HN-{year}-SX-00")
    page.goto(f"/admin/certificates/offerings/{finished.pk}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Sổ cấp giấy chứng nhận (XLSX)").click()
    assert download.value.suggested_filename == f"so-cap-gcn-{finished.code}.xlsx"
    screenshot(page, "offering-certificates")
