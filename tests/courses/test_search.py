import pytest

from courses.content import body
from courses.factories import CourseFactory, LessonFactory
from courses.selectors import catalog_search
from lms.text import fold


@pytest.fixture
def lessons(db):
    course = CourseFactory(title="Quản trị hợp tác xã", summary="Kỹ năng cho giám đốc hợp tác xã.")
    cooperative = LessonFactory(
        parent=course,
        title="Điều lệ và tổ chức",
        body=body([("paragraph", "<p>Hợp tác xã nông nghiệp hoạt động theo Luật Hợp tác xã 2023.</p>")]),
    )
    registration = LessonFactory(
        parent=course,
        title="Thủ tục hành chính",
        body=body([("paragraph", "<p>Chủ thể đăng ký sản phẩm với Ủy ban nhân dân xã.</p>")]),
    )
    unrelated = LessonFactory(
        parent=course, title="Bao bì", body=body([("paragraph", "<p>Chọn vật liệu đóng gói phù hợp.</p>")])
    )
    # The database search backend indexes on save; publishing is what editors do.
    for page in (course, cooperative, registration, unrelated):
        page.save_revision().publish()
    return cooperative, registration, unrelated


def test_fold_strips_tone_marks_and_maps_d_stroke():
    assert fold("  Hợp tác xã ĐỒNG Tâm  ") == "hop tac xa dong tam"
    assert fold("đăng ký") == "dang ky"


@pytest.mark.parametrize("query", ["hop tac xa", "hợp tác xã", "HOP TAC XA", "Hợp Tác Xã"])
def test_search_finds_cooperative_lessons_with_or_without_diacritics(lessons, query):
    cooperative, _registration, unrelated = lessons
    results = catalog_search(query)
    assert cooperative in results.lessons
    assert unrelated not in results.lessons
    assert results.courses  # the course's title says it too


@pytest.mark.parametrize("query", ["dang ky", "đăng ký", "Dang Ky"])
def test_search_finds_dang_ky_without_diacritics(lessons, query):
    _cooperative, registration, _unrelated = lessons
    results = catalog_search(query)
    assert [lesson.pk for lesson in results.lessons] == [registration.pk]
    assert results.lessons[0].course.title == "Quản trị hợp tác xã"


def test_catalog_page_shows_search_results(client, lessons):
    catalog = lessons[0].get_parent().get_parent().get_parent()
    html = client.get(catalog.url, {"q": "dang ky"}).content.decode()
    assert "Thủ tục hành chính" in html
    assert "Bao bì" not in html


def test_catalog_page_shows_matching_courses_with_their_lesson_counts(client, lessons):
    catalog = lessons[0].get_parent().get_parent().get_parent()
    response = client.get(catalog.url, {"q": "hop tac xa"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Quản trị hợp tác xã" in html
    assert "3 bài học" in html


def test_an_empty_or_symbol_only_query_returns_nothing(lessons):
    assert len(catalog_search("   ")) == 0
    assert len(catalog_search("!!!")) == 0


@pytest.fixture
def closed_lesson(db):
    from courses.factories import QUIZ
    from courses.models import CoursePage

    course = CourseFactory(title="Truy xuất nguồn gốc", access=CoursePage.Access.ENROLLED)
    lesson = LessonFactory(
        parent=course, title="Tem truy xuất",
        body=body([("paragraph", "<p>Mật khẩu kho dữ liệu truy xuất do hợp tác xã tự đặt.</p>")], QUIZ),
    )  # fmt: skip
    for page in (course, lesson):
        page.save_revision().publish()
    return course, lesson


def test_the_text_of_a_closed_lesson_cannot_be_found_by_searching_only_its_title(closed_lesson):
    course, lesson = closed_lesson
    assert lesson not in catalog_search("mat khau kho du lieu").lessons
    assert lesson in catalog_search("tem truy xuat").lessons  # the outline is public, so is the title


def test_quiz_questions_and_explanations_are_never_indexed(db):
    from courses.factories import QUIZ

    lesson = LessonFactory(parent=CourseFactory(), title="Ôn tập", body=body([("paragraph", "<p>Ôn tập.</p>")], QUIZ))
    lesson.save_revision().publish()
    assert lesson in catalog_search("on tap").lessons
    assert catalog_search("dat bao nhieu diem thi duoc xep hang").lessons == []  # a question
    assert catalog_search("tu 70 den duoi 90 diem").lessons == []  # an option, and the explanation


def test_opening_a_course_makes_its_lessons_text_searchable(closed_lesson):
    from courses.models import CoursePage

    course, lesson = closed_lesson
    course.access = CoursePage.Access.OPEN
    course.save_revision().publish()
    assert lesson in catalog_search("mat khau kho du lieu").lessons
    course.access = CoursePage.Access.ENROLLED
    course.save_revision().publish()
    assert lesson not in catalog_search("mat khau kho du lieu").lessons
