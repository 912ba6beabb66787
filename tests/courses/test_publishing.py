"""Who can create, edit, submit, approve and publish lessons in the Wagtail admin."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from accounts.factories import UserFactory
from accounts.roles import Role
from courses import services
from courses.factories import CourseFactory, LessonFactory
from courses.models import LessonPage
from courses.review import WORKFLOW_NAME, review_workflow_ensure
from tests.answers import outcome, redirected_to


@pytest.fixture
def setup(db):
    review_workflow_ensure()
    assigned, other = CourseFactory(), CourseFactory()
    trainer = UserFactory(role=Role.TRAINER)
    assigned.trainers.set([trainer])
    services.course_trainers_sync(course=assigned)
    return {
        "assigned": assigned,
        "other": other,
        "trainer": trainer,
        "other_trainer": UserFactory(role=Role.TRAINER),
        "organizer": UserFactory(role=Role.ORGANIZER),
        "learner": UserFactory(role=Role.LEARNER),
        "administrator": UserFactory(role=Role.ADMINISTRATOR),
    }


def _lesson_form(title, action):
    data = nested_form_data(
        {
            "title": title,
            "slug": "bai-hoc-moi",
            "estimated_minutes": "20",
            "time_limit_minutes": "0",
            "body": streamfield([("paragraph", rich_text("<p>Hợp tác xã lập phương án kinh doanh.</p>"))]),
        }
    )
    data[action] = "1"
    return data


def _add_url(course):
    return reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", course.pk])


@pytest.mark.parametrize(
    ("who", "course", "answer"),
    [
        ("trainer", "assigned", 200),
        ("trainer", "other", "home"),
        ("other_trainer", "assigned", "home"),
        ("organizer", "assigned", "home"),
        ("learner", "assigned", "login"),
        ("administrator", "other", 200),
    ],
)
def test_who_may_open_the_new_lesson_form(client, setup, who, course, answer):
    client.force_login(setup[who])
    assert outcome(client.get(_add_url(setup[course]))) == answer


def test_a_trainer_cannot_publish_but_submits_for_review_then_an_administrator_approves(client, setup):
    client.force_login(setup["trainer"])
    client.post(_add_url(setup["assigned"]), _lesson_form("Phương án kinh doanh", "action-publish"))
    lesson = LessonPage.objects.get(title="Phương án kinh doanh")
    assert not lesson.live

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[lesson.pk]), _lesson_form("Phương án kinh doanh", "action-submit")
    )
    assert redirected_to(response) == reverse("wagtailadmin_explore", args=[setup["assigned"].pk])
    state = WorkflowState.objects.get(object_id=str(lesson.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME
    lesson.refresh_from_db()
    assert not lesson.live

    # The trainer cannot approve their own lesson.
    task_state = state.current_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[lesson.pk, "approve", task_state.pk])
    client.post(approve, {"comment": "Tự duyệt"})
    lesson.refresh_from_db()
    assert not lesson.live

    client.force_login(setup["administrator"])
    response = client.post(approve, {"comment": "Nội dung tốt, đồng ý xuất bản."})
    assert redirected_to(response) == reverse("wagtailadmin_pages:edit", args=[lesson.pk])
    lesson.refresh_from_db()
    assert lesson.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_an_administrator_can_request_changes_with_a_comment(client, setup):
    lesson = LessonFactory(parent=setup["assigned"], live=False)
    lesson.save_revision(user=setup["trainer"])
    workflow = lesson.get_workflow()
    workflow.start(lesson, setup["trainer"])
    state = WorkflowState.objects.get(object_id=str(lesson.pk))

    client.force_login(setup["administrator"])
    reject = reverse("wagtailadmin_pages:workflow_action", args=[lesson.pk, "reject", state.current_task_state.pk])
    client.post(reject, {"comment": "Bổ sung ví dụ về hợp tác xã."})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Bổ sung ví dụ về hợp tác xã."


def test_administrators_publish_directly(client, setup):
    client.force_login(setup["administrator"])
    client.post(_add_url(setup["other"]), _lesson_form("Tiếp thị sản phẩm", "action-publish"))
    assert LessonPage.objects.get(title="Tiếp thị sản phẩm").live


def test_a_trainer_edits_only_lessons_of_assigned_courses(client, setup):
    mine = LessonFactory(parent=setup["assigned"])
    theirs = LessonFactory(parent=setup["other"])
    client.force_login(setup["trainer"])
    assert client.get(reverse("wagtailadmin_pages:edit", args=[mine.pk])).status_code == 200
    assert outcome(client.get(reverse("wagtailadmin_pages:edit", args=[theirs.pk]))) == "home"


def test_a_trainer_previews_a_new_lesson_and_a_saved_draft_with_the_course_around_it(client, setup):
    course = setup["assigned"]
    client.force_login(setup["trainer"])
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=["courses", "lessonpage", course.pk])
    assert client.post(preview_url, _lesson_form("Bài mới: Phương án kinh doanh", "action-submit")).json() == {
        "is_valid": True,
        "is_available": True,
    }
    preview = client.get(preview_url).content.decode()
    assert "Bài mới: Phương án kinh doanh" in preview and course.title in preview
    assert "Hợp tác xã lập phương án kinh doanh." in preview

    client.post(_add_url(course), _lesson_form("Bài nháp: Đóng gói sản phẩm", "action-submit"))
    draft = LessonPage.objects.get(title="Bài nháp: Đóng gói sản phẩm")
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[draft.pk]))
    assert response.status_code == 200 and course.title in response.content.decode()


@pytest.mark.parametrize("junk", ["abc", "1.5", "\x00", "9" * 25])
def test_the_image_choosers_of_track_and_course_pages_take_an_id_that_is_not_one(db, junk):
    from courses.models import CoursePage, TrackPage
    from courses.widgets import ImageChooser

    for model, field in ((CoursePage, "cover_image"), (TrackPage, "image")):
        widget = model.get_edit_handler().get_form_class().base_fields[field].widget
        assert isinstance(widget, ImageChooser)
        assert f'name="{field}"' in widget.render(
            field, junk, attrs={"id": f"id_{field}"}
        )  # shown as "no image chosen", not a 500


def _options(*options):
    """A ListBlock's form data: count, then value, order and deleted per item."""
    items = {
        str(i): {"value": {"text": text, "correct": "on" if correct else ""}, "order": str(i), "deleted": "", "id": ""}
        for i, (text, correct) in enumerate(options)
    }
    return {"count": str(len(options)), **items}


