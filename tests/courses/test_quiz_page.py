"""A quiz as the learner takes it on the lesson page: its attempt drawn and shuffled once and kept on reload,
questions drawn from banks, what is revealed after an attempt, unanswered questions, time limits."""

import html
import itertools
import re
from datetime import timedelta

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from accounts.roles import Role
from courses import draw, services
from courses.content import body
from courses.factories import QUIZ, LessonFactory, QuestionBankFactory, quiz_form, right_options
from courses.models import CoursePage, QuizAttempt, QuizSitting

OPTION = re.compile(r'name="q-([\w-]+)" value="(\d+)"[^>]*>\s*<span>(.*?)</span>', re.S)


def _shown(response) -> list[tuple[str, list[str]]]:
    """The questions of the form, in the order shown, each with its options' texts in the order shown."""
    questions = {}
    for key, _value, text in OPTION.findall(response.content.decode()):
        questions.setdefault(key, []).append(html.unescape(text))
    return list(questions.items())


def _values(response) -> list[str]:
    return [value for _key, value, _text in OPTION.findall(response.content.decode())]


@pytest.fixture
def seeds(monkeypatch):
    """Each new attempt takes the next seed: draws that differ, the same way on every run."""
    counter = itertools.count(1)
    monkeypatch.setattr(draw, "new_seed", lambda: next(counter))
    return counter


@pytest.fixture
def bank(course):
    return QuestionBankFactory(course=course)


def _lesson_drawing(course, bank, count, *, per_topic=False, inline=False, title="Kiểm tra cuối khóa"):
    items = [{"draw": {"bank": bank.pk, "count": count, "per_topic": per_topic}}]
    quiz = {"questions": [*(QUIZ["questions"] if inline else []), *items]}
    return LessonFactory(parent=course, title=title, body=body([("paragraph", "<p>Bài kiểm tra.</p>")], quiz))


@pytest.fixture
def learner(client, db):
    user = UserFactory()
    client.force_login(user)
    return user


def _submit(client, lesson, sitting=None, pick=right_options, action="quiz"):
    sitting = sitting or QuizSitting.objects.get(lesson=lesson)
    data = quiz_form(sitting, pick)
    data["action"] = action
    return client.post(lesson.url, dict(data.lists()))


def _wrong(question):
    return [index for index, option in enumerate(question["options"]) if not option["correct"]][:1]


# Shuffling ------------------------------------------------------------------------------------------------------


def test_a_reload_shows_the_same_questions_in_the_same_order(client, learner, bank, course, seeds):
    lesson = _lesson_drawing(course, bank, 4, inline=True)
    first = _shown(client.get(lesson.url))
    assert len(first) == 6  # the lesson's own 2 and 4 drawn
    for _reload in range(3):
        assert _shown(client.get(lesson.url)) == first
    assert QuizSitting.objects.filter(user=learner, lesson=lesson).count() == 1


def test_each_attempt_draws_and_orders_its_questions_anew(client, learner, bank, course, seeds):
    lesson = _lesson_drawing(course, bank, 4, inline=True)
    shown = []
    for _attempt in range(3):
        client.get(lesson.url)
        client.post(lesson.url, {"action": "start"})  # "Try again" after the first
        shown.append(_shown(client.get(lesson.url)))
        _submit(client, lesson, pick=_wrong)
    assert shown[0] != shown[1] != shown[2]
    assert [key for key, _options in shown[0]] != [key for key, _options in shown[1]]
    for one, other in itertools.pairwise(shown):  # the same question, its options in another order
        common = set(dict(one)) & set(dict(other))
        assert any(dict(one)[key] != dict(other)[key] for key in common)


def test_options_are_shuffled_and_sent_as_positions_on_screen(client, learner, course, seeds):
    course.shuffle_questions = False
    course.save()
    lesson = LessonFactory(parent=course, with_quiz=True)
    response = client.get(lesson.url)
    [(single, options), (multiple, _options)] = _shown(response)
    assert _values(response) == ["0", "1", "2", "0", "1", "2"]  # a position says nothing about what was written
    sitting = QuizSitting.objects.get(user=learner, lesson=lesson)
    written = [option["text"] for option in sitting.questions[0]["options"]]
    assert options == [written[index] for index in sitting.questions[0]["order"]]
    orders = [tuple(question["order"]) for question in sitting.questions]
    assert orders != [(0, 1, 2), (0, 1, 2)]


def test_the_course_decides_whether_questions_are_shuffled(client, learner, bank, course, seeds):
    course.shuffle_questions = False
    course.save()
    lesson = _lesson_drawing(course, bank, 6, inline=True)
    keys = [key for key, _options in _shown(client.get(lesson.url))]
    own = [block.id for block in lesson.questions]
    in_bank = [block.id for block in bank.question_blocks()]
    assert keys == own + in_bank  # as written: the lesson's, then the bank's in the bank's order


