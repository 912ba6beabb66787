"""Item analysis of a quiz, for its trainers: for each question, how many answered it, the share who got it
right (its difficulty, p), how well it separates learners who know the material from those who do not (its
discrimination) and how often each option was chosen.

Whose answers count: each learner's first submitted attempt at the lesson (attempts not scored because they
came in late are left out), the classical practice; later attempts follow feedback and would flatter the
questions. With questions drawn from a bank, a question counts only the learners whose first attempt drew it.

Discrimination is the classic upper-lower index D (Kelley's 27 % groups): rank the learners by their
attempt's score (percent: draws may differ in points), take the top 27 % and the bottom 27 % (round(0.27 × n)
learners each, at least one; ties at a boundary broken by the earlier attempt), and D = p(upper) − p(lower),
the shares right in each group among those who were asked the question. D runs from −1 to 1; above 0.3 is
usually read as good, below 0.2 as a question to revise, below 0 as a question that misleads those who know.
It is None when fewer than 2 learners took the test or a group holds nobody who was asked the question.
"""

from dataclasses import dataclass, field

from django.db.models import Min

from .draw import lesson_questions
from .models.progress import QuizAttempt
from .quiz import score, stored_answers

GROUP_SHARE = 0.27


@dataclass
class OptionStat:
    letter: str
    text: str
    correct: bool
    chosen: int = 0
    share: float | None = None  # of those asked


@dataclass
class ItemStat:
    number: int
    key: str
    prompt: str
    topic: str
    kind: str
    asked: int = 0  # learners whose attempt drew the question
    answered: int = 0  # of them, those who ticked something
    right: int = 0
    difficulty: float | None = None  # p: share right, of those asked
    discrimination: float | None = None  # D = p(upper 27 %) − p(lower 27 %)
    options: list[OptionStat] = field(default_factory=list)


@dataclass
class ItemAnalysis:
    learners: int
    group_size: int  # learners in each of the upper and lower groups
    items: list[ItemStat]


@dataclass(frozen=True)
class Response:
    """One learner's attempt: its total (percent), and per question key, the QuestionResult."""

    total: float
    results: dict


def _letter(index: int) -> str:
    return chr(ord("A") + index) if index < 26 else str(index + 1)


def item_stats(responses: list[Response], questions: dict[str, dict]) -> ItemAnalysis:
    """The analysis of `responses` (in the order taken: earlier first), questions described by `questions` (key to
    the question as drawn, in the order to report them). Pure: the numbers the test checks by hand."""
    learners = len(responses)
    ranked = sorted(range(learners), key=lambda index: (-responses[index].total, index))
    size = max(1, round(GROUP_SHARE * learners)) if learners >= 2 else 0
    upper = {ranked[position] for position in range(size)}
    lower = {ranked[position] for position in range(learners - size, learners)}
    items = []
    for number, (key, question) in enumerate(questions.items(), start=1):
        item = ItemStat(number, key, question["prompt"], question.get("topic", ""), question["kind"])
        item.options = [
            OptionStat(_letter(index), option["text"], bool(option["correct"]))
            for index, option in enumerate(question["options"])
        ]
        group_right = {"upper": [0, 0], "lower": [0, 0]}  # [asked, right]
        for index, response in enumerate(responses):
            result = response.results.get(key)
            if result is None:
                continue
            item.asked += 1
            item.answered += result.answered
            item.right += result.is_right
            for chosen in result.chosen:
                if chosen < len(item.options):
                    item.options[chosen].chosen += 1
            for name, group in (("upper", upper), ("lower", lower)):
                if index in group:
                    group_right[name][0] += 1
                    group_right[name][1] += result.is_right
        if item.asked:
            item.difficulty = item.right / item.asked
            for option in item.options:
                option.share = option.chosen / item.asked
        (upper_asked, upper_right), (lower_asked, lower_right) = group_right["upper"], group_right["lower"]
        if size and upper_asked and lower_asked:
            item.discrimination = upper_right / upper_asked - lower_right / lower_asked
        items.append(item)
    return ItemAnalysis(learners, size, items)


def lesson_item_analysis(lesson) -> ItemAnalysis:
    """The item analysis of the lesson's quiz over each learner's first scored attempt: one query, whatever the
    number of attempts (the questions are read from what each attempt drew).
    Questions are reported in the order they first appeared, the lesson's own first; their texts are those of
    the latest attempt that asked them."""
    scored = QuizAttempt.objects.filter(lesson=lesson, refused=False)
    first = scored.order_by().values("user_id").annotate(first=Min("pk")).values("first")  # ids grow with time
    rows = scored.filter(pk__in=first).order_by("pk").values_list("percent", "questions", "answers")
    legacy = None
    described, responses = {}, []
    for percent, questions, answers in rows.iterator(chunk_size=500):
        if not questions:  # an attempt from before banks: the lesson's own questions, as written
            legacy = legacy if legacy is not None else lesson_questions(lesson.body)
            questions = legacy
        for question in questions:
            described[question["key"]] = question  # the latest attempt's text wins
        results = score(questions, stored_answers(questions, answers)).results
        responses.append(Response(float(percent), {result.key: result for result in results}))
    own = [question["key"] for question in lesson_questions(lesson.body)] if described else []
    order = [key for key in own if key in described] + [key for key in described if key not in own]
    return item_stats(responses, {key: described[key] for key in order})
