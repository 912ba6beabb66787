"""The demo catalogue read from demo/content/: question banks, pre-tests and final tests drawing from them, the
right options in varied places, so that ticking the first option is no way to pass."""

import itertools

import pytest

from courses.models import CoursePage
from demo import course_data

PASS_MARK = CoursePage._meta.get_field("pass_mark").default


def _online_courses():
    return [course for track in course_data.catalog().tracks for course in track["courses"]]


def _quizzes(course):
    return {lesson["quiz"]["role"]: lesson["quiz"] for lesson in course["lessons"] if lesson["quiz"]}


def test_pre_tests_and_final_tests_draw_from_the_courses_bank_the_final_asking_more():
    for course in _online_courses():
        quizzes = _quizzes(course)
        [bank] = course["banks"]
        for role in ("pre_test", "final_test"):
            assert [item["draw"]["bank"] for item in quizzes[role]["questions"]] == [bank["id"]], course["code"]
        counts = {role: quizzes[role]["questions"][0]["draw"]["count"] for role in quizzes if role}
        assert counts["final_test"] > counts["pre_test"], course["code"]
        topics = {question["topic"] for question in bank["questions"]}
        assert all(sum(q["topic"] == topic for q in bank["questions"]) >= counts["final_test"] for topic in topics)


def test_the_right_options_are_not_always_in_the_same_place():
    for course in _online_courses():
        questions = [*course["banks"][0]["questions"]]
        questions += [q for lesson in course["lessons"] if lesson["quiz"] for q in lesson["quiz"]["questions"]
                      if "prompt" in q]  # fmt: skip
        places = [next(i for i, (_text, right) in enumerate(q["options"]) if right) for q in questions
                  if q["kind"] == "single"]  # fmt: skip
        assert len(set(places)) >= 3, course["code"]
        assert places.count(0) <= len(places) // 3, (course["code"], places)


def _first_option_percent(questions) -> float:
    """The score of ticking only the first option written of each question."""
    earned = sum(q["points"] for q in questions if [right for _text, right in q["options"]] == [True] + [False] * (
        len(q["options"]) - 1))  # fmt: skip
    return 100 * earned / sum(q["points"] for q in questions)


def test_ticking_the_first_option_written_fails_every_final_test_whatever_it_draws():
    for course in _online_courses():
        bank = course["banks"][0]
        draw = _quizzes(course)["final_test"]["questions"][0]["draw"]
        by_topic = {}
        for question in bank["questions"]:
            by_topic.setdefault(question["topic"], []).append(question)
        best = max(
            _first_option_percent([q for group in choice for q in group])
            for choice in itertools.product(
                *(itertools.combinations(group, draw["count"]) for group in by_topic.values())
            )
        )  # every draw the final test can make
        assert best < PASS_MARK, (course["code"], best)


def test_in_person_courses_have_no_lessons_and_the_rules_of_the_catalogue():
    content = course_data.catalog()
    assert list(content.in_person) == [track["code"] for track in content.tracks]
    for course in content.in_person.values():
        assert course["lessons"] == [] and course["rules"] == content.in_person_rules


def _course_file(tmp_path, quiz_questions, banks=""):
    path = tmp_path / "OCOP-X-01.yaml"
    path.write_text(
        "code: OCOP-X-01\nslug: x\ntitle: X\nsummary: X\nobjectives: []\naudience: X\nduration_hours: 1\n"
        f"access: open\n{banks}lessons:\n  - title: T\n    slug: t\n    minutes: 5\n    body: []\n"
        f"    quiz:\n      role: final_test\n      questions:\n{quiz_questions}",
        encoding="utf-8",
    )
    return path


def test_a_repeat_must_name_a_question_asked_before_it(tmp_path):
    with pytest.raises(ValueError, match="chua-hoi"):
        course_data._course(_course_file(tmp_path, "        - repeat: chua-hoi\n"))


def test_a_draw_must_name_a_bank_of_the_course(tmp_path):
    with pytest.raises(ValueError, match="khong-co"):
        course_data._course(_course_file(tmp_path, "        - draw: {bank: khong-co, count: 2}\n"))


def test_every_question_of_a_bank_has_a_topic(tmp_path):
    banks = (
        "banks:\n  - id: nh\n    title: N\n    questions:\n      - id: a\n        kind: single\n        prompt: P\n"
        "        options: [{right: x}, {wrong: y}]\n        points: 1\n        explanation: E\n"
    )
    with pytest.raises(ValueError, match="no topic"):
        course_data._course(_course_file(tmp_path, "        - draw: {bank: nh, count: 1}\n", banks))
