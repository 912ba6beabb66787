"""Item analysis (courses/analysis.py), checked against a class worked out by hand, and its admin page and XLSX."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.factories import UserFactory
from accounts.roles import Role
from courses.analysis import lesson_item_analysis
from courses.content import body
from courses.draw import question_data
from courses.factories import CourseFactory, LessonFactory
from courses.models import QuizAttempt
from courses.services import course_trainers_sync
from tests.answers import outcome

# Five single-choice questions of four options (A-D), one point each. Q1-Q4 are the lesson's own; Q5 comes from a
# bank and only L1 and L10 drew it. The correct option of each: Q1 A, Q2 C, Q3 B, Q4 D, Q5 B.
CORRECT = {"q1": 0, "q2": 2, "q3": 1, "q4": 3, "q5": 1}
A, B, C, D, BLANK = 0, 1, 2, 3, None
# Ten learners, in the order they took the test: what each ticked on Q1-Q4 (and Q5 for L1 and L10).
CLASS = [
    ("L1", [A, C, B, D], B),  # 4/4 right: 100 % (Q5 right too)
    ("L2", [A, C, B, A], None),  # 3/4: 75 %
    ("L3", [A, C, A, D], None),  # 3/4: 75 %
    ("L4", [A, A, B, A], None),  # 2/4: 50 %
    ("L5", [A, C, C, B], None),  # 2/4: 50 %
    ("L6", [B, C, B, B], None),  # 2/4: 50 %
    ("L7", [A, A, C, C], None),  # 1/4: 25 %
    ("L8", [B, D, B, BLANK], None),  # 1/4: 25 %
    ("L9", [C, C, D, BLANK], None),  # 1/4: 25 %
    ("L10", [BLANK, BLANK, BLANK, BLANK], BLANK),  # 0 %
]
# By hand. n = 10, groups of round(0.27 × 10) = 3: upper L1, L2, L3; lower L8, L9, L10 (ties of 75 % and
# 25 % do not reach a boundary). p = right / asked; D = p(upper) - p(lower).
#   Q1: right L1-L5, L7 = 6/10 -> p 0.6; upper 3/3, lower 0/3 -> D 1.0; ticked A 6, B 2, C 1, D 0; answered 9
#   Q2: right L1-L3, L5, L6, L9 = 6/10 -> p 0.6; upper 3/3, lower 1/3 (L9) -> D 0.667; A 2, B 0, C 6, D 1; answered 9
#   Q3: right L1, L2, L4, L6, L8 = 5/10 -> p 0.5; upper 2/3, lower 1/3 (L8) -> D 0.333; A 1, B 5, C 2, D 1; answered 9
#   Q4: right L1, L3 = 2/10 -> p 0.2; upper 2/3, lower 0/3 -> D 0.667; A 2, B 2, C 1, D 2; answered 7
#   Q5: asked L1 (upper, right) and L10 (lower, blank): p 0.5, D 1/1 - 0/1 = 1.0; B 1; answered 1
EXPECTED = {
    "q1": (10, 9, 6, 0.6, 1.0, [6, 2, 1, 0]),
    "q2": (10, 9, 6, 0.6, 2 / 3, [2, 0, 6, 1]),
    "q3": (10, 9, 5, 0.5, 1 / 3, [1, 5, 2, 1]),
    "q4": (10, 7, 2, 0.2, 2 / 3, [2, 2, 1, 2]),
    "q5": (2, 1, 1, 0.5, 1.0, [0, 1, 0, 0]),
}


def _question(key):
    options = [(f"Phương án {letter} của {key}", index == CORRECT[key]) for index, letter in enumerate("ABCD")]
    value = {"kind": "single", "prompt": f"Câu hỏi {key}", "options": [{"text": t, "correct": c} for t, c in options],
             "points": 1, "explanation": ""}  # fmt: skip
    return question_data(key, value, bank=7 if key == "q5" else None)


def _attempt(user, lesson, ticks):
    questions, answers, right = [], {}, 0
    for key, tick in ticks.items():
        questions.append(_question(key))
        answers[key] = [] if tick is None else [tick]
        right += tick == CORRECT[key] if key != "q5" else 0
    percent = 100 * right / 4
    return QuizAttempt.objects.create(user=user, lesson=lesson, course=lesson.get_parent().specific,
                                      questions=questions, answers=answers, score=right, max_score=len(ticks),
                                      percent=percent, passed=percent >= 70)  # fmt: skip


@pytest.fixture
def analysed(db):
    course = CourseFactory()
    lesson = LessonFactory(parent=course, with_quiz=True, title="Kiểm tra cuối khóa")
    for name, ticks, fifth in CLASS:
        user = UserFactory(first_name=name)
        asked = dict(zip(["q1", "q2", "q3", "q4"], ticks, strict=True))
        if name in ("L1", "L10"):
            asked["q5"] = fifth
        _attempt(user, lesson, asked)
        if name == "L10":  # a second attempt, all right: only first attempts count
            _attempt(user, lesson, {key: CORRECT[key] for key in ("q1", "q2", "q3", "q4")})
    late = _attempt(UserFactory(), lesson, {key: CORRECT[key] for key in ("q1", "q2", "q3", "q4")})
    QuizAttempt.objects.filter(pk=late.pk).update(late=True, refused=True)  # not scored: not counted
    return course, lesson


def test_the_numbers_match_the_class_worked_out_by_hand(analysed, django_assert_num_queries):
    _course, lesson = analysed
    with django_assert_num_queries(1):
        analysis = lesson_item_analysis(lesson)
    assert (analysis.learners, analysis.group_size) == (10, 3)
    found = {
        item.key: (item.asked, item.answered, item.right, item.difficulty, item.discrimination,
                   [option.chosen for option in item.options])
        for item in analysis.items
    }  # fmt: skip
    assert list(found) == ["q1", "q2", "q3", "q4", "q5"]
    for key, (asked, answered, right, p, d, chosen) in EXPECTED.items():
        got = found[key]
        assert got[:3] == (asked, answered, right), key
        assert got[3] == pytest.approx(p) and got[4] == pytest.approx(d), key
        assert got[5] == chosen, key
    q4 = analysis.items[3]
    assert [option.correct for option in q4.options] == [False, False, False, True]
    assert q4.options[0].share == pytest.approx(0.2)


def test_too_few_learners_have_no_discrimination(db):
    course = CourseFactory()
    lesson = LessonFactory(parent=course, with_quiz=True)
    _attempt(UserFactory(), lesson, {"q1": A})
    [item] = lesson_item_analysis(lesson).items
    assert (item.asked, item.difficulty, item.discrimination) == (1, 1.0, None)


def test_attempts_stored_before_banks_are_read_as_the_lessons_own_questions(db):
    course = CourseFactory()
    lesson = LessonFactory(parent=course, with_quiz=True)
    first, second = lesson.questions
    answers = {first.id: [1], second.id: [0]}
    QuizAttempt.objects.create(user=UserFactory(), lesson=lesson, course=course, answers=answers, score=1, max_score=2,
                               percent=50, passed=False)  # fmt: skip
    analysis = lesson_item_analysis(lesson)
    assert [(item.key, item.right) for item in analysis.items] == [(first.id, 1), (second.id, 0)]


# The admin page and its XLSX ------------------------------------------------------------------------------------


@pytest.fixture
def people(analysed):
    course, _lesson = analysed
    trainer, other_trainer = UserFactory(role=Role.TRAINER), UserFactory(role=Role.TRAINER)
    course.trainers.add(trainer)
    course_trainers_sync(course=course)
    other = CourseFactory()
    other.trainers.add(other_trainer)
    course_trainers_sync(course=other)
    return {
        "trainer": trainer,
        "other_trainer": other_trainer,
        "organizer": UserFactory(role=Role.ORGANIZER),
        "administrator": UserFactory(role=Role.ADMINISTRATOR),
        "learner": UserFactory(),
    }


@pytest.mark.parametrize(
    ("who", "answer"),
    [("trainer", 200), ("administrator", 200), ("other_trainer", "home"), ("organizer", "home"), ("learner", "login")],
)
def test_the_courses_trainers_and_administrators_read_the_item_analysis(client, analysed, people, who, answer):
    _course, lesson = analysed
    client.force_login(people[who])
    for name in ("courses:item_analysis", "courses:item_analysis_xlsx"):
        assert outcome(client.get(reverse(name, args=[lesson.pk]))) == answer


def test_the_item_analysis_page_and_its_xlsx(client, analysed, people):
    course, lesson = analysed
    client.force_login(people["trainer"])
    page = client.get(reverse("courses:item_analysis", args=[lesson.pk])).content.decode()
    assert "Câu hỏi q4" in page and "Phương án D của q4" in page
    assert "0,67" in page and "20%" in page  # Q4: D and share right
    assert "được chọn 6 lần" in page
    assert "Khó: chưa đến một phần ba" in page  # Q4, p = 0.2

    response = client.get(reverse("courses:item_analysis_xlsx", args=[lesson.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    workbook = load_workbook(io.BytesIO(response.content))
    questions, options = workbook.worksheets
    rows = [row for row in questions.iter_rows(values_only=True) if isinstance(row[0], int)]
    assert [(row[1], row[3], row[4], row[5], row[6], row[7]) for row in rows] == [
        ("Câu hỏi q1", 10, 9, 6, 60.0, 1.0),
        ("Câu hỏi q2", 10, 9, 6, 60.0, 0.67),
        ("Câu hỏi q3", 10, 9, 5, 50.0, 0.33),
        ("Câu hỏi q4", 10, 7, 2, 20.0, 0.67),
        ("Câu hỏi q5", 2, 1, 1, 50.0, 1.0),
    ]
    option_rows = [row for row in options.iter_rows(values_only=True) if row[0] == 2]
    assert [(row[2], row[4], row[5], row[6]) for row in option_rows] == [
        ("A", None, 2, 20.0), ("B", None, 0, 0.0), ("C", "có", 6, 60.0), ("D", None, 1, 10.0),
    ]  # fmt: skip


def test_the_course_page_links_its_trainers_to_the_item_analysis(client, analysed, people):
    course, lesson = analysed
    url = reverse("courses:item_analysis", args=[lesson.pk])
    client.force_login(people["trainer"])
    assert url in client.get(course.url).content.decode()
    client.force_login(people["organizer"])
    assert url not in client.get(course.url).content.decode()


def test_the_lessons_editor_links_to_its_item_analysis(client, analysed, people):
    _course, lesson = analysed
    client.force_login(people["trainer"])
    page = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).content.decode()
    assert reverse("courses:item_analysis", args=[lesson.pk]) in page


def test_a_lesson_without_attempts_says_so(client, people):
    course = CourseFactory()
    lesson = LessonFactory(parent=course, body=body([], {"questions": []}))
    client.force_login(people["administrator"])
    assert (
        "Chưa có ai làm bài kiểm tra này."
        in client.get(reverse("courses:item_analysis", args=[lesson.pk])).content.decode()
    )
