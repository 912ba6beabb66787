"""Scoring a quiz on the server. Pure functions, no database.

A quiz's questions are plain data (courses.draw makes them, QuizSitting.questions describes them): each with
its key, prompt, options as written and "order", the options' indexes in the order the learner was shown.
The page sends the positions shown, never the indexes as written (the first option written is often the
right one), and answers are stored as indexes as written, so that an option is the same option in every
attempt, whatever order each showed.
"""

from dataclasses import dataclass

from django.http import QueryDict

from lms.params import parse_int


@dataclass(frozen=True)
class QuestionResult:
    key: str
    prompt: str
    kind: str
    options: list[str]  # as written
    order: list[int]  # the indexes of `options`, in the order shown
    chosen: frozenset[int]  # indexes as written
    correct: frozenset[int]
    points: int
    explanation: str
    topic: str = ""

    @property
    def answered(self) -> bool:
        return bool(self.chosen)

    @property
    def is_right(self) -> bool:
        return self.chosen == self.correct

    @property
    def earned(self) -> int:
        # All or nothing: a multiple-choice question counts only when every
        # correct answer, and nothing else, is ticked.
        return self.points if self.is_right else 0

    def shown_options(self) -> list[tuple[int, str, bool, bool]]:
        """(position shown, text, ticked, correct) in the order the learner saw them."""
        return [
            (position, self.options[index], index in self.chosen, index in self.correct)
            for position, index in enumerate(self.order)
        ]


@dataclass(frozen=True)
class QuizScore:
    results: list[QuestionResult]

    @property
    def earned(self) -> int:
        return sum(result.earned for result in self.results)

    @property
    def maximum(self) -> int:
        return sum(result.points for result in self.results)

    @property
    def percent(self) -> float:
        return round(100 * self.earned / self.maximum, 1) if self.maximum else 0.0

    @property
    def unanswered(self) -> list[QuestionResult]:
        return [result for result in self.results if not result.answered]


def questions_of(body) -> list:
    """The question blocks written in a lesson body, in order."""
    return [block for block in body if block.block_type == "question"]


def shown_order(question: dict) -> list[int]:
    """The options' order shown; the order written when the stored one no longer fits the options."""
    count = len(question["options"])
    order = question.get("order")
    if not isinstance(order, list) or sorted(order) != list(range(count)):
        return list(range(count))
    return order


def parse_answers(questions: list[dict], data) -> dict[str, frozenset[int]]:
    """Read `q-<key>` fields from a form (a QueryDict or a dict of lists): the positions of the options shown,
    as indexes as written.

    Anything that is not the position of an option of that question is ignored, and a single-choice question
    with several ticked counts as unanswered, so a tampered form can only lose points.
    """
    answers = {}
    for question in questions:
        order = shown_order(question)
        key = question["key"]
        raw = data.getlist(f"q-{key}") if hasattr(data, "getlist") else data.get(f"q-{key}", [])
        positions = {p for item in raw if (p := parse_int(item, maximum=max(len(order) - 1, 0))) is not None}
        chosen = {order[position] for position in positions if position < len(order)}
        if question["kind"] == "single" and len(chosen) > 1:
            chosen = set()
        answers[key] = frozenset(chosen)
    return answers


def stored_answers(questions: list[dict], stored) -> dict[str, frozenset[int]]:
    """Answers as stored (key to indexes as written, JSON), kept to the options each question has."""
    stored = stored if isinstance(stored, dict) else {}
    answers = {}
    for question in questions:
        values = stored.get(question["key"])
        count = len(question["options"])
        answers[question["key"]] = frozenset(
            value
            for value in (values if isinstance(values, list) else [])
            if isinstance(value, int) and 0 <= value < count
        )
    return answers


def score(questions: list[dict], answers: dict[str, frozenset[int]]) -> QuizScore:
    results = []
    for question in questions:
        options = question["options"]
        results.append(
            QuestionResult(
                key=question["key"],
                prompt=question["prompt"],
                kind=question["kind"],
                options=[option["text"] for option in options],
                order=shown_order(question),
                chosen=answers.get(question["key"], frozenset()),
                correct=frozenset(index for index, option in enumerate(options) if option["correct"]),
                points=question["points"],
                explanation=question.get("explanation", ""),
                topic=question.get("topic", ""),
            )
        )
    return QuizScore(results)


def right_options(question: dict) -> list[int]:
    """The correct options of a question as drawn (indexes as written)."""
    return [index for index, option in enumerate(question["options"]) if option["correct"]]


def answer_form(questions: list[dict], pick=right_options) -> QueryDict:
    """The form the page sends for these questions (parse_answers reads it back): for each question the options
    `pick(question)` names (indexes as written; by default the correct ones), as the positions shown. For the demo
    learner's attempts and for tests."""
    data = QueryDict(mutable=True)
    for question in questions:
        order = shown_order(question)
        data.setlist(f"q-{question['key']}", [str(order.index(index)) for index in pick(question)])
    return data