# Banks ----------------------------------------------------------------------------------------------------------


def test_a_draw_asks_n_of_the_banks_m_questions_and_scoring_counts_exactly_those(client, learner, bank, course, seeds):
    lesson = _lesson_drawing(course, bank, 3)
    client.get(lesson.url)
    sitting = QuizSitting.objects.get(user=learner, lesson=lesson)
    drawn = [question["key"] for question in sitting.questions]
    in_bank = {str(block.id) for block in bank.question_blocks()}
    assert len(drawn) == len(set(drawn)) == 3 and set(drawn) <= in_bank
    data = quiz_form(sitting)
    others = in_bank - set(drawn)
    for key in others:  # answers to questions this attempt did not draw count for nothing
        data.setlist(f"q-{key}", ["0"])
    data["action"] = "quiz"
    client.post(lesson.url, dict(data.lists()))
    attempt = QuizAttempt.objects.get(user=learner, lesson=lesson)
    points = sum(question["points"] for question in sitting.questions)
    assert (attempt.score, attempt.max_score, float(attempt.percent)) == (points, points, 100.0)
    assert sorted(attempt.answers) == sorted(drawn)


def test_a_draw_can_take_n_from_each_topic(course, bank):
    lesson = _lesson_drawing(course, bank, 1, per_topic=True)
    learners = [UserFactory() for _learner in range(8)]
    topics = set()
    for user in learners:
        sitting = services.quiz_start(user=user, lesson=lesson, course=course)
        assert sorted(question["topic"] for question in sitting.questions) == ["Hồ sơ", "Phân hạng"]
        topics.add(tuple(sorted(question["key"] for question in sitting.questions)))
    assert len(topics) > 1  # not always the same pair


def test_the_pre_test_and_the_final_test_draw_from_the_same_bank(course, bank):
    pre = _lesson_drawing(course, bank, 2, title="Kiểm tra đầu vào")
    final = _lesson_drawing(course, bank, 4)
    course.pre_test, course.final_test = pre, final
    course.save()
    user = UserFactory()
    asked = set()
    for lesson in (pre, final):
        sitting = services.quiz_start(user=user, lesson=lesson, course=course)
        asked |= {question["bank"] for question in sitting.questions}
        services.quiz_submit(user=user, lesson=lesson, course=course, data=quiz_form(sitting))
    assert asked == {bank.pk}
    assert QuizAttempt.objects.filter(user=user, passed=True).count() == 2


def test_a_lesson_draws_only_from_its_own_courses_banks(course):
    other = QuestionBankFactory()  # of another course
    lesson = _lesson_drawing(course, other, 2)
    with pytest.raises(services.CourseError, match="chưa có câu hỏi"):
        services.quiz_start(user=UserFactory(), lesson=lesson, course=course)


# Reveal policy --------------------------------------------------------------------------------------------------

EXPLANATION = "Hạng 3 sao: từ 70 đến dưới 90 điểm."


def _take(client, lesson, right):
    client.get(lesson.url)
    client.post(lesson.url, {"action": "start"})
    pick = right_options if right else _wrong
    return client.get(_submit(client, lesson, pick=pick).url).content.decode()


@pytest.mark.parametrize(
    ("policy", "shown_after"),
    [
        # after each of: fail, fail, pass (3 attempts allowed), then for a learner who fails 3 times
        (CoursePage.Reveal.AFTER_LAST_OR_PASSED, [False, False, True, True]),
        (CoursePage.Reveal.AFTER_EACH, [True, True, True, True]),
        (CoursePage.Reveal.NEVER, [False, False, False, False]),
    ],
)
def test_what_the_learner_sees_after_an_attempt(client, course, policy, shown_after):
    course.reveal_answers = policy
    course.save()
    lesson = LessonFactory(parent=course, with_quiz=True)
    client.force_login(UserFactory())
    pages = [_take(client, lesson, right) for right in (False, False, True)]
    client.force_login(UserFactory())
    pages.append([_take(client, lesson, False) for _attempt in range(3)][-1])
    for page, shown in zip(pages, shown_after, strict=True):
        assert "điểm" in page and "Lần làm bài gần nhất" in page  # the score, always
        assert (EXPLANATION in page) is shown
        assert ('badge--success">đáp án đúng' in page) is shown  # the correct options marked
    assert "Các câu chưa đúng: 1, 2." in pages[0] or "Các câu chưa đúng: 1, 2" in pages[0]
    assert "Bạn đã trả lời đúng tất cả các câu." in pages[2]


