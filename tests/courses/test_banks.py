"""Question banks in the admin: a course's trainers write its banks and nobody else's, and a lesson draws only
from its own course's banks, never more questions than a bank holds."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from accounts.factories import UserFactory
from accounts.roles import Role
from courses import services
from courses.factories import CourseFactory, LessonFactory, QuestionBankFactory
from courses.models import QuestionBank
from tests.answers import outcome

LIST = "wagtailsnippets_courses_questionbank:list"
ADD = "wagtailsnippets_courses_questionbank:add"
EDIT = "wagtailsnippets_courses_questionbank:edit"
CHOOSE = "wagtailsnippetchoosers_courses_questionbank:choose"


@pytest.fixture
def world(db):
    mine, theirs = CourseFactory(), CourseFactory()
    trainer, other_trainer = UserFactory(role=Role.TRAINER), UserFactory(role=Role.TRAINER)
    for course, who in ((mine, trainer), (theirs, other_trainer)):
        course.trainers.set([who])
        services.course_trainers_sync(course=course)
    return {
        "mine": mine,
        "theirs": theirs,
        "trainer": trainer,
        "bank": QuestionBankFactory(course=mine, title="Ngân hàng của khóa mình"),
        "their_bank": QuestionBankFactory(course=theirs, title="Ngân hàng của khóa khác"),
        "lesson": LessonFactory(parent=mine, title="Kiểm tra cuối khóa"),
    }


def test_a_trainer_sees_and_edits_the_banks_of_their_courses_only(client, world):
    client.force_login(world["trainer"])
    listing = client.get(reverse(LIST)).content.decode()
    assert "Ngân hàng của khóa mình" in listing and "Ngân hàng của khóa khác" not in listing
    assert client.get(reverse(EDIT, args=[world["bank"].pk])).status_code == 200
    assert outcome(client.get(reverse(EDIT, args=[world["their_bank"].pk]))) in (404, "home")
    chooser = client.get(reverse(CHOOSE)).json()["html"]
    assert "Ngân hàng của khóa mình" in chooser and "Ngân hàng của khóa khác" not in chooser


def test_a_trainer_adds_a_bank_to_their_course_not_to_another(client, world):
    client.force_login(world["trainer"])
    form = client.get(reverse(ADD)).content.decode()
    assert world["mine"].title in form and world["theirs"].title not in form
    for course, made in ((world["theirs"], False), (world["mine"], True)):
        data = nested_form_data({"title": "Ngân hàng mới", "course": course.pk, "questions": streamfield([])})
        client.post(reverse(ADD), data)
        assert QuestionBank.objects.filter(title="Ngân hàng mới", course=course).exists() is made


def test_learners_and_organizers_have_no_banks(client, world):
    for role in (Role.LEARNER, Role.ORGANIZER):
        client.force_login(UserFactory(role=role))
        assert outcome(client.get(reverse(LIST))) in ("login", "home")


def _edit_lesson(client, lesson, blocks):
    data = nested_form_data({"title": lesson.title, "slug": lesson.slug, "estimated_minutes": "15",
                             "time_limit_minutes": "0", "body": streamfield(blocks)})  # fmt: skip
    return client.post(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), data)


def _errors(response) -> str:
    """The lesson body's errors as the editor shows them above its blocks."""
    return " ".join(str(message) for error in response.context["form"].errors["body"].as_data()
                    for message in error.non_block_errors)  # fmt: skip


def test_a_lesson_draws_only_from_its_courses_banks_and_no_more_than_they_hold(client, world):
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    lesson = world["lesson"]

    def draw(bank, count, topic="", per_topic=False):
        value = {"bank": bank.pk, "count": str(count), "topic": topic}
        return ("question_draw", value | ({"per_topic": "on"} if per_topic else {}))

    errors = _errors(_edit_lesson(client, lesson, [draw(world["their_bank"], 2)]))
    assert "Chỉ rút câu hỏi từ ngân hàng của khóa học này (không dùng “Ngân hàng của khóa khác”)" in errors
    errors = _errors(_edit_lesson(client, lesson, [draw(world["bank"], 7)]))
    assert "chỉ có 6 câu hỏi, nhưng khối rút câu hỏi cần 7 câu" in errors
    errors = _errors(_edit_lesson(client, lesson, [draw(world["bank"], 4, per_topic=True)]))
    assert "chỉ có 3 câu hỏi thuộc chủ đề “Phân hạng”" in errors
    response = _edit_lesson(client, lesson, [draw(world["bank"], 3, per_topic=True)])
    assert response.status_code == 302
    lesson.refresh_from_db()
    assert lesson.get_latest_revision_as_object().has_quiz


def test_a_form_posted_without_its_questions_data_is_refused_not_a_500_and_wipes_nothing(client, world):
    """The editor's script posts a StreamField's count and blocks; a hand-made request without them is answered
    with the form's error, and the bank keeps its questions."""
    client.force_login(world["trainer"])
    bank = world["bank"]
    response = client.post(reverse(EDIT, args=[bank.pk]), {"title": "Đổi tên", "course": world["mine"].pk})
    assert response.status_code == 200
    assert "Không đọc được nội dung này" in str(
        response.context["form"].errors["questions"].as_data()[0].non_block_errors
    )
    bank.refresh_from_db()
    assert (bank.title, len(bank.question_blocks())) == ("Ngân hàng của khóa mình", 6)

    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    lesson = world["lesson"]
    data = {"title": lesson.title, "slug": lesson.slug, "estimated_minutes": "15", "time_limit_minutes": "0"}
    response = client.post(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), data)
    assert response.status_code == 200 and "body" in response.context["form"].errors


def test_the_bank_chooser_has_no_create_tab_and_a_post_to_it_is_a_404(client, world):
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    url = reverse("wagtailsnippetchoosers_courses_questionbank:create")
    assert client.get(url).status_code == 404
    assert client.post(url, {"title": "Ngân hàng", "course": world["mine"].pk}).status_code == 404
    assert not QuestionBank.objects.filter(title="Ngân hàng").exists()
