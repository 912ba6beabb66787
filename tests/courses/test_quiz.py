"""Scoring on the server (courses/quiz.py): positions shown in, indexes as written out, all or nothing."""

import random

from django.http import QueryDict

from courses.draw import draw_questions, lesson_questions
from courses.quiz import parse_answers, score, stored_answers


def _form(**fields):
    data = QueryDict(mutable=True)
    for name, values in fields.items():
        data.setlist(name, values)
    return data


def _as_written(lesson):
    """The lesson's two questions (single: right is the 2nd option; multiple: right are the 1st and 2nd), shown
    in the order written."""
    return lesson_questions(lesson.body)


def test_all_right_scores_full_marks(quiz_lesson):
    first, second = questions = _as_written(quiz_lesson)
    answers = parse_answers(questions, _form(**{f"q-{first['key']}": ["1"], f"q-{second['key']}": ["0", "1"]}))
    result = score(questions, answers)
    assert (result.earned, result.maximum, result.percent) == (2, 2, 100.0)


def test_multiple_choice_is_all_or_nothing(quiz_lesson):
    first, second = questions = _as_written(quiz_lesson)
    partial = parse_answers(questions, _form(**{f"q-{first['key']}": ["1"], f"q-{second['key']}": ["0"]}))
    extra = parse_answers(questions, _form(**{f"q-{first['key']}": ["1"], f"q-{second['key']}": ["0", "1", "2"]}))
    assert score(questions, partial).percent == 50.0
    assert score(questions, extra).percent == 50.0


def test_tampered_answers_only_lose_points(quiz_lesson):
    first, second = questions = _as_written(quiz_lesson)
    form = _form(**{f"q-{first['key']}": ["0", "1"], f"q-{second['key']}": ["-1", "9", "abc", "²", "٢", "9" * 5000,
                    "1\x00"], "q-unknown": ["0"]})  # fmt: skip
    answers = parse_answers(questions, form)
    assert answers == {first["key"]: frozenset(), second["key"]: frozenset()}
    assert score(questions, answers).earned == 0


def test_the_form_sends_positions_shown_and_answers_are_kept_as_written(quiz_lesson):
    questions = draw_questions(quiz_lesson.body, {}, random.Random(7), shuffle_questions=False)
    single = questions[0]
    right = next(index for index, option in enumerate(single["options"]) if option["correct"])
    shown_at = single["order"].index(right)
    answers = parse_answers(questions, _form(**{f"q-{single['key']}": [str(shown_at)]}))
    assert answers[single["key"]] == frozenset({right})
    assert score(questions, answers).results[0].is_right


def test_stored_answers_keep_only_options_that_exist(quiz_lesson):
    questions = _as_written(quiz_lesson)
    stored = {questions[0]["key"]: [1, 7, -1, "2"], "other": [0]}
    assert stored_answers(questions, stored) == {questions[0]["key"]: frozenset({1}), questions[1]["key"]: frozenset()}
