"""Scoring a lesson's quiz on the server. Pure functions, no database."""

from dataclasses import dataclass

from lms.params import parse_int


@dataclass(frozen=True)
class QuestionResult:
    block_id: str
    prompt: str
    options: list[str]
    chosen: frozenset[int]
    correct: frozenset[int]
    points: int
    explanation: str

    @property
    def is_right(self) -> bool:
        return self.chosen == self.correct

    @property
    def earned(self) -> int:
        # All or nothing: a multiple-choice question counts only when every
        # correct answer, and nothing else, is ticked.
        return self.points if self.is_right else 0


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


def questions_of(body) -> list:
    """The question blocks of a lesson body, in order."""
    return [block for block in body if block.block_type == "question"]


def parse_answers(questions, data) -> dict[str, frozenset[int]]:
    """Read `q-<block id>` fields from a form (a QueryDict or a dict of lists).

    Anything that is not the index of an option of that question is ignored,
    so a tampered form can only lose points.
    """
    answers = {}
    for block in questions:
        count = len(block.value["options"])
        raw = data.getlist(f"q-{block.id}") if hasattr(data, "getlist") else data.get(f"q-{block.id}", [])
        chosen = {index for item in raw if (index := parse_int(item, maximum=count - 1)) is not None}
        if block.value["kind"] == "single" and len(chosen) > 1:
            chosen = set()
        answers[block.id] = frozenset(chosen)
    return answers


def score(questions, answers: dict[str, frozenset[int]]) -> QuizScore:
    results = []
    for block in questions:
        options = block.value["options"]
        results.append(
            QuestionResult(
                block_id=block.id,
                prompt=block.value["prompt"],
                options=[option["text"] for option in options],
                chosen=answers.get(block.id, frozenset()),
                correct=frozenset(index for index, option in enumerate(options) if option["correct"]),
                points=block.value["points"],
                explanation=block.value["explanation"],
            )
        )
    return QuizScore(results)
