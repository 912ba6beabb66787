"""The survey templates the program office ships (data/standard_templates.yaml): after a class, a conference
and a study tour, each the default for its kind. Loaded by the data migration and again by the demo after a
test database is flushed; idempotent, keyed by code, and a template already there is left as it was edited."""

from pathlib import Path

import yaml
from django.apps import apps as global_apps

STANDARD_TEMPLATES = Path(__file__).parent / "data" / "standard_templates.yaml"


def standard_templates() -> list[dict]:
    return yaml.safe_load(STANDARD_TEMPLATES.read_text(encoding="utf-8"))


def survey_templates_ensure(apps=global_apps) -> int:
    """Create the standard templates not there yet; how many were created. A kind that already has a
    default keeps it."""
    Template = apps.get_model("feedback", "SurveyTemplate")
    Question = apps.get_model("feedback", "SurveyQuestion")
    created = 0
    for data in standard_templates():
        if Template.objects.filter(code=data["code"]).exists():
            continue
        taken = Template.objects.filter(default_for=data["default_for"]).exists()
        template = Template.objects.create(
            code=data["code"], name=data["name"], intro=data.get("intro", ""),
            default_for="" if taken else data["default_for"], anonymous=True,
        )  # fmt: skip
        Question.objects.bulk_create(
            Question(
                template=template, sort_order=order, group=question["group"], kind=question["kind"],
                text=question["text"], options="\n".join(question.get("options", [])),
                low_label=question.get("low", ""), high_label=question.get("high", ""),
                required=question.get("required", True), is_overall=question.get("overall", False),
            )
            for order, question in enumerate(data["questions"])
        )  # fmt: skip
        created += 1
    return created
