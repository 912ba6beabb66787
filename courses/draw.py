"""What one attempt at a quiz asks: the lesson's own questions and the questions drawn from its banks, the
questions in the course's order (shuffled or as written) and each question's options shuffled.

Pure functions over a lesson's body and the banks it draws from (given, fetched in one query by the caller),
so that a seeded random generator makes the same draw again (tests). The result is plain data, described by
courses.models.progress.QuizSitting.questions; courses.quiz scores it.
"""

import random
import secrets

from .blocks import QUIZ_BLOCKS


def new_seed() -> int:
    return secrets.randbits(64)


def question_data(key: str, value, *, bank=None, source=None) -> dict:
    """A question block's value (a QuestionBlock or BankQuestionBlock value) as plain data, options in the
    order written."""
    options = [{"text": str(option["text"]), "correct": bool(option["correct"])} for option in value["options"]]
    return {
        "key": str(key),
        "bank": bank,
        "source": str(source or key),
        "topic": str(value.get("topic") or "").strip(),
        "kind": value["kind"],
        "prompt": str(value["prompt"]),
        "options": options,
        "order": list(range(len(options))),
        "points": int(value["points"]),
        "explanation": str(value.get("explanation") or ""),
    }


def topic_key(topic) -> str:
    return " ".join(str(topic or "").split()).casefold()


def quiz_items(body) -> list[tuple[int, dict]]:
    """(index in the body, raw block) of each block that puts questions in the quiz, without building the
    blocks (a draw's bank is not fetched)."""
    raw = body.raw_data
    return [(index, raw[index]) for index in range(len(raw)) if raw[index]["type"] in QUIZ_BLOCKS]


def bank_ids(body) -> set[int]:
    """The banks a lesson body draws from."""
    ids = set()
    for _index, item in quiz_items(body):
        bank = item["value"].get("bank") if item["type"] == "question_draw" else None
        if isinstance(bank, int) and bank > 0:
            ids.add(bank)
    return ids


def lesson_questions(body) -> list[dict]:
    """The questions written in the lesson, as written (the questions of attempts stored before banks, and
    what a visitor who cannot take the quiz is shown)."""
    return [
        question_data(body[index].id, body[index].value)
        for index, item in quiz_items(body)
        if item["type"] == "question"
    ]


def _pool(bank, topic: str, used: set) -> list:
    blocks = [block for block in bank.question_blocks() if str(block.id) not in used]
    if topic_key(topic):
        blocks = [block for block in blocks if topic_key(block.value["topic"]) == topic_key(topic)]
    return blocks


def _draw(bank, value: dict, used: set, rng: random.Random) -> list:
    """The bank's questions one draw block picks, in the bank's order."""
    count = value.get("count") if isinstance(value.get("count"), int) else 0
    pool = _pool(bank, value.get("topic") or "", used)
    if value.get("per_topic") and not topic_key(value.get("topic")):
        groups = {}
        for block in pool:
            groups.setdefault(topic_key(block.value["topic"]), []).append(block)
        picked = [block for group in groups.values() for block in rng.sample(group, min(count, len(group)))]
    else:
        picked = rng.sample(pool, min(max(count, 0), len(pool)))
    chosen = {id(block) for block in picked}
    return [block for block in pool if id(block) in chosen]


def draw_questions(body, banks: dict, rng: random.Random, *, shuffle_questions: bool) -> list[dict]:
    """One attempt's questions: the body's questions and draws in body order, each draw's questions picked at
    random (never a question twice), then the questions shuffled when the course says so and every question's
    options shuffled."""
    questions, used = [], set()
    for index, item in quiz_items(body):
        if item["type"] == "question":
            block = body[index]
            questions.append(question_data(block.id, block.value))
            used.add(str(block.id))
            continue
        value = item["value"]
        bank = banks.get(value.get("bank"))
        if bank is None:  # deleted since: the draw asks nothing
            continue
        for block in _draw(bank, value, used, rng):
            questions.append(question_data(block.id, block.value, bank=bank.pk, source=item.get("id")))
            used.add(str(block.id))
    if shuffle_questions:
        rng.shuffle(questions)
    for question in questions:
        rng.shuffle(question["order"])
    return questions


def draw_problems(body, banks: dict) -> list[tuple]:
    """What cannot be drawn as written, for the editor: (bank title, topic, available, asked) of each draw asking
    more questions than its bank holds. Returned as data; the form words it."""
    problems = []
    for _index, item in quiz_items(body):
        if item["type"] != "question_draw":
            continue
        value = item["value"]
        bank = banks.get(value.get("bank"))
        count = value.get("count") if isinstance(value.get("count"), int) else 0
        if bank is None:
            continue
        topic = value.get("topic") or ""
        if value.get("per_topic") and not topic_key(topic):
            groups = {}
            for block in bank.question_blocks():
                groups.setdefault(topic_key(block.value["topic"]), []).append(block)
            problems += [
                (bank.title, blocks[0].value["topic"].strip(), len(blocks), count)
                for blocks in groups.values()
                if len(blocks) < count
            ]
            if not groups:
                problems.append((bank.title, "", 0, count))
        elif len(_pool(bank, topic, set())) < count:
            problems.append((bank.title, topic.strip(), len(_pool(bank, topic, set())), count))
    return problems
