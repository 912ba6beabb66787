"""The admin forms behind quizzes: a lesson's editor checks its draws from question banks, a bank's editor
offers only the courses its user may edit. Both read their StreamField safely: posted without the data the
editor's script adds (by hand, never from the page), it is an error on the form, not a 500."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.blocks import BlockField
from wagtail.blocks.stream_block import StreamBlockValidationError

from lms.forms import choices_by_own_id

from .draw import draw_problems
from .models.banks import courses_editable_by


class ReadableStreamsMixin:
    """Wagtail reads a StreamField from the count and per-block fields its editor's script posts, and fails with a
    KeyError (a 500) on a form posted without them. Here such a field reads as unreadable and the form says so,
    saving nothing (an empty stream would wipe the questions)."""

    unreadable_message = gettext_lazy("This content could not be read. Reload the page and make the changes again.")

    def _read_streams_safely(self):
        self.unreadable_streams = set()
        for name, field in self.fields.items():
            if isinstance(field, BlockField):
                field.widget.value_from_datadict = self._safe_reader(name, field)

    def _safe_reader(self, name, field):
        read = field.widget.value_from_datadict

        def safe(data, files, prefix):
            try:
                return read(data, files, prefix)
            except (KeyError, ValueError, TypeError, IndexError):
                self.unreadable_streams.add(name)
                return field.block.to_python([])

        return safe

    def clean(self):
        cleaned_data = super().clean()
        for name in self.unreadable_streams:
            self.add_error(name, _stream_error(str(self.unreadable_message)))
        return cleaned_data


class QuestionBankForm(ReadableStreamsMixin, WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        course = self.fields.get("course")
        if course is not None and for_user is not None:
            course.queryset = course.queryset.filter(pk__in=courses_editable_by(for_user)).order_by("title")
            course.widget = forms.Select(choices=course.choices)  # the user's courses, not the whole page tree
        choices_by_own_id(self)
        self._read_streams_safely()


def _stream_error(message):
    """An error about the lesson body as a whole, shown above its blocks."""
    return StreamBlockValidationError(non_block_errors=ErrorList([ValidationError(message)]))


class LessonPageForm(ReadableStreamsMixin, WagtailAdminPageForm):
    """A lesson draws only from the banks of its own course, and no draw asks for more questions than its bank
    (or topic) holds."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._read_streams_safely()

    def clean(self):
        cleaned_data = super().clean()
        if "body" in self.unreadable_streams:
            return cleaned_data
        body = cleaned_data.get("body")
        course = self.parent_page
        if body is None or course is None:
            return cleaned_data
        draws = [block.value for block in body if block.block_type == "question_draw"]
        foreign = [
            value["bank"] for value in draws if value["bank"] is not None and value["bank"].course_id != course.pk
        ]
        if foreign:
            titles = ", ".join(f"“{bank.title}”" for bank in foreign)
            message = _("Draw only from the question banks of this course (not %(banks)s).") % {"banks": titles}
            self.add_error("body", _stream_error(message))
            return cleaned_data
        banks = {value["bank"].pk: value["bank"] for value in draws if value["bank"] is not None}
        for title, topic, available, asked in draw_problems(body, banks):
            values = {"bank": title, "topic": topic, "available": available, "asked": asked}
            message = (
                _("The bank “%(bank)s” has %(available)s questions on “%(topic)s”; a draw asks for %(asked)s.")
                if topic
                else _("The bank “%(bank)s” has %(available)s questions; a draw asks for %(asked)s.")
            )
            self.add_error("body", _stream_error(message % values))
        return cleaned_data
