"""The survey after a class: a learner answers it on their phone from the last session's check-in, once;
an organizer reads the results and downloads them; a trainer sees theirs only from five answers."""

import io
from datetime import time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from attendance.factories import SessionFactory
from attendance.models import AttendanceRecord
from courses.factories import CourseFactory
from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import AdministrativeUnit, Enrollment, Offering
from feedback import services
from feedback.models import SurveyAnswered, SurveyResponse
from feedback.selectors import offering_template, template_questions

from .steps import log_in

NAMES = ["Nguyễn Thị Hồng Đào", "Trần Văn Đức", "Lê Thị Ánh Tuyết", "Phạm Quốc Bảo", "Hoàng Thị Lan Anh",
         "Vũ Đình Khôi", "Đặng Thu Hà", "Bùi Văn Ất"]  # fmt: skip


def _class(code, title, day, *, trainer=None, people=NAMES):
    unit = AdministrativeUnit.objects.get(scheme="current", name="Bát Tràng")
    offering = OfferingFactory(code=code, title=title, unit=unit, kind=Offering.Kind.CLASS, track="producers",
                               course=CourseFactory(title="Quản trị hợp tác xã"), starts_on=day, ends_on=day,
                               status=Offering.Status.CLOSED)  # fmt: skip
    if trainer is not None:
        offering.trainers.add(trainer)
    enrollments = [
        Enrollment.objects.create(offering=offering, participant=ParticipantFactory(full_name=name), source="roster")
        for name in people
    ]
    return offering, enrollments


def _answered(offering, enrollments, ratings, comments=()):
    questions = template_questions(offering_template(offering))
    for n, (enrollment, rating) in enumerate(zip(enrollments, ratings, strict=False)):
        answers = {}
        for question in questions:
            if question.kind == "scale":
                answers[question.pk] = rating
            elif question.kind == "single":
                answers[question.pk] = 1
            elif question.kind == "multiple":
                answers[question.pk] = [n % 3]
            elif n < len(comments):
                answers[question.pk] = comments[n]
        services.survey_submit(enrollment=enrollment, answers=answers)


def test_a_learner_answers_on_the_phone_after_the_last_session_and_only_once(phone, clock, screenshot):
    clock.at(14, 10)  # the last session began ten minutes ago
    offering, enrollments = _class("HN-2026-BT-41", "Lớp quản trị hợp tác xã xã Bát Tràng", clock.today)
    SessionFactory(offering=offering, title="Ngày 1 - sáng", date=clock.today, starts_at=time(8, 0),
                   ends_at=time(11, 0))  # fmt: skip
    last = SessionFactory(offering=offering, title="Ngày 1 - chiều", date=clock.today, starts_at=time(14, 0),
                          ends_at=time(16, 30))  # fmt: skip
    learner = UserFactory(email="hong.dao@htx-battrang.example", first_name="Đào", last_name="Nguyễn Thị Hồng")
    dao = enrollments[0].participant
    dao.user = learner
    dao.save()

    # She scans the projector's code at the last session, logs in, checks in: the survey is offered.
    from attendance.services import checkin_code

    phone.goto(f"/diem-danh/{last.pk}/{checkin_code(last)}/")
    phone.get_by_role("link", name="Đăng nhập để điểm danh").click()
    phone.get_by_label("Email").fill(learner.email)
    phone.get_by_label("Mật khẩu").fill(DEFAULT_PASSWORD)
    phone.get_by_role("button", name="Đăng nhập").click()
    phone.get_by_role("button", name="Điểm danh cho tôi").click()
    expect(phone.get_by_role("status")).to_contain_text("Nguyễn Thị Hồng Đào: Có mặt")
    expect(phone.get_by_text("Đây là buổi học cuối.")).to_be_visible()
    screenshot(phone, "checkin-invites-to-the-survey")
    phone.get_by_role("link", name="Trả lời phiếu khảo sát").click()

    expect(phone.get_by_role("heading", name="Phiếu khảo sát sau lớp tập huấn")).to_be_visible()
    expect(phone.get_by_text("Phiếu ẩn danh: câu trả lời được lưu không kèm tên của bạn.")).to_be_visible()
    screenshot(phone, "survey-form")
    # Sent with a question left out: told which, nothing saved.
    phone.get_by_role("button", name="Gửi câu trả lời").click()
    expect(phone.get_by_role("alert")).to_have_text("Một số câu hỏi chưa được trả lời: xem bên dưới.")
    assert not SurveyAnswered.objects.exists()
    screenshot(phone, "survey-form-errors")

    for group in phone.locator("fieldset.survey-question").all():
        if group.locator(".scale").count():
            group.locator(".scale__option").nth(3).click()  # 4
    overall = phone.get_by_role("group", name="Nhìn chung, anh/chị hài lòng với lớp tập huấn ở mức nào?")
    overall.get_by_role("radio", name="5 – Rất hài lòng").check()
    expect(overall.get_by_role("radio", name="4")).not_to_be_checked()
    phone.get_by_role("group", name="Thời lượng của lớp học").get_by_text("Vừa đủ").click()
    applies = phone.get_by_role("group", name="Anh/chị sẽ áp dụng những nội dung nào vào công việc? (không bắt buộc)")
    applies.get_by_text("Bao bì và câu chuyện sản phẩm").click()
    applies.get_by_text("Phương án kinh doanh và tiếp thị").click()
    phone.get_by_role("textbox", name="Anh/chị đề xuất gì để các lớp sau tốt hơn?").fill(
        "Nên có thêm buổi thực hành làm nhãn sản phẩm."
    )
    screenshot(phone, "survey-form-filled")
    phone.get_by_role("button", name="Gửi câu trả lời").click()
    expect(phone.get_by_role("status")).to_have_text("Bạn đã trả lời phiếu khảo sát này. Cảm ơn bạn!")
    screenshot(phone, "survey-thanks")
    response = SurveyResponse.objects.get()
    assert response.enrollment is None and response.channel == "online"
    overall_answer = response.answers.get(question__is_overall=True)
    assert overall_answer.scale == 5
    assert sorted(response.answers.filter(option__isnull=False).values_list("option", flat=True)) == [1, 2, 3]

    # The back button, and the form sent again: refused, still one answer.
    phone.go_back()
    expect(phone.get_by_role("button", name="Gửi câu trả lời")).to_be_visible()
    phone.get_by_role("button", name="Gửi câu trả lời").click()
    expect(phone.get_by_role("alert")).to_have_text("Phiếu khảo sát này đã được trả lời: mỗi người trả lời một lần.")
    screenshot(phone, "survey-second-time-refused")
    assert SurveyResponse.objects.count() == 1 and SurveyAnswered.objects.count() == 1

    # Her class's card says so; no horizontal scrolling anywhere on the way.
    phone.goto("/lop-cua-toi/")
    card = phone.locator(".offering-card").filter(has_text=offering.code)
    expect(card.get_by_text("Đã trả lời phiếu khảo sát")).to_be_visible()
    screenshot(phone, "my-classes-survey-answered")
    for path in (f"/lop/{offering.code}/khao-sat/", "/lop-cua-toi/"):
        phone.goto(path)
        assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert AttendanceRecord.objects.get(session=last).status == "present"


