from django.http import QueryDict

from courses.quiz import parse_answers, questions_of, score


def _form(**fields):
    data = QueryDict(mutable=True)
    for name, values in fields.items():
        data.setlist(name, values)
    return data


def test_all_right_scores_full_marks(quiz_lesson):
    first, second = questions_of(quiz_lesson.body)
    answers = parse_answers(quiz_lesson.questions, _form(**{f"q-{first.id}": ["1"], f"q-{second.id}": ["0", "1"]}))
    result = score(quiz_lesson.questions, answers)
    assert (result.earned, result.maximum, result.percent) == (2, 2, 100.0)


def test_multiple_choice_is_all_or_nothing(quiz_lesson):
    first, second = questions_of(quiz_lesson.body)
    partial = parse_answers(quiz_lesson.questions, _form(**{f"q-{first.id}": ["1"], f"q-{second.id}": ["0"]}))
    extra = parse_answers(quiz_lesson.questions, _form(**{f"q-{first.id}": ["1"], f"q-{second.id}": ["0", "1", "2"]}))
    assert score(quiz_lesson.questions, partial).percent == 50.0
    assert score(quiz_lesson.questions, extra).percent == 50.0


def test_tampered_answers_only_lose_points(quiz_lesson):
    first, second = questions_of(quiz_lesson.body)
    form = _form(**{f"q-{first.id}": ["0", "1"], f"q-{second.id}": ["-1", "9", "abc", "²", "٢", "9" * 5000, "1\x00"],
                    "q-unknown": ["0"]})  # fmt: skip
    answers = parse_answers(quiz_lesson.questions, form)
    assert answers == {first.id: frozenset(), second.id: frozenset()}
    assert score(quiz_lesson.questions, answers).earned == 0
