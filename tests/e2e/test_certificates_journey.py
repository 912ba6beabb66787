"""An organizer issues the certificates of a finished class; a learner downloads theirs; a visitor
verifies it by its QR link, sees it valid, and after the organizer revokes it, revoked."""

import io
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from attendance import services as attendance
from attendance.factories import SessionFactory
from attendance.services import Mark
from certificates.files import certificate_file
from certificates.models import Certificate
from courses.factories import CourseFactory
from enrollment.factories import FULL_NAMES, OfferingFactory, ParticipantFactory
from enrollment.models import AdministrativeUnit, Enrollment, Offering

from .conftest import SCREENSHOTS
from .steps import admin_message_shown, log_in

CODE = "HN-2026-BT-31"


def _finished_class(organizer):
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    course = CourseFactory(title="Xây dựng và hoàn thiện hồ sơ sản phẩm OCOP", min_attendance_percent=80)
    first_day = timezone.localdate() - timedelta(days=30)
    offering = OfferingFactory(
        code=CODE, title="Lớp hồ sơ sản phẩm OCOP xã Bát Tràng", unit=unit, course=course, kind=Offering.Kind.CLASS,
        starts_on=first_day, ends_on=first_day + timedelta(days=1),
    )  # fmt: skip
    sessions = [
        SessionFactory(offering=offering, title=f"Ngày {n}", date=first_day + timedelta(days=n - 1)) for n in (1, 2)
    ]
    people = {}
    marks_by_name = {
        "Công Tằng Tôn Nữ Thị Phương Thảo": ("present", "present"),
        "Nguyễn Văn Đức": ("present", "late"),
        "Lê Thị Bình": ("present", "absent"),
    }
    for name, marks in marks_by_name.items():
        people[name] = Enrollment.objects.create(offering=offering, participant=ParticipantFactory(full_name=name))
        for session, status in zip(sessions, marks, strict=True):
            attendance.attendance_save(session=session, marks={people[name].pk: Mark(status)}, by=organizer)
    for session in sessions:
        attendance.session_close(session=session, by=organizer)
    return offering, people


