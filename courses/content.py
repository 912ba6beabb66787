"""Build lesson bodies from plain data (demo content, factories, tests)."""

import json


def question(prompt, options, *, kind=None, points=1, explanation=""):
    """Raw data of a question block; options are (text, correct) pairs."""
    correct = sum(1 for _text, is_correct in options if is_correct)
    return {
        "type": "question",
        "value": {
            "kind": kind or ("multiple" if correct > 1 else "single"),
            "prompt": prompt,
            "options": [{"text": text, "correct": bool(is_correct)} for text, is_correct in options],
            "points": points,
            "explanation": explanation,
        },
    }


def body(blocks, quiz=None) -> str:
    """A lesson body as StreamField JSON from (type, value) pairs and quiz questions.

    Paragraph values are HTML; callouts are {"kind", "text"}; questions are
    dicts with kind, prompt, options [(text, correct)], points, explanation.
    """
    raw = [{"type": block_type, "value": value} for block_type, value in blocks]
    for item in (quiz or {}).get("questions", []):
        raw.append(
            question(
                item["prompt"],
                item["options"],
                kind=item.get("kind"),
                points=item.get("points", 1),
                explanation=item.get("explanation", ""),
            )
        )
    return json.dumps(raw, ensure_ascii=False)
