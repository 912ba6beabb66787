"""A trainer writes a lesson with a quiz, an administrator approves it, a learner finds it and passes."""

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from accounts.models import User
from courses import services
from courses.factories import CourseFactory, TrackFactory
from courses.models import LessonPage

from .steps import admin_message_shown, log_in

LESSON_TITLE = "Ghi nhãn sản phẩm của hợp tác xã"
QUESTIONS = [
    {
        "prompt": "Nhãn hàng hóa bắt buộc phải có nội dung nào?",
        "kind": "single",
        "options": [("Hạn sử dụng", True), ("Số điện thoại của giám đốc", False), ("Hạng sao mong muốn", False)],
        "explanation": "Hạn sử dụng là nội dung bắt buộc trên nhãn thực phẩm.",
    },
    {
        "prompt": "Mã QR truy xuất nguồn gốc nên dẫn tới những thông tin nào?",
        "kind": "multiple",
        "options": [("Chủ thể sản xuất", True), ("Lô sản xuất", True), ("Trang bán hàng khác", False)],
        "explanation": "Mã QR cho biết ai làm ra sản phẩm và thuộc lô nào.",
    },
]


@pytest.fixture
def course(demo_site):
    trainer = User.objects.get(email="giangvien@ocop.example")
    course = CourseFactory(
        parent=TrackFactory(code="producers"),
        code="OCOP-CT-09",
        slug="ky-nang-ban-hang",
        title="Kỹ năng bán hàng cho hợp tác xã",
        pass_mark=100,
    )
    course.trainers.set([trainer])
    services.course_trainers_sync(course=course)
    return course


@pytest.fixture
def label_image(tmp_path):
    path = tmp_path / "mau-nhan.png"
    image = Image.new("RGB", (800, 450), (29, 107, 69))
    ImageDraw.Draw(image).rectangle((40, 40, 760, 410), outline=(242, 182, 50), width=8)
    image.save(path)
    return path


def _add_question(page, number, question):
    page.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name="Câu hỏi", exact=True).click()
    block = f"body-{number}-value"
    page.locator(f"select[name='{block}-kind']").select_option(question["kind"])
    page.locator(f"textarea[name='{block}-prompt']").fill(question["prompt"])
    options = page.locator("[data-contentpath='options']").last
    for index, (text, correct) in enumerate(question["options"]):
        if index:
            options.locator("button.c-sf-add-button").last.click()
        page.locator(f"input[name='{block}-options-{index}-value-text']").fill(text)
        if correct:
            _tick(page.locator(f"input[name='{block}-options-{index}-value-correct']"))
    page.locator(f"textarea[name='{block}-explanation']").fill(question["explanation"])


def _tick(checkbox):
    """Check a box in a StreamField child that may still be sliding into place: jQuery's slideDown
    re-lays the block out while it runs, and a click landing mid-slide is lost, so wait for it to end."""
    checkbox.page.wait_for_function("() => window.jQuery && jQuery(':animated').length === 0")
    checkbox.check()
    expect(checkbox).to_be_checked()


def _answer(page, choices):
    for question, chosen in zip(QUESTIONS, choices, strict=True):
        fieldset = page.get_by_role("group", name=question["prompt"])
        for text in chosen:
            fieldset.get_by_label(text).check()


