"""Build lesson bodies from plain data (demo content, factories, tests)."""

import json


def question(prompt, options, *, kind=None, points=1, explanation="", topic=None):
    """Raw data of a question block; options are (text, correct) pairs. A bank's questions have a topic."""
    correct = sum(1 for _text, is_correct in options if is_correct)
    value = {
        "kind": kind or ("multiple" if correct > 1 else "single"),
        "prompt": prompt,
        "options": [{"text": text, "correct": bool(is_correct)} for text, is_correct in options],
        "points": points,
        "explanation": explanation,
    }
    if topic is not None:
        value["topic"] = topic
    return {"type": "question", "value": value}


def draw(bank_id: int, count: int, *, topic: str = "", per_topic: bool = False) -> dict:
    """Raw data of a "questions drawn from a bank" block."""
    return {"type": "question_draw", "value": {"bank": bank_id, "count": count, "topic": topic, "per_topic": per_topic}}


def bank_questions(questions) -> str:
    """A question bank's questions as StreamField JSON, from dicts as body() takes them (with a topic)."""
    return json.dumps([_question(item, topic=item.get("topic", "")) for item in questions], ensure_ascii=False)


def _question(item, topic=None):
    return question(
        item["prompt"],
        item["options"],
        kind=item.get("kind"),
        points=item.get("points", 1),
        explanation=item.get("explanation", ""),
        topic=topic,
    )


def body(blocks, quiz=None) -> str:
    """A lesson body as StreamField JSON from (type, value) pairs and quiz questions.

    Paragraph values are HTML; callouts are {"kind", "text"}; questions are dicts with kind, prompt, options
    [(text, correct)], points, explanation, or {"draw": {"bank": id, "count", "topic", "per_topic"}} to draw
    questions from a bank at each attempt.
    """
    raw = [{"type": block_type, "value": value} for block_type, value in blocks]
    for item in (quiz or {}).get("questions", []):
        if "draw" in item:
            spec = item["draw"]
            raw.append(
                draw(spec["bank"], spec["count"], topic=spec.get("topic", ""), per_topic=spec.get("per_topic", False))
            )
        else:
            raw.append(_question(item))
    return json.dumps(raw, ensure_ascii=False)
