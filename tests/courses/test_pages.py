import re

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.roles import Role
from courses.factories import CourseFactory, LessonFactory, TrackFactory
from courses.models import CoursePage
from tests.answers import outcome, redirected_to


def test_catalog_lists_courses_by_track_with_their_lesson_counts(client, course, text_lesson, quiz_lesson):
    catalog = course.get_parent().get_parent()
    html = client.get(catalog.url).content.decode()
    assert course.title in html
    assert "Chủ thể sản xuất, kinh doanh" in html
    assert "2 bài học" in html


def test_course_page_lists_lessons_in_tree_order(client, course, text_lesson, quiz_lesson):
    html = client.get(course.url).content.decode()
    assert html.index(text_lesson.title) < html.index(quiz_lesson.title)


def test_lesson_page_never_sends_the_correct_answers(client, quiz_lesson):
    learner = UserFactory()
    client.force_login(learner)
    html = client.get(quiz_lesson.url).content.decode()
    assert "Từ 70 đến dưới 90 điểm" in html
    assert "correct" not in html.lower().replace("not correct", "")
    assert "Hạng 3 sao: từ 70 đến dưới 90 điểm." not in html  # explanations come after answering


def test_enrolled_only_course_shows_outline_to_everyone_and_lessons_to_allowed_users(client, db):
    course = CourseFactory(access=CoursePage.Access.ENROLLED)
    lesson = LessonFactory(parent=course, title="Phương án kinh doanh của hợp tác xã")

    assert lesson.title in client.get(course.url).content.decode()
    response = client.get(lesson.url)
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))

    client.force_login(UserFactory())
    assert client.get(lesson.url).status_code == 403

    from courses.services import course_access_grant

    learner = UserFactory()
    course_access_grant(course=course, user=learner)
    client.force_login(learner)
    assert client.get(lesson.url).status_code == 200

    client.force_login(UserFactory(role=Role.TRAINER))
    assert client.get(lesson.url).status_code == 200


@pytest.mark.parametrize(
    ("status", "reads"),
    [("registered", True), ("completed", True), ("waitlisted", False), ("cancelled", False), ("no_show", False)],
)
def test_a_learner_in_a_class_of_a_closed_course_reads_its_lessons(client, db, status, reads):
    from enrollment.factories import OfferingFactory, ParticipantFactory
    from enrollment.models import Enrollment

    course = CourseFactory(access=CoursePage.Access.ENROLLED)
    lesson = LessonFactory(parent=course, title="Đóng gói và nhãn mác sản phẩm")
    learner = UserFactory()
    participant = ParticipantFactory(full_name="Đỗ Thị Ngọc Ánh", user=learner)
    Enrollment.objects.create(offering=OfferingFactory(course=course), participant=participant, status=status)
    Enrollment.objects.create(offering=OfferingFactory(), participant=participant)  # another course's class
    client.force_login(learner)
    response = client.get(lesson.url)
    assert response.status_code == (200 if reads else 403)
    assert ("Hợp tác xã đăng ký kinh doanh tại cơ quan đăng ký cấp tỉnh." in response.content.decode()) is reads


def _catalog_of_size(courses, lessons_each):
    track = TrackFactory()
    for _index in range(courses):
        course = CourseFactory(parent=track)
        for _lesson in range(lessons_each):
            LessonFactory(parent=course)
    return track.get_parent()


@pytest.mark.parametrize("courses", [3, 30])
def test_catalog_runs_a_constant_number_of_queries(client, db, django_assert_max_num_queries, courses):
    catalog = _catalog_of_size(courses, 2)
    client.get(catalog.url)
    with django_assert_max_num_queries(10):
        response = client.get(catalog.url)
    assert len(re.findall('class="card course-card"', response.content.decode())) == courses