def test_the_pre_test_keeps_its_answers_until_the_final_test_is_passed(client, course, bank):
    pre = LessonFactory(parent=course, with_quiz=True, title="Kiểm tra đầu vào")
    final = _lesson_drawing(course, bank, 2)
    course.pre_test, course.final_test = pre, final
    course.save()
    client.force_login(UserFactory())
    page = _take(client, pre, True)  # passed, yet its questions may come back in the final test
    assert EXPLANATION not in page and "khi bạn đã đạt bài kiểm tra cuối khóa" in page
    _take(client, final, True)
    assert EXPLANATION in client.get(pre.url).content.decode()


# Unanswered questions -------------------------------------------------------------------------------------------


def test_an_empty_submission_asks_for_confirmation_and_uses_no_attempt(client, learner, course):
    lesson = LessonFactory(parent=course, with_quiz=True)
    client.get(lesson.url)
    response = client.post(lesson.url, {"action": "quiz"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Còn 2 câu chưa trả lời" in page and "Nộp bài dù còn câu chưa trả lời" in page
    assert page.count('class="question__missing"') == 2
    assert not QuizAttempt.objects.exists()
    assert "Hạng 3 sao" not in page  # nothing revealed
    assert "3 lượt làm bài" in page  # all three attempts still left

    response = client.post(lesson.url, {"action": "quiz_confirm"})
    attempt = QuizAttempt.objects.get(user=learner)
    assert (attempt.score, attempt.passed) == (0, False)


def test_a_partly_empty_submission_keeps_what_was_ticked_and_marks_the_rest(client, learner, course):
    course.shuffle_questions = False
    course.save()
    lesson = LessonFactory(parent=course, with_quiz=True)
    client.get(lesson.url)
    sitting = QuizSitting.objects.get(user=learner)
    data = quiz_form(sitting, lambda question: right_options(question) if question["kind"] == "single" else [])
    data["action"] = "quiz"
    page = client.post(lesson.url, dict(data.lists())).content.decode()
    assert "Còn 1 câu chưa trả lời" in page and "câu 2" in page
    assert page.count('class="question__missing"') == 1
    assert page.count("checked") == 1  # the answer given stays ticked
    assert not QuizAttempt.objects.exists()
    sitting.refresh_from_db()
    assert sitting.answers[sitting.questions[0]["key"]] == right_options(sitting.questions[0])  # and saved


def test_answering_everything_submits_without_asking(client, learner, course):
    lesson = LessonFactory(parent=course, with_quiz=True)
    client.get(lesson.url)
    response = _submit(client, lesson)
    assert response.status_code == 302
    assert QuizAttempt.objects.get(user=learner).passed


# Time limits ----------------------------------------------------------------------------------------------------


@pytest.fixture
def timed(course):
    return LessonFactory(parent=course, with_quiz=True, time_limit_minutes=10)


def _save(client, lesson, pick):
    data = quiz_form(QuizSitting.objects.get(lesson=lesson), pick)
    data["action"] = "save"
    return client.post(lesson.url, dict(data.lists()), headers={"Accept": "application/json"})


def test_a_timed_test_starts_when_the_learner_says_and_shows_the_time_left(client, learner, timed, clock):
    clock.at(9, 0)
    page = client.get(timed.url).content.decode()
    assert "giới hạn 10 phút" in page and "Bắt đầu làm bài" in page
    assert not QuizSitting.objects.exists()
    client.post(timed.url, {"action": "start"})
    clock.at(9, 4)
    page = client.get(timed.url).content.decode()
    assert "Thời gian còn lại" in page and re.search(r"<strong data-timer>(6:00|5:5\d)</strong>", page)
    assert "Nộp bài trước 09:10" in page


def test_a_late_submission_is_scored_with_the_answers_saved_in_time(client, learner, timed, course, clock):
    clock.at(9, 0)
    client.post(timed.url, {"action": "start"})
    clock.at(9, 5)
    assert _save(
        client, timed, lambda question: right_options(question) if question["kind"] == "single" else _wrong(question)
    ).json()["saved"]
    clock.at(9, 12)  # past 09:10 and its half-minute of grace
    answer = _save(client, timed, right_options)
    assert answer.status_code == 409 and not answer.json()["saved"]
    _submit(client, timed)  # everything right, too late
    attempt = QuizAttempt.objects.get(user=learner)
    assert (attempt.late, attempt.refused, attempt.score, attempt.passed) == (True, False, 1, False)
    page = client.get(timed.url).content.decode()
    assert "bài được chấm theo các câu trả lời đã lưu trước khi hết giờ" in page


def test_a_submission_within_the_time_limit_counts_what_it_sends(client, learner, timed, clock):
    clock.at(9, 0)
    client.post(timed.url, {"action": "start"})
    clock.at(9, 10)
    _submit(client, timed)
    attempt = QuizAttempt.objects.get(user=learner)
    assert (attempt.late, attempt.score, attempt.passed) == (False, 2, True)


def test_a_course_can_refuse_late_submissions(client, learner, timed, course, clock):
    course.late_submission = CoursePage.Late.REFUSE
    course.save()
    clock.at(9, 0)
    client.post(timed.url, {"action": "start"})
    _save(client, timed, right_options)
    clock.at(9, 11)
    _submit(client, timed)
    attempt = QuizAttempt.objects.get(user=learner)
    assert (attempt.late, attempt.refused, attempt.score, float(attempt.percent), attempt.passed) == (
        True, True, 0, 0.0, False,
    )  # fmt: skip
    assert "không được chấm" in client.get(timed.url).content.decode()
    assert services.quiz_attempts_left(user=learner, lesson=timed, course=course) == 2


def test_an_attempt_left_open_past_its_time_is_closed_when_the_learner_comes_back(client, learner, timed, clock):
    clock.at(9, 0)
    client.post(timed.url, {"action": "start"})
    _save(client, timed, right_options)
    clock.at(11, 0)  # the page was closed
    page = client.get(timed.url).content.decode()
    attempt = QuizAttempt.objects.get(user=learner)
    assert (attempt.late, attempt.passed) == (True, True)
    assert "Lần làm bài gần nhất" in page and not QuizSitting.objects.exists()


# Queries --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 3])
def test_the_quiz_page_runs_a_constant_number_of_queries(client, learner, course, django_assert_max_num_queries, size):
    banks = [QuestionBankFactory(course=course) for _bank in range(size)]
    items = [{"draw": {"bank": bank.pk, "count": 2 * size}} for bank in banks]
    quiz = {"questions": [*(QUIZ["questions"] * size), *items]}
    lesson = LessonFactory(parent=course, body=body([("paragraph", "<p>Bài kiểm tra.</p>")], quiz))
    client.get(course.url)
    with django_assert_max_num_queries(26):  # the first view draws the attempt: one query for all its banks
        assert client.get(lesson.url).status_code == 200
    with django_assert_max_num_queries(18):  # every other view shows the attempt as drawn
        response = client.get(lesson.url)
    assert len(_shown(response)) == 2 * size + 2 * size * size
    client.post(lesson.url, {"action": "quiz_confirm"})
    with django_assert_max_num_queries(19):  # the last attempt, reviewed
        assert "Lần làm bài gần nhất" in client.get(lesson.url).content.decode()


def test_a_timed_attempt_may_run_past_midnight(course, clock):
    clock.at(23, 55)
    lesson = LessonFactory(parent=course, with_quiz=True, time_limit_minutes=10)
    user = UserFactory()
    services.quiz_start(user=user, lesson=lesson, course=course)
    clock.shift(timedelta(minutes=9))  # past midnight, in time
    sitting = QuizSitting.objects.get(user=user)
    attempt = services.quiz_submit(user=user, lesson=lesson, course=course, data=quiz_form(sitting))
    assert not attempt.late and attempt.passed


# Who cannot take the quiz ----------------------------------------------------------------------------------------


def test_a_visitor_sees_the_lessons_own_questions_unanswerable_and_what_each_draw_asks(client, course, bank):
    lesson = _lesson_drawing(course, bank, 3, inline=True)
    page = client.get(lesson.url).content.decode()
    assert page.count("disabled") == 6  # the lesson's own two questions, three options each
    assert "3 câu hỏi rút ngẫu nhiên cho mỗi lần làm bài." in page
    assert "Đăng nhập để làm bài" in page
    assert not any(block.value["prompt"] in page for block in bank.question_blocks())  # a bank stays unseen
    assert not QuizSitting.objects.exists()


def test_an_editor_previewing_a_lesson_starts_no_attempt(client, course, bank):
    lesson = _lesson_drawing(course, bank, 2, per_topic=True)
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    page = client.get(reverse("wagtailadmin_pages:view_draft", args=[lesson.pk])).content.decode()
    assert "2 câu hỏi mỗi chủ đề, rút ngẫu nhiên cho mỗi lần làm bài." in page
    assert not QuizSitting.objects.exists()


def test_a_lesson_quiz_drawing_from_a_bank_keeps_its_answers_until_the_final_test_is_passed(client, course, bank):
    lesson = _lesson_drawing(course, bank, 2, title="Ôn tập giữa khóa")
    final = _lesson_drawing(course, bank, 2)
    course.final_test = final
    course.save()
    client.force_login(UserFactory())
    page = _take(client, lesson, True)
    sitting_questions = QuizAttempt.objects.get(lesson=lesson).questions
    assert not any(question["explanation"] in page for question in sitting_questions)
    assert "khi bạn đã đạt bài kiểm tra cuối khóa" in page
    _take(client, final, True)
    page = client.get(lesson.url).content.decode()
    assert all(question["explanation"] in page for question in sitting_questions)
