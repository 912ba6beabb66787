import pytest

from courses.content import body
from courses.factories import CourseFactory, LessonFactory
from courses.selectors import catalog_search
from enrollment.normalize import fold


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