@pytest.mark.parametrize("size", [3, 30])
def test_course_and_lesson_pages_run_a_constant_number_of_queries(client, db, django_assert_max_num_queries, size):
    course = CourseFactory()
    lessons = [LessonFactory(parent=course, with_quiz=index == size - 1) for index in range(size)]
    learners = [UserFactory() for _learner in range(size)]
    from courses.services import lesson_complete

    for learner in learners:
        lesson_complete(user=learner, lesson=lessons[0], course=course)
    client.force_login(learners[0])
    client.get(course.url)
    # Wagtail's routing costs one query per level of the tree; the rest is ours.
    with django_assert_max_num_queries(16):
        assert client.get(course.url).status_code == 200
    with django_assert_max_num_queries(16):
        assert client.get(lessons[1].url).status_code == 200
    client.get(lessons[-1].url)  # the first view starts the attempt (tests/courses/test_quiz_page.py pins it)
    with django_assert_max_num_queries(18):  # the quiz adds the attempt under way and the attempts count
        assert client.get(lessons[-1].url).status_code == 200


def test_administrators_grant_course_access_in_the_admin(client, db):
    from courses.models import CourseAccess

    course = CourseFactory(access=CoursePage.Access.ENROLLED)
    learner = UserFactory(first_name="Lan", last_name="Nguyễn Thị")
    administrator = UserFactory(role=Role.ADMINISTRATOR)
    client.force_login(administrator)
    response = client.post(reverse("course_access:add"), {"user": learner.pk, "course": course.pk})
    assert redirected_to(response) == reverse("course_access:index")
    assert CourseAccess.objects.get(user=learner, course=course).granted_by == administrator
    again = client.post(reverse("course_access:add"), {"user": learner.pk, "course": course.pk})
    assert again.status_code == 200  # the form says it exists
    assert CourseAccess.objects.filter(user=learner, course=course).count() == 1
    html = client.get(reverse("course_access:index")).content.decode()
    assert "Nguyễn Thị Lan" in html

    client.force_login(UserFactory(role=Role.TRAINER))
    assert outcome(client.get(reverse("course_access:index"))) == "home"


def test_a_course_id_too_large_for_the_database_is_not_a_choice_when_editing_course_access(client, db):
    from courses.services import course_access_grant

    course = CourseFactory(access=CoursePage.Access.ENROLLED)
    learner = UserFactory()
    grant = course_access_grant(course=course, user=learner)
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    response = client.post(reverse("course_access:edit", args=[grant.pk]), {"user": learner.pk, "course": "9" * 25})
    assert response.status_code == 200 and "course" in response.context["form"].errors
    grant.refresh_from_db()
    assert grant.course_id == course.pk


@pytest.fixture
def closed_handout(db, media):
    """A handout attached to a lesson of a course open only to its enrolled learners."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from courses.content import body

    handout = get_document_model().objects.create(
        title="Sổ tay truy xuất nguồn gốc", file=ContentFile(b"%PDF-1.4 so tay", name="so-tay-truy-xuat.pdf")
    )
    course = CourseFactory(title="Truy xuất nguồn gốc", access=CoursePage.Access.ENROLLED)
    lesson = LessonFactory(parent=course, body=body([("document", {"document": handout.pk, "title": "Sổ tay"})]))
    lesson.save_revision().publish()
    return handout, course


def test_a_handout_of_a_closed_lesson_is_not_served_to_people_outside_the_class(client, closed_handout):
    from enrollment.factories import OfferingFactory
    from enrollment.services import enrollment_create, participant_link_user

    handout, course = closed_handout
    url = handout.url
    assert outcome(client.get(url)) == "login"
    outsider = UserFactory(role=Role.LEARNER)
    client.force_login(outsider)
    refused = client.get(url)
    assert refused.status_code == 403 and "chỉ dành cho học viên đã ghi danh" in refused.content.decode()
    enrollment_create(offering=OfferingFactory(course=course), participant=participant_link_user(user=outsider))
    served = client.get(url)
    assert served.status_code == 200 and b"".join(served.streaming_content).startswith(b"%PDF")
    client.force_login(UserFactory(role=Role.TRAINER))
    assert client.get(url).status_code == 200


def test_a_handout_of_an_open_lesson_is_served_to_anyone(client, closed_handout):
    handout, course = closed_handout
    course.access = CoursePage.Access.OPEN
    course.save_revision().publish()
    assert client.get(handout.url).status_code == 200
