"""The demo catalogue's content, read from the YAML files of demo/content/.

catalog.yaml holds the catalogue page's title and intro, the tracks in order (`tracks`: a folder
each) and `in_person_rules`. A track's folder holds track.yaml (code, title, slug, description;
`courses`: its online courses in order; `in_person`: its in-person course, which gets the rules)
and one <course code>.yaml per course.

A course file holds the course page's fields (code, slug, title, summary, objectives, audience,
duration_hours, access), its question `banks` and its `lessons`.

A bank has an `id` (unique in its course), a title and `questions`, each with a `topic`. A lesson has a
title, slug, minutes, an optional `time_limit` (minutes, for a test), `body` (a list of blocks, each
`paragraph: <html>`, `heading: <text>` or `callout: {kind, text}`) and an optional `quiz` (`role`:
pre_test or final_test, or none for a lesson's own questions; `questions`). A question has an `id`
(unique in its course, banks included), kind, prompt, `options` in order (`right: <text>` or
`wrong: <text>`; the right ones in varied places, since the first written is not the first shown but
is what a lazy learner would tick in a printed copy), points and explanation; `repeat: <id>` asks an
earlier question of the same course again; `draw: {bank: <id>, count: N, topic: <topic>, per_topic:
true}` draws N questions of the bank (of one topic, or N of each) at random for each attempt, as the
demo's pre-tests and final tests do from one bank: parallel forms, never a copy of each other. Rich
text is the HTML the pages store.

The result has the shapes demo.courses and courses.content.body take: blocks and options as pairs, a
draw naming its bank by id (demo.courses makes the banks first).
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

CONTENT = Path(__file__).resolve().parent / "content"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when PyYAML has it: same result


@dataclass(frozen=True)
class Catalog:
    title: str
    intro: str
    tracks: list[dict]  # code, title, slug, description, courses (the online ones)
    in_person: dict[str, dict]  # track code -> its in-person course (with its rules)
    in_person_rules: dict


@cache
def catalog() -> Catalog:
    """The whole catalogue, read once per process."""
    data = _read(CONTENT / "catalog.yaml")
    rules = data["in_person_rules"]
    tracks, in_person = [], {}
    for code in data["tracks"]:
        track = _read(CONTENT / code / "track.yaml")
        if track["code"] != code:
            raise ValueError(f"{code}/track.yaml is the track {track['code']!r}")
        courses = [_course(CONTENT / code / f"{course}.yaml") for course in track["courses"]]
        tracks.append({key: track[key] for key in ("code", "title", "slug", "description")} | {"courses": courses})
        in_person[code] = _course(CONTENT / code / f"{track['in_person']}.yaml", rules=rules)
    return Catalog(data["title"], data["intro"], tracks, in_person, rules)


def _read(path: Path):
    with path.open(encoding="utf-8") as file:
        return yaml.load(file, Loader=_Loader)  # noqa: S506 (a safe loader)


def _course(path: Path, *, rules: dict | None = None) -> dict:
    data = _read(path)
    if data["code"] != path.stem:
        raise ValueError(f"{path.name} holds the course {data['code']!r}")
    asked = {}  # question id -> the question, for `repeat`
    banks = [_bank(bank, asked, path) for bank in data.get("banks", [])]
    bank_ids = {bank["id"] for bank in banks}
    lessons = [_lesson(lesson, asked, bank_ids, path) for lesson in data.get("lessons", [])]
    fields = ("code", "slug", "title", "summary", "objectives", "audience", "duration_hours", "access")
    return (
        {key: data[key] for key in fields} | ({"rules": rules} if rules else {}) | {"banks": banks, "lessons": lessons}
    )


def _bank(data: dict, asked: dict, path: Path) -> dict:
    questions = []
    for item in data["questions"]:
        if not str(item.get("topic") or "").strip():
            raise ValueError(f"{path.name}: the question {item.get('id')!r} of the bank {data['id']!r} has no topic")
        questions.append(_question(item, asked, path) | {"topic": item["topic"]})
    return {"id": data["id"], "title": data["title"], "questions": questions}


def _lesson(data: dict, asked: dict, bank_ids: set, path: Path) -> dict:
    quiz = data.get("quiz")
    if quiz is not None:
        items = [_draw(item, bank_ids, path) if "draw" in item else _question(item, asked, path)
                 for item in quiz["questions"]]  # fmt: skip
        quiz = {"role": quiz.get("role"), "questions": items}
    return {
        "title": data["title"],
        "slug": data["slug"],
        "minutes": data["minutes"],
        "time_limit": data.get("time_limit", 0),
        "body": [_pair(block, path) for block in data["body"]],
        "quiz": quiz,
    }


def _draw(item: dict, bank_ids: set, path: Path) -> dict:
    spec = item["draw"]
    if spec.get("bank") not in bank_ids:
        raise ValueError(f"{path.name}: `draw` names the bank {spec.get('bank')!r}, which the course does not have")
    keys = {"bank": spec["bank"], "count": int(spec["count"])}
    return {"draw": keys | {"topic": spec.get("topic", ""), "per_topic": bool(spec.get("per_topic", False))}}


def _question(data: dict, asked: dict, path: Path) -> dict:
    if "repeat" in data:
        if data["repeat"] not in asked:
            raise ValueError(f"{path.name}: `repeat: {data['repeat']}` names no question asked before it")
        return asked[data["repeat"]]
    if data["id"] in asked:
        raise ValueError(f"{path.name}: two questions have the id {data['id']!r}")
    options = []
    for option in data["options"]:
        verdict, text = _pair(option, path)
        if verdict not in ("right", "wrong"):
            raise ValueError(f"{path.name}: an option is `right:` or `wrong:`, not `{verdict}:`")
        options.append((text, verdict == "right"))
    question = {
        "kind": data["kind"],
        "prompt": data["prompt"],
        "options": options,
        "points": data["points"],
        "explanation": data["explanation"],
    }
    asked[data["id"]] = question
    return question


def _pair(item: dict, path: Path) -> tuple:
    """A one-key mapping (`paragraph: <html>`, `right: <text>`) as its (key, value)."""
    if not isinstance(item, dict) or len(item) != 1:
        raise ValueError(f"{path.name}: expected one `key: value`, got {item!r}")
    return next(iter(item.items()))
