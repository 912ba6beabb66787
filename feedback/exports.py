"""Survey results as XLSX, with Vietnamese headers: an offering's (the summary per question, the free-text
answers, one row per form) and a year's (by track, course, trainer and offering). Text a spreadsheet would
run as a formula is escaped."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from lms.dataimport.xlsx import table_sheet

from .models import SurveyAnswer, SurveyQuestion, SurveyResponse
from .selectors import GROUPS


def _sheet(workbook, title, title_lines, headers, rows):
    sheet = workbook.create_sheet(title[:31])
    table_sheet(sheet, headers, rows, title_lines=title_lines)
    return sheet


def _save(workbook) -> bytes:
    del workbook["Sheet"]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _answer_text(question, answers) -> str:
    if question.kind == SurveyQuestion.Kind.SCALE:
        return ", ".join(str(answer.scale) for answer in answers)
    if question.kind == SurveyQuestion.Kind.TEXT:
        return " ".join(answer.text for answer in answers)
    options = question.option_list
    return "; ".join(options[answer.option] for answer in answers if answer.option < len(options))


def offering_results_xlsx(results) -> bytes:
    """Three sheets: per question (answered, average, the count of each rating or option), the free-text
    answers, and one row per form (a number, not a person, unless the survey is named). Three queries."""
    offering, workbook = results.offering, Workbook()
    lines = [
        _("SURVEY RESULTS: %(code)s – %(title)s") % {"code": offering.code, "title": offering.title},
        f"{results.template.name if results.template else ''}",
        _("%(responses)s forms answered of %(enrolled)s enrolled") % {"responses": results.responses,
                                                                    "enrolled": results.enrolled},
    ]  # fmt: skip
    rows = []
    for row in results.questions:
        counts = [f"{label}: {n}" for label, n, _percent in row.distribution]
        rows.append([row.question.get_group_display(), row.question.text, row.question.get_kind_display(),
                     row.answered, row.average, *counts])  # fmt: skip
    width = max((len(row) for row in rows), default=5)
    headers = [_("Group"), _("Question"), _("Kind"), _("Answered"), _("Average (1-5)")]
    headers += [_("Answers %(n)s") % {"n": n} for n in range(1, width - 4)]
    _sheet(workbook, _("Summary"), lines, headers, rows)
    texts = [[row.question.text, text] for row in results.questions for text in row.texts]
    _sheet(workbook, _("Comments"), lines[:1], [_("Question"), _("Answer")], texts)

    questions = [row.question for row in results.questions]
    names = dict(results.named)
    answers = {}
    for answer in SurveyAnswer.objects.filter(
        response__offering=offering, response__template=results.template
    ).order_by("response_id", "question_id", "option"):  # by the random id: the order says nothing of who answered when
        answers.setdefault(answer.response_id, {}).setdefault(answer.question_id, []).append(answer)
    channels = dict(
        SurveyResponse.objects.filter(offering=offering, template=results.template).values_list("pk", "channel")
    )
    forms = []
    for number, response_id in enumerate(sorted(answers), start=1):
        mine = answers[response_id]
        person = [names.get(response_id, "")] if names else []
        forms.append([number, *person, _("Paper form") if channels.get(response_id) == "paper" else _("Online"),
                      *(_answer_text(question, mine.get(question.pk, [])) for question in questions)])  # fmt: skip
    headers = [_("No."), *([_("Person")] if names else []), _("Channel"), *(question.text for question in questions)]
    _sheet(workbook, _("Forms"), lines[:1], headers, forms)
    return _save(workbook)


def _satisfaction_cells(satisfaction) -> list:
    return [satisfaction.offerings, satisfaction.enrolled, satisfaction.responses, satisfaction.response_rate,
            *satisfaction.group_averages, satisfaction.overall]  # fmt: skip


def satisfaction_headers() -> list[str]:
    return [_("Classes and events"), _("Enrolled"), _("Forms answered"), _("Response rate (%)"),
            *(SurveyQuestion.Group(group).label for group in GROUPS), _("Overall satisfaction (1-5)")]  # fmt: skip


def report_xlsx(report, title_lines) -> bytes:
    """A year's results: by track, by course, by trainer, and every offering."""
    workbook, headers = Workbook(), satisfaction_headers()
    for title, label, rows in (
        (_("By track"), _("Track"), report.tracks),
        (_("By course"), _("Course"), report.courses),
        (_("By trainer"), _("Trainer"), report.trainers),
    ):
        body = [[row.label, *_satisfaction_cells(row.satisfaction)] for row in rows]
        body.append([_("Total"), *_satisfaction_cells(report.total)])
        _sheet(workbook, title, title_lines, [label, *headers], body)
    body = [
        [row.offering.code, row.offering.title, row.offering.starts_on.strftime("%d/%m/%Y"),
         ", ".join(name for _pk, name in row.trainers), *_satisfaction_cells(row.satisfaction)[1:]]
        for row in report.offerings
    ]  # fmt: skip
    headers = [_("Code"), _("Title"), _("Starts on"), _("Trainers"), *headers[1:]]
    _sheet(workbook, _("Classes and events"), title_lines, headers, body)
    return _save(workbook)
