"""A roster row close to someone on record ("Lê Văn Cương" 1968 beside the known "Lê Văn Cường" 1968):
the preview shows it as "Có thể trùng" with the candidate, and what each row will store beside what
was typed; the clerk settles it as the same person and imports. At desktop width and on a 390 px phone."""

from django.urls import reverse
from playwright.sync_api import expect

from enrollment import services
from enrollment.factories import OfferingFactory
from enrollment.models import AdministrativeUnit, Enrollment

from .steps import log_in
from .test_roster_import_journey import write_roster

CODE = "HN-2026-BT-21"
ROWS = [
    [1, "Lê Văn Cương", "1968", "Nam", "", "", "HTX Gốm sứ Bát Tràng", "Xã Bát Tràng"],  # close to Cường
    [2, "PHẠM THỊ HOA", "12/04/1990", "Nữ", "0912 000 333", "", "Hộ kinh doanh Gốm Hoa", "Xã Bát Tràng"],
]  # fmt: skip  (rows 7 and 8 of the sheet)


def _start(page, tmp_path):
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    offering = OfferingFactory(code=CODE, title="Lớp tập huấn làm hồ sơ OCOP xã Bát Tràng", unit=unit)
    cuong = services.participant_create(full_name="Lê Văn Cường", birth_year=1968, phone="0912345678", unit=unit)
    log_in(page, "tochuc@ocop.example", reverse("enrollment:roster_upload", args=[offering.pk]))
    page.get_by_label("Tệp danh sách").set_input_files(write_roster(tmp_path / "danh-sach.xlsx", ROWS))
    page.get_by_role("button", name="Kiểm tra tệp").click()
    expect(page.get_by_role("heading", name="Kiểm tra danh sách trước khi nhập")).to_be_visible()
    return offering, cuong


def _check_the_preview(page):
    near = page.locator(".roster-decisions").get_by_role("row").filter(has_text="Lê Văn Cương")
    expect(near).to_contain_text("Có thể trùng")
    expect(near).to_contain_text("Có thể là người đã có trong hệ thống: tên chỉ khác dấu thanh.")
    rows = page.locator(".roster-rows")
    hoa = rows.get_by_role("row").filter(has_text="Phạm Thị Hoa")
    expect(hoa).to_contain_text("0912 000 333 → 0912000333")
    expect(hoa).to_contain_text("PHẠM THỊ HOA → Phạm Thị Hoa")
    expect(hoa).to_contain_text("Xã Bát Tràng")


def _settle_and_import(page, offering, cuong):
    choice = page.get_by_label("Quyết định")
    choice.select_option(str(cuong.pk))
    expect(choice).to_contain_text("Là cùng người với Lê Văn Cường · 1968 · 0912345678")
    page.get_by_role("button", name="Nhập những người này vào lớp").click()
    expect(page.get_by_text("Đã ghi danh 2 người (1 người mới, 1 người đã có).")).to_be_visible()
    enrolled = set(Enrollment.objects.filter(offering=offering).values_list("participant__full_name", flat=True))
    assert enrolled == {"Lê Văn Cường", "Phạm Thị Hoa"}
    assert Enrollment.objects.filter(offering=offering, participant=cuong).exists()


def test_the_clerk_settles_a_near_duplicate_as_the_same_person(page, tmp_path, screenshot):
    offering, cuong = _start(page, tmp_path)
    _check_the_preview(page)
    screenshot(page, "roster-near-duplicate-preview")
    _settle_and_import(page, offering, cuong)
    screenshot(page, "roster-near-duplicate-imported")


def test_the_near_duplicate_preview_on_a_phone(phone, tmp_path, screenshot):
    offering, cuong = _start(phone, tmp_path)
    _check_the_preview(phone)
    screenshot(phone, "roster-near-duplicate-preview-phone")
    _settle_and_import(phone, offering, cuong)