def test_a_new_quiz_lesson_previews_before_its_first_save_without_a_test_badge(client, setup):
    """Before its first save the lesson has no id: there is no attempt to look up, and it is neither the
    course's pre-test nor its final test (a course without them has pre_test_id None too)."""
    course = setup["assigned"]
    assert course.pre_test_id is None
    client.force_login(setup["trainer"])
    data = _lesson_form("Bài kiểm tra: Phân hạng sản phẩm", "action-submit")
    question = {"kind": "single", "prompt": "Sản phẩm OCOP được phân hạng theo thang mấy sao?", "points": "1",
                "explanation": "", "options": _options(("5 sao", True), ("10 sao", False))}  # fmt: skip
    data.update(nested_form_data({"body": streamfield([("question", question)])}))
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=["courses", "lessonpage", course.pk])
    assert client.post(preview_url, data).json() == {"is_valid": True, "is_available": True}
    response = client.get(preview_url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Sản phẩm OCOP được phân hạng theo thang mấy sao?" in page and "10 sao" in page
    assert 'class="badge"' not in page


def test_a_lesson_added_to_a_course_with_a_final_test_goes_before_the_test(client, setup):
    course = setup["assigned"]
    first = LessonFactory(parent=course, title="Bài 1: Giới thiệu")
    final = LessonFactory(parent=course, title="Kiểm tra cuối khóa", with_quiz=True)
    course.final_test = final
    course.save()
    client.force_login(setup["administrator"])
    client.post(_add_url(course), _lesson_form("Bài 2: Đóng gói sản phẩm", "action-publish"))
    titles = [page.title for page in course.get_children()]
    assert titles == [first.title, "Bài 2: Đóng gói sản phẩm", "Kiểm tra cuối khóa"]
    assert LessonPage.objects.get(title="Bài 2: Đóng gói sản phẩm").slug == "bai-hoc-moi"


@pytest.mark.parametrize(
    ("title", "slug", "stored"),
    [
        ("Bảo quản sản phẩm", "bảo-quản-sản-phẩm", "bao-quan-san-pham"),
        ("ĐĂNG KÝ HỢP TÁC XÃ", "ĐĂNG-KÝ", "dang-ky"),
    ],
)
def test_slugs_are_ascii_folded_from_what_the_editor_typed_or_the_title(client, setup, title, slug, stored):
    """The editor's slug field folds as one types (Wagtail's urlify, WAGTAIL_ALLOW_UNICODE_SLUGS = False);
    whatever arrives, the page stores an ASCII slug, đ as d."""
    client.force_login(setup["administrator"])
    data = _lesson_form(title, "action-publish")
    data["slug"] = slug
    client.post(_add_url(setup["assigned"]), data)
    lesson = LessonPage.objects.get(title=title)
    assert lesson.slug == stored and lesson.url.endswith(f"/{stored}/")


def test_a_page_saved_without_a_slug_takes_the_folded_title(setup):
    lesson = LessonFactory(parent=setup["assigned"], title="Đóng gói và ghi nhãn sản phẩm", slug="")
    assert lesson.slug == "dong-goi-va-ghi-nhan-san-pham"


def _in_review(setup, title="Phương án kinh doanh của HTX"):
    lesson = LessonFactory(parent=setup["assigned"], title=title, live=False)
    lesson.save_revision(user=setup["trainer"])
    lesson.get_workflow().start(lesson, setup["trainer"])
    return lesson, WorkflowState.objects.get(object_id=str(lesson.pk)).current_task_state


def _messages(client, url):
    return client.get(url).content.decode()


def test_the_reviewer_is_told_the_lesson_was_approved_and_published_from_the_dashboard(client, setup):
    lesson, task_state = _in_review(setup)
    client.force_login(setup["administrator"])
    approve = reverse("wagtailadmin_pages:workflow_action", args=[lesson.pk, "approve", task_state.pk])
    dashboard = reverse("wagtailadmin_home")
    # The dashboard's "Approve with comment" posts from its dialog, then loads the page it is told to.
    answer = client.post(f"{approve}?next={dashboard}", {"comment": "Đồng ý xuất bản."},
                         headers={"x-requested-with": "XMLHttpRequest"})  # fmt: skip
    assert answer.json()["step"] == "success"
    page = _messages(client, answer.json()["redirect"])
    assert "Đã phê duyệt và xuất bản bài giảng “Phương án kinh doanh của HTX”." in page
    lesson.refresh_from_db()
    assert lesson.live
    assert "Đã phê duyệt" not in _messages(client, dashboard)  # told once


def test_the_reviewer_is_told_changes_were_requested(client, setup):
    lesson, task_state = _in_review(setup)
    client.force_login(setup["administrator"])
    reject = reverse("wagtailadmin_pages:workflow_action", args=[lesson.pk, "reject", task_state.pk])
    page = client.post(reject, {"comment": "Bổ sung ví dụ."}, follow=True).content.decode()
    assert "Đã yêu cầu chỉnh sửa bài giảng “Phương án kinh doanh của HTX”: người gửi duyệt sẽ được báo." in page
    lesson.refresh_from_db()
    assert not lesson.live


def test_someone_who_may_not_review_is_told_nothing_of_the_kind(client, setup):
    lesson, task_state = _in_review(setup)
    client.force_login(setup["trainer"])
    approve = reverse("wagtailadmin_pages:workflow_action", args=[lesson.pk, "approve", task_state.pk])
    page = client.post(approve, {"comment": "Tự duyệt"}, follow=True).content.decode()
    assert "Đã phê duyệt" not in page
    lesson.refresh_from_db()
    assert not lesson.live


def test_approving_from_the_lessons_editor_says_approved_and_published(client, setup):
    lesson, _task_state = _in_review(setup, title="Câu chuyện sản phẩm")
    client.force_login(setup["administrator"])
    data = _lesson_form("Câu chuyện sản phẩm", "action-workflow-action")
    data["workflow-action-name"] = "approve"
    data["slug"] = lesson.slug
    page = client.post(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), data, follow=True).content.decode()
    assert "Đã phê duyệt và xuất bản bài giảng “Câu chuyện sản phẩm”." in page
    lesson.refresh_from_db()
    assert lesson.live
