"""The demo catalogue read from demo/content/: questions listed once, asked again by id."""

import pytest

from demo import course_data


def test_final_tests_ask_questions_of_the_pre_test_again_by_id():
    for track in course_data.catalog().tracks:
        for course in track["courses"]:
            quizzes = {lesson["quiz"]["role"]: lesson["quiz"] for lesson in course["lessons"] if lesson["quiz"]}
            pre, final = quizzes["pre_test"]["questions"], quizzes["final_test"]["questions"]
            assert any(question in pre for question in final), course["code"]


def test_in_person_courses_have_no_lessons_and_the_rules_of_the_catalogue():
    content = course_data.catalog()
    assert list(content.in_person) == [track["code"] for track in content.tracks]
    for course in content.in_person.values():
        assert course["lessons"] == [] and course["rules"] == content.in_person_rules


def test_a_repeat_must_name_a_question_asked_before_it(tmp_path):
    path = tmp_path / "OCOP-X-01.yaml"
    path.write_text(
        "code: OCOP-X-01\nslug: x\ntitle: X\nsummary: X\nobjectives: []\naudience: X\nduration_hours: 1\n"
        "access: open\nlessons:\n  - title: T\n    slug: t\n    minutes: 5\n    body: []\n"
        "    quiz:\n      role: final_test\n      questions:\n        - repeat: chua-hoi\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="chua-hoi"):
        course_data._course(path)