def test_an_organizer_reads_the_results_and_downloads_them(page, screenshot):
    day = timezone.localdate() - timedelta(days=3)
    offering, enrollments = _class("HN-2026-BT-42", "Lớp kỹ năng tiếp thị sản phẩm OCOP", day)
    SessionFactory(offering=offering, title="Ngày 1", date=day)
    _answered(offering, enrollments, [5, 5, 4, 4, 4, 3], comments=["Tài liệu nên gửi trước.", "",
                                                                 "Nên chia nhóm theo ngành hàng."])  # fmt: skip

    log_in(page, "tochuc@ocop.example", "/admin/")
    page.get_by_role("button", name="Đào tạo", exact=True).click()
    page.get_by_role("link", name="Lớp, hội nghị, tham quan").click()
    page.get_by_role("row").filter(has_text=offering.code).get_by_role("link", name="Kết quả", exact=True).click()
    expect(page.get_by_role("heading", name=f"Khảo sát: {offering.code}")).to_be_visible()
    expect(page.get_by_test_id("survey-responses")).to_have_text("6")
    expect(page.get_by_role("listitem").filter(has_text="Bùi Văn Ất")).to_be_visible()  # not answered yet
    screenshot(page, "organizer-survey-hub")

    # The paper form, printed for those who answer on paper...
    with page.context.expect_page() as printed:
        page.get_by_role("link", name="In phiếu giấy").click()
    sheet = printed.value
    expect(sheet.get_by_role("heading", name="PHIẾU KHẢO SÁT SAU LỚP TẬP HUẤN")).to_be_visible()
    expect(sheet.get_by_text("Không ghi tên trên phiếu.")).to_be_visible()
    screenshot(sheet, "paper-form-printed")
    sheet.close()
    # ... and typed in when it comes back, from the keyboard: Tab to a question, arrows to the rating.
    page.get_by_role("link", name="Nhập phiếu giấy").click()
    expect(page.get_by_role("heading", name=f"Nhập phiếu giấy: {offering.code}")).to_be_visible()
    first = page.get_by_role("group", name="1.1 Công tác tổ chức lớp học (thông báo, lịch học, tài liệu)")
    first.get_by_role("radio", name="1").focus()
    page.keyboard.press("ArrowRight")  # 2
    page.keyboard.press("ArrowRight")  # 3
    expect(first.get_by_role("radio", name="3")).to_be_checked()
    page.get_by_role("group", name="5.1 Nhìn chung, anh/chị hài lòng với lớp tập huấn ở mức nào?").get_by_text(
        "4", exact=True
    ).click()
    page.get_by_label("Người nộp phiếu (không bắt buộc)").select_option(label="Bùi Văn Ất")
    screenshot(page, "paper-form-typed-in")
    page.get_by_role("button", name="Lưu phiếu này và nhập phiếu tiếp").click()
    expect(page.get_by_text("Đã lưu phiếu giấy (đã nhập 1 phiếu).")).to_be_visible()
    expect(page.get_by_role("group", name="1.1 Công tác tổ chức lớp học (thông báo, lịch học, tài liệu)").get_by_role(
        "radio", name="3")).not_to_be_checked()  # an empty form for the next one  # fmt: skip
    paper = SurveyResponse.objects.get(channel="paper")
    assert paper.enrollment is None and SurveyAnswered.objects.get(channel="paper").enrollment == enrollments[7]
    assert sorted(paper.answers.values_list("scale", flat=True)) == [3, 4]
    page.get_by_role("link", name="Xong").click()
    expect(page.get_by_test_id("survey-responses")).to_have_text("7")

    page.get_by_role("link", name="Kết quả", exact=True).click()
    expect(page.get_by_role("heading", name=f"Kết quả khảo sát: {offering.code}")).to_be_visible()
    expect(page.get_by_test_id("results-overall")).to_have_text("4,14 / 5")  # (25 + 4) / 7
    overall = page.get_by_role("row", name="Nhìn chung, anh/chị hài lòng với lớp tập huấn ở mức nào?")
    expect(overall.get_by_role("cell")).to_have_text(["7", "4,14", "0 0,0 %", "0 0,0 %", "1 14,3 %", "4 57,1 %",
                                                      "2 28,6 %"])  # fmt: skip
    expect(page.get_by_text("Nên chia nhóm theo ngành hàng.")).to_be_visible()
    screenshot(page, "organizer-survey-results")

    with page.expect_download() as download:
        page.get_by_role("link", name="Tải kết quả (XLSX)").click()
    assert download.value.suggested_filename == f"khao-sat-{offering.code}.xlsx"
    book = load_workbook(io.BytesIO(open(download.value.path(), "rb").read()))
    summary = {row[1]: row for row in book["Tổng hợp"].iter_rows(values_only=True) if row and row[1]}
    assert summary["Nhìn chung, anh/chị hài lòng với lớp tập huấn ở mức nào?"][3:5] == (7, 4.14)
    forms = list(book["Phiếu"].iter_rows(min_row=4, values_only=True))
    assert len(forms) == 7 and sorted(row[1] for row in forms) == ["Phiếu giấy", *["Trực tuyến"] * 6]


