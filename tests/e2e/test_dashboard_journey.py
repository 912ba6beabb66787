"""An administrator reads the demo program's 2019 on the dashboard: filters the producers track,
sees the charts and the two districts that held no conference, and downloads a table."""

import io

import openpyxl
from playwright.sync_api import expect

from demo.program import program_2019_build

from .steps import log_in


def test_read_2019_for_the_producers_and_export_a_table(page, screenshot):
    program_2019_build()
    log_in(page, "quantri@ocop.example", "/admin/")
    page.get_by_role("button", name="Số liệu chương trình", exact=True).click()
    page.get_by_role("list", name="Số liệu chương trình").get_by_role("link", name="Bảng số liệu chương trình").click()
    expect(page.get_by_role("heading", name="Bảng số liệu chương trình")).to_be_visible()

    page.get_by_label("Năm", exact=True).fill("2019")
    page.get_by_label("Nhóm đối tượng", exact=True).select_option(label="Chủ thể sản xuất")
    page.get_by_role("button", name="Xem", exact=True).click()

    expect(page.locator(".dashboard-period")).to_contain_text("Năm 2019")
    kpis = page.get_by_role("list", name="Số liệu chính")
    expect(kpis).to_contain_text("29 hội nghị")  # conferences are for every track
    expect(kpis).to_contain_text("15 lớp tập huấn")  # the producers' classes only
    without_conference = page.get_by_test_id("without-conference")
    expect(without_conference.get_by_role("listitem")).to_have_count(2)
    expect(without_conference).to_contain_text("Ba Đình")
    expect(without_conference).to_contain_text("Hai Bà Trưng")
    summary = page.locator(".dashboard-coverage__summary")
    expect(summary).to_contain_text("28/30 quận, huyện, thị xã đã tổ chức hội nghị")
    page.set_viewport_size({"width": 1280, "height": 9000})  # the admin scrolls inside itself: show it all
    screenshot(page, "2019-producers")
    chart = page.get_by_role("img", name="Hoạt động theo tháng")
    expect(chart).to_be_visible()
    expect(chart.locator("rect").first).to_be_visible()

    with page.expect_download() as download_info:
        page.locator(".report-table").filter(has_text="Hoạt động và học viên theo đơn vị hành chính").get_by_role(
            "link", name="Tải XLSX"
        ).click()
    download = download_info.value
    assert download.suggested_filename == "bao-cao-2019-units.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(open(download.path(), "rb").read())).active
    assert [cell.value for cell in sheet[1]][:3] == ["Đơn vị hành chính", "Hội nghị", "Lớp tập huấn"]
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "Quận Hai Bà Trưng" in names and "Huyện Gia Lâm" in names

    page.emulate_media(media="print")
    screenshot(page, "printed")