def test_trainer_writes_administrator_approves_learner_passes(page, course, label_image, screenshot):
    # The trainer opens their course from the admin's page menu and adds a lesson.
    log_in(page, "giangvien@ocop.example")
    page.get_by_role("button", name="Trang").click()
    page.get_by_role("link", name=course.title, exact=True).first.click()
    page.get_by_role("link", name="Thêm trang con").click()
    page.get_by_placeholder("Tiêu đề trang*").fill(LESSON_TITLE)

    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Nội dung").click()
    page.locator(".public-DraftEditor-content").first.fill(
        "Nhãn hàng hóa của hợp tác xã phải ghi rõ tên sản phẩm, xuất xứ, hạn sử dụng và mã QR truy xuất nguồn gốc."
    )
    page.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name="Hình ảnh có chú thích").click()
    page.get_by_role("button", name="Chọn hình ảnh").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("tab", name="Tải lên").click()
    dialog.locator("#id_image-chooser-upload-file").set_input_files(label_image)
    dialog.locator("#id_image-chooser-upload-title").fill("Mẫu nhãn sản phẩm")
    dialog.get_by_role("button", name="Tải lên", exact=True).click()
    expect(page.get_by_role("dialog")).to_be_hidden()
    page.locator("input[name='body-1-value-caption']").fill("Mẫu nhãn có đủ nội dung bắt buộc")
    for number, question in enumerate(QUESTIONS, start=2):
        _add_question(page, number, question)
    screenshot(page, "trainer-writes-lesson")

    page.get_by_role("button", name="Thao tác khác").click()
    page.get_by_role("button", name="Gửi tới Duyệt bài giảng").click()
    expect(page.get_by_role("row").filter(has_text=LESSON_TITLE)).to_contain_text("kiểm duyệt", ignore_case=True)
    screenshot(page, "trainer-submitted")
    lesson = LessonPage.objects.get(title=LESSON_TITLE)
    assert not lesson.live
    assert lesson.slug == "ghi-nhan-san-pham-cua-hop-tac-xa"  # the editor folded the title as it was typed
    assert len(lesson.get_latest_revision_as_object().questions) == 2

    # The administrator approves it from the dashboard.
    page.context.clear_cookies()
    log_in(page, "quantri@ocop.example")
    expect(page.get_by_text(LESSON_TITLE, exact=True).first).to_be_visible()
    screenshot(page, "administrator-dashboard")
    page.get_by_role("button", name="Thao tác").click()
    page.get_by_text("Phê duyệt kèm bình luận").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    dialog.locator("textarea[name='comment']").fill("Nội dung rõ ràng, câu hỏi phù hợp. Đồng ý xuất bản.")
    screenshot(page, "administrator-comment")
    dialog.get_by_role("button", name="Phê duyệt kèm bình luận").click()
    # The dashboard reloads, says what happened, and the lesson no longer waits for review.
    expect(page.get_by_text(f"Đã phê duyệt và xuất bản bài giảng “{LESSON_TITLE}”.")).to_be_visible()
    expect(page.get_by_role("heading", name="Đào tạo OCOP")).to_be_visible()
    expect(page.get_by_text(LESSON_TITLE, exact=True)).to_have_count(0)  # not in "awaiting your review"
    admin_message_shown(page)
    screenshot(page, "administrator-approved")
    lesson.refresh_from_db()
    assert lesson.live

    # A learner finds it without typing diacritics, fails the quiz, then passes.
    page.context.clear_cookies()
    log_in(page, "hocvien@ocop.example", next_url="/")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Khóa học").click()
    page.get_by_label("Tìm khóa học và bài học").fill("ghi nhan san pham hop tac xa")
    page.get_by_role("button", name="Tìm kiếm").click()
    screenshot(page, "learner-search")
    page.get_by_role("link", name=LESSON_TITLE).click()
    expect(page.get_by_role("heading", name=LESSON_TITLE)).to_be_visible()
    expect(page.get_by_role("img", name="Mẫu nhãn sản phẩm")).to_be_visible()
    assert "Hạn sử dụng là nội dung bắt buộc" not in page.content()

    _answer(page, [["Số điện thoại của giám đốc"], ["Chủ thể sản xuất"]])
    page.get_by_role("button", name="Nộp bài").click()
    expect(page.get_by_text("Chưa đạt").first).to_be_visible()
    expect(page.get_by_text("Các câu chưa đúng: 1, 2.")).to_be_visible()
    # The course's default: the correct answers and explanations wait until the learner passes (or has no
    # attempt left).
    expect(page.get_by_text("Hạn sử dụng là nội dung bắt buộc trên nhãn thực phẩm.")).to_have_count(0)
    screenshot(page, "learner-failed")

    page.get_by_role("button", name="Làm lại").click()
    _answer(page, [["Hạn sử dụng"], ["Chủ thể sản xuất", "Lô sản xuất"]])
    page.get_by_role("button", name="Nộp bài").click()
    expect(page.get_by_text("Đạt:").first).to_be_visible()
    expect(page.get_by_text("Hạn sử dụng là nội dung bắt buộc trên nhãn thực phẩm.")).to_be_visible()
    screenshot(page, "learner-passed")

    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Học tập của tôi").click()
    item = page.locator(".progress-item", has_text=course.title)
    expect(item.get_by_text("Hoàn thành 100%")).to_be_visible()
    screenshot(page, "my-learning")
