"""Courses in the admin: the item analysis of a quiz (a page and its XLSX), and the review of lessons.

The review of lessons: Wagtail's own workflow views, telling the reviewer what happened.

A reviewer approves or asks for changes either from the dashboard's "Awaiting your review" (Wagtail's
workflow action view, which answers with no message at all) or from the lesson's editor (which says only
that the page was updated). Both now say it in words: approved and published, or changes requested.
Registered for lessons by courses.viewsets.LessonPageViewSet."""

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import TaskState

from lms.dataimport.xlsx import safe_cell, xlsx_response
from lms.params import parse_id

from .analysis import lesson_item_analysis
from .models import LessonPage
from .review import review_message


class LessonReviewActionView(WorkflowActionView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.status != TaskState.STATUS_IN_PROGRESS:  # acted on (an invalid form changes nothing)
            messages.success(request, review_message(self.object, self.action_name))
        return response


class LessonEditView(EditView):
    def perform_workflow_action(self):
        self.review_action = self.workflow_action
        return super().perform_workflow_action()

    def add_save_confirmation_message(self):
        action = getattr(self, "review_action", None)
        if action in ("approve", "reject"):
            messages.success(self.request, review_message(self.page, action))
        else:
            super().add_save_confirmation_message()


# Item analysis -------------------------------------------------------------------------------------------------


def _lesson_for(request, pk) -> LessonPage:
    """The lesson at `pk`, for whoever may edit it (its course's trainers, administrators): 404 for no such lesson,
    PermissionDenied (the admin's "no permission") for other staff."""
    lesson = get_object_or_404(LessonPage, pk=parse_id(pk) or 0)
    if not lesson.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return lesson


class ItemAnalysisView(WagtailAdminTemplateMixin, TemplateView):
    """Per question of a lesson's quiz: how many were asked and answered it, the share right, the discrimination
    index and how often each option was chosen (courses/analysis.py says how each is counted)."""

    template_name = "courses/item_analysis.html"
    header_icon = "table"
    page_title = gettext_lazy("Item analysis")

    def dispatch(self, request, *args, **kwargs):
        self.lesson = _lesson_for(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.lesson.title

    def get_breadcrumbs_items(self):
        course = self.lesson.get_parent()
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_explore", args=[course.pk]), "label": course.title},
            {"url": reverse("wagtailadmin_pages:edit", args=[self.lesson.pk]), "label": self.lesson.title},
            {"url": None, "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        analysis = lesson_item_analysis(self.lesson)
        for item in analysis.items:
            item.notes = item_notes(item)
        return super().get_context_data(lesson=self.lesson, analysis=analysis, **kwargs)


def item_notes(item) -> list[str]:
    """What a trainer should look at in a question, in words."""
    notes = []
    if item.difficulty is not None and item.difficulty >= 0.9:
        notes.append(_("Very easy: almost everyone gets it right."))
    elif item.difficulty is not None and item.difficulty < 0.3:
        notes.append(_("Hard: fewer than a third get it right. Check the correct answer."))
    if item.discrimination is not None and item.discrimination < 0:
        notes.append(_("Those who score well overall get it wrong more often: check the wording and the answer."))
    elif item.discrimination is not None and item.discrimination < 0.2:
        notes.append(_("It hardly separates those who know from those who do not."))
    return notes


class ItemAnalysisExportView(View):
    def get(self, request, pk):
        lesson = _lesson_for(request, pk)
        analysis = lesson_item_analysis(lesson)
        return xlsx_response(item_analysis_xlsx(lesson, analysis), f"phan-tich-cau-hoi-{lesson.slug}.xlsx")


def _percent(value):
    return None if value is None else round(100 * value, 1)


def item_analysis_xlsx(lesson, analysis) -> bytes:
    """Two sheets: one row per question, one row per option."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Questions")[:31]
    sheet.append([safe_cell(_("Item analysis: %(lesson)s") % {"lesson": lesson.title})])
    sheet.cell(1, 1).font = Font(bold=True, size=13)
    sheet.append([_("Learners (first attempt each): %(count)s") % {"count": analysis.learners}])
    sheet.append([_("Upper and lower groups: %(count)s learners each (27 %%)") % {"count": analysis.group_size}])
    sheet.append([])
    headers = [
        _("No."), _("Question"), _("Topic"), _("Learners asked"), _("Learners who answered"), _("Learners right"),
        _("Share right (%)"), _("Discrimination (D)"), _("Notes"),
    ]  # fmt: skip
    sheet.append(headers)
    for item in analysis.items:
        sheet.append([safe_cell(value) for value in (
            item.number, item.prompt, item.topic, item.asked, item.answered, item.right, _percent(item.difficulty),
            None if item.discrimination is None else round(item.discrimination, 2), " ".join(item_notes(item)),
        )])  # fmt: skip
    options = workbook.create_sheet(_("Options")[:31])
    options.append([_("No."), _("Question"), _("Option"), _("Text"), _("Correct"), _("Chosen"), _("Share chosen (%)")])
    for item in analysis.items:
        for option in item.options:
            options.append([safe_cell(value) for value in (
                item.number, item.prompt, option.letter, option.text, _("yes") if option.correct else "",
                option.chosen, _percent(option.share),
            )])  # fmt: skip
    for table, widths in ((sheet, [6, 60, 20, 8, 10, 8, 14, 16, 50]), (options, [6, 50, 8, 50, 10, 10, 16])):
        for index, width in enumerate(widths, start=1):
            table.column_dimensions[get_column_letter(index)].width = width
    for cell in sheet[5] + options[1]:
        cell.font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