def test_a_trainer_sees_their_results_only_from_five_answers(page, screenshot):
    trainer = get_user_model().objects.get(email="giangvien@ocop.example")
    day = timezone.localdate() - timedelta(days=5)
    enough, people = _class("HN-2026-BT-43", "Lớp quản trị hợp tác xã (đủ phiếu)", day, trainer=trainer)
    SessionFactory(offering=enough, date=day)
    _answered(enough, people, [5, 4, 4, 5, 3, 4])
    few, others = _class("HN-2026-BT-44", "Lớp quản trị hợp tác xã (ít phiếu)", day, trainer=trainer)
    SessionFactory(offering=few, date=day)
    _answered(few, others, [2, 3, 5])

    log_in(page, "giangvien@ocop.example", "/admin/")
    page.get_by_role("button", name="Báo cáo", exact=True).click()
    page.get_by_role("link", name="Kết quả khảo sát của tôi").click()
    expect(page.get_by_role("heading", name="Kết quả khảo sát: Trần Quốc Đạt")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text=few.code)).to_contain_text("hiển thị khi có từ 5 phiếu")
    expect(page.get_by_role("row").filter(has_text=enough.code)).to_contain_text("4,17")
    expect(page.get_by_test_id("trainer-overall")).to_have_text("4,17 / 5")  # the totals leave the other out
    screenshot(page, "trainer-results")

    page.get_by_role("link", name=few.code).click()
    threshold = page.get_by_role("status").filter(has_text="Kết quả chỉ hiển thị cho giảng viên")
    expect(threshold).to_contain_text("ít nhất 5 phiếu trả lời")
    expect(threshold).to_contain_text("Hiện có 3 phiếu.")
    expect(page.get_by_test_id("results-overall")).to_have_count(0)
    screenshot(page, "trainer-below-threshold")
    page.go_back()
    page.get_by_role("link", name=enough.code).click()
    expect(page.get_by_test_id("results-overall")).to_have_text("4,17 / 5")
    screenshot(page, "trainer-results-of-a-class")