def test_issue_download_verify_revoke(page, browser, live_server, screenshot):
    from django.contrib.auth import get_user_model

    organizer = get_user_model().objects.get(email="tochuc@ocop.example")
    offering, people = _finished_class(organizer)
    learner = UserFactory(email="phuong.thao@htx-battrang.example", first_name="Thảo",
                          last_name="Công Tằng Tôn Nữ Thị Phương")  # fmt: skip
    thao = people["Công Tằng Tôn Nữ Thị Phương Thảo"].participant
    thao.user = learner
    thao.save()

    # The organizer issues to everyone eligible; the one who missed a session is told why.
    log_in(page, "tochuc@ocop.example", "/admin/")
    page.get_by_role("button", name="Đào tạo", exact=True).click()
    page.get_by_role("link", name="Lớp, hội nghị, tham quan").click()
    page.get_by_role("row").filter(has_text=CODE).get_by_role("link", name="Cấp", exact=True).click()
    expect(page.get_by_role("heading", name=f"Giấy chứng nhận: {CODE}")).to_be_visible()
    binh = page.get_by_role("row").filter(has_text="Lê Thị Bình")
    expect(binh).to_contain_text("Chưa đủ điều kiện")
    expect(binh).to_contain_text("thiếu 1 buổi bắt buộc")
    page.get_by_role("button", name="Cấp cho 2 người đủ điều kiện").click()
    expect(page.get_by_text("Đã cấp 2 giấy chứng nhận mới; 0 đã có; 1 chưa đủ điều kiện.")).to_be_visible()
    expect(page.get_by_text("Lần chạy trước")).to_have_count(0)
    admin_message_shown(page)
    screenshot(page, "organizer-issued")
    certificate = Certificate.objects.get(full_name="Công Tằng Tôn Nữ Thị Phương Thảo")
    (SCREENSHOTS / "certificate-rendered.png").write_bytes(certificate_file(certificate, "png"))  # drawn on demand

    # The learner downloads the PDF from "My classes".
    learner_context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    learner_page = learner_context.new_page()
    log_in(learner_page, learner.email, "/lop-cua-toi/", password=DEFAULT_PASSWORD)
    with learner_page.expect_download() as download:
        learner_page.get_by_role("link", name="Tải giấy chứng nhận (PDF)").click()
    assert download.value.suggested_filename == f"giay-chung-nhan-{certificate.serial}.pdf"
    assert open(download.value.path(), "rb").read(4) == b"%PDF"
    screenshot(learner_page, "learner-my-classes")
    learner_context.close()

    # A visitor follows the QR link.
    visitor_context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    visitor = visitor_context.new_page()
    visitor.goto(f"/xac-minh/{certificate.code}/")
    expect(visitor.get_by_role("heading", name="Giấy chứng nhận còn hiệu lực")).to_be_visible()
    expect(visitor.get_by_text("Công Tằng Tôn Nữ Thị Phương Thảo")).to_be_visible()
    screenshot(visitor, "visitor-valid")

    # The organizer revokes it; the visitor reloads.
    row = page.get_by_role("row").filter(has_text="Công Tằng Tôn Nữ Thị Phương Thảo")
    row.get_by_placeholder("Lý do thu hồi").fill("Cấp nhầm lớp")
    row.get_by_role("button", name="Thu hồi").click()
    expect(page.get_by_text(f"Đã thu hồi giấy chứng nhận {certificate.serial}.")).to_be_visible()
    visitor.reload()
    expect(visitor.get_by_role("heading", name="Giấy chứng nhận đã bị thu hồi")).to_be_visible()
    screenshot(visitor, "visitor-revoked")

    # It was a mistake: the row offers "Cấp lại", a new certificate issued by the rules, with a new serial.
    row = page.get_by_role("row").filter(has_text="Công Tằng Tôn Nữ Thị Phương Thảo")
    expect(row).to_contain_text("đã thu hồi")
    expect(row.get_by_role("button", name="Cấp lại (sửa tên)")).to_have_count(0)
    admin_message_shown(page)
    screenshot(page, "organizer-revoked")
    row.get_by_role("button", name="Cấp lại", exact=True).click()
    expect(page.get_by_text(f"giấy {certificate.serial} vẫn bị thu hồi.")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Công Tằng Tôn Nữ Thị Phương Thảo")
    expect(row).to_contain_text("còn hiệu lực")
    expect(row).not_to_contain_text(certificate.serial)
    new = Certificate.objects.get(full_name="Công Tằng Tôn Nữ Thị Phương Thảo", is_current=True)
    assert new.serial != certificate.serial and new.pk != certificate.pk
    expect(row).to_contain_text(new.serial)
    admin_message_shown(page)
    screenshot(page, "organizer-issued-again")
    visitor.reload()  # the revoked one still says so
    expect(visitor.get_by_role("heading", name="Giấy chứng nhận đã bị thu hồi")).to_be_visible()
    screenshot(visitor, "visitor-old-still-revoked")
    visitor.goto(f"/xac-minh/{new.code}/")
    expect(visitor.get_by_role("heading", name="Giấy chứng nhận còn hiệu lực")).to_be_visible()
    screenshot(visitor, "visitor-new-valid")
    visitor_context.close()


def test_the_certificates_of_a_class_of_30_print_as_one_pdf(page, screenshot):
    organizer = get_user_model().objects.get(email="tochuc@ocop.example")
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    held = timezone.localdate() - timedelta(days=7)
    offering = OfferingFactory(code="HN-2026-BT-30", title="Hội nghị tập huấn OCOP xã Bát Tràng", unit=unit,
                               kind=Offering.Kind.CONFERENCE, starts_on=held, ends_on=held)  # fmt: skip
    session = SessionFactory(offering=offering, title="Cả ngày", date=held)
    people = [ParticipantFactory(full_name=f"{FULL_NAMES[n % len(FULL_NAMES)]} {n + 1}") for n in range(30)]
    enrollments = [Enrollment.objects.create(offering=offering, participant=person) for person in people]
    attendance.attendance_save(session=session, marks={e.pk: Mark("present") for e in enrollments}, by=organizer)
    attendance.session_close(session=session, by=organizer)

    log_in(page, "tochuc@ocop.example", f"/admin/certificates/offerings/{offering.pk}/")
    page.get_by_role("button", name="Cấp cho 30 người đủ điều kiện").click()
    print_link = page.get_by_role("link", name="In 30 giấy chứng nhận đang hiệu lực (một tệp PDF)")
    expect(print_link).to_be_visible()
    screenshot(page, "ready-to-print")
    with page.expect_download() as download:
        print_link.click()
    assert download.value.suggested_filename == "giay-chung-nhan-HN-2026-BT-30.pdf"
    assert len(PdfReader(io.BytesIO(Path(download.value.path()).read_bytes())).pages) == 30


def test_a_bulk_run_waiting_for_a_worker_says_so_then_shows_its_result(page, settings, screenshot):
    """On RQ the run waits for a worker: the page says so, with its state, and once a worker has run it
    the page reloads itself and tells the clerk this run's result."""
    from certificates.tasks import certificates_issue_task, issue_progress

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}
    organizer = get_user_model().objects.get(email="tochuc@ocop.example")
    offering, _people = _finished_class(organizer)

    log_in(page, "tochuc@ocop.example", f"/admin/certificates/offerings/{offering.pk}/")
    page.get_by_role("button", name="Cấp cho 2 người đủ điều kiện").click()
    expect(page.get_by_text("Đang cấp giấy chứng nhận… tải lại trang sau ít phút.")).to_be_visible()
    expect(page.get_by_text("Trạng thái: đang chờ trong hàng đợi")).to_be_visible()
    expect(page.get_by_role("button", name="Cấp cho 2 người đủ điều kiện")).to_have_count(0)
    screenshot(page, "queued")

    certificates_issue_task.call(offering.pk, organizer.pk, issue_progress(offering.pk)["run"])  # a worker runs it
    expect(page.get_by_text("Đã cấp 2 giấy chứng nhận mới; 0 đã có; 1 chưa đủ điều kiện.")).to_be_visible()
    expect(page.get_by_text("Đang cấp giấy chứng nhận")).to_have_count(0)
    admin_message_shown(page)
    screenshot(page, "finished")
    assert Certificate.objects.filter(enrollment__offering=offering).count() == 2
