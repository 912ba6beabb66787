"""Courses and their lessons, the lower half of the content tree: CourseIndexPage > TrackPage (models/catalog.py)
> CoursePage > LessonPage.

The course and lesson pages serve themselves, as Wagtail's form pages do, with the rules and reads that take
pages as arguments and import only the progress models (courses.services, courses.learning, courses.quiz).
courses.selectors reads these pages; the catalog and track pages, above it, call it.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from accounts.roles import Role
from lms.pages import AsciiSlugMixin
from lms.params import bounded
from lms.text import fold

from .. import services
from ..blocks import LessonBodyBlock
from ..learning import course_outline, knowledge_gain, last_quiz_attempt, lessons_readable_by
from ..quiz import questions_of, score
from ..widgets import ImageChooser

PERCENT = [MaxValueValidator(100)]


class FoldedSearchMixin:
    """Index a copy of the page's text without diacritics.

    Searches fold the query the same way, so "hop tac xa" finds "hợp tác xã"
    and "dang ky" finds "đăng ký" on SQLite and PostgreSQL alike.
    """

    def searchable_parts(self):
        return [self.title]

    def folded_text(self):
        return fold(" ".join(part for part in self.searchable_parts() if part))


class CoursePage(AsciiSlugMixin, FoldedSearchMixin, Page):
    class Access(models.TextChoices):
        OPEN = "open", _("Open to everyone")
        ENROLLED = "enrolled", _("Enrolled learners only")

    code = models.CharField(_("code"), max_length=30, unique=True, help_text=_("For example OCOP-SX-01."))
    summary = models.TextField(_("summary"))
    objectives = RichTextField(_("learning objectives"), blank=True, features=["ul", "ol", "bold", "italic"])
    audience = models.CharField(_("audience"), max_length=255, blank=True)
    duration_hours = models.DecimalField(_("duration (hours)"), max_digits=5, decimal_places=1, default=4)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    trainers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        blank=True,
        related_name="courses_taught",
        limit_choices_to={"groups__name": Role.TRAINER.value},  # never a list of every learner's name
        help_text=_("They may add and edit this course's lessons and submit them for approval."),
    )
    # The Wagtail group through which this course's trainers hold page rights
    # on it (kept in step with `trainers` by courses.services).
    trainer_group = models.OneToOneField(
        "auth.Group", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="course"
    )
    access = models.CharField(_("who may read the lessons"), max_length=10, choices=Access.choices, default=Access.OPEN)

    # Completion rules, read by certificate eligibility.
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("minimum attendance (%)"), default=80, validators=PERCENT
    )
    require_all_lessons = models.BooleanField(_("all lessons must be completed"), default=False)
    excused_counts_as_attended = models.BooleanField(
        _("excused absences count as attended"),
        default=False,
        help_text=_("When off, an excused absence counts as missed in the attendance rate."),
    )
    pre_test = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("pre-test"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    final_test = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("final test"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=70,
        validators=PERCENT,
        help_text=_("A quiz in this course is passed at this score; the final test decides completion."),
    )
    max_quiz_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed per quiz"), default=3, validators=bounded(100), help_text=_("0 means no limit.")
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("code"), FieldPanel("duration_hours")]),
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("audience"),
        FieldPanel("cover_image", widget=ImageChooser),
        FieldPanel("trainers"),
        FieldPanel("access"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("min_attendance_percent"), FieldPanel("excused_counts_as_attended")]),
                FieldPanel("require_all_lessons"),
                FieldRowPanel(
                    [
                        PageChooserPanel("pre_test", "courses.LessonPage"),
                        PageChooserPanel("final_test", "courses.LessonPage"),
                    ]
                ),
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("max_quiz_attempts")]),
            ],
            heading=_("Completion rules"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("folded_text"),
        index.FilterField("code"),
    ]
    parent_page_types = ["courses.TrackPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("course")

    def searchable_parts(self):
        return [self.title, self.code, self.summary, self.audience]

    def clean(self):
        super().clean()
        errors = {}
        for field in ("pre_test", "final_test"):
            lesson = getattr(self, field)
            if lesson is not None and self.pk and not lesson.is_descendant_of(self):
                errors[field] = _("Choose a lesson of this course.")
            elif lesson is not None and not lesson.specific.has_quiz:
                errors[field] = _("This lesson has no questions.")
        if self.pre_test_id and self.pre_test_id == self.final_test_id:
            errors["final_test"] = _("The final test must be a different lesson from the pre-test.")
        if errors:
            raise ValidationError(errors)

    def live_lessons(self) -> list["LessonPage"]:
        """The published lessons, in tree order."""
        return list(LessonPage.objects.live().child_of(self).order_by("path"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["outline"] = course_outline(self, request.user, self.live_lessons())
        context["can_read_lessons"] = lessons_readable_by(self, request.user)
        if request.user.has_perm("wagtailadmin.access_admin"):
            context["knowledge_gain"] = knowledge_gain(self)
        return context


class LessonPage(AsciiSlugMixin, FoldedSearchMixin, Page):
    body = StreamField(LessonBodyBlock(), verbose_name=_("content"))
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=15, validators=bounded(1440))

    content_panels = Page.content_panels + [FieldPanel("estimated_minutes"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("folded_text")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")

    def searchable_parts(self):
        """The title, and the text when anyone may read it. A lesson of a closed course is found by its
        title only, so the catalog search never shows (nor lets anyone probe by repeated searches) what
        only its learners may read; questions are never indexed, so search cannot lead to answers.
        Changing a course's access re-indexes its lessons (courses.services.course_lessons_reindex)."""
        course = CoursePage.objects.filter(path=self.path[: -self.steplen]).only("access").first()
        if course is None or course.access != CoursePage.Access.OPEN:
            return [self.title]
        texts = (
            block.block.get_searchable_content(block.value) for block in self.body if block.block_type != "question"
        )
        return [self.title, *(text for found in texts for text in found)]

    @cached_property
    def questions(self):
        return questions_of(self.body)

    @property
    def has_quiz(self) -> bool:
        return bool(self.questions)

    def course_page(self) -> CoursePage:
        # By path, so that an unsaved lesson being previewed in the editor finds its course too.
        return CoursePage.objects.get(path=self.path[: -self.steplen])

    # Served as Wagtail's form pages are (wagtail.contrib.forms.models.FormMixin): serve() applies the access
    # rules and handles the POSTs, get_context() builds what the template shows. The editor's preview is
    # Wagtail's own (serve_preview -> get_preview_context -> get_context): the same page, for an editor, with
    # no access rule (the lesson may be unsaved: the course is found by path).

    def serve(self, request, *args, **kwargs):
        """The access rules, then the quiz and "mark as done" (POST), then the page."""
        request.is_preview = False
        course = self.course_page()
        if not lessons_readable_by(course, request.user):
            return self._serve_locked(request, course)
        if request.method == "POST":
            return self._serve_post(request, course)
        context = self.get_context(request, *args, course=course, **kwargs)
        return TemplateResponse(request, self.get_template(request, *args, **kwargs), context)

    def _serve_locked(self, request, course):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return TemplateResponse(request, "courses/lesson_locked.html", {"page": self, "course": course}, status=403)

    def _serve_post(self, request, course):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        action = request.POST.get("action")
        try:
            if action == "quiz":
                attempt = services.quiz_submit(user=request.user, lesson=self, course=course, data=request.POST)
                self._report_attempt(request, attempt, course)
                return redirect(self.get_url(request) + "#quiz")
            if action == "complete":
                services.lesson_complete(user=request.user, lesson=self, course=course)
                messages.success(request, gettext("Lesson marked as done."))
        except services.CourseError as error:
            messages.error(request, str(error))
        return redirect(self.get_url(request))

    @staticmethod
    def _report_attempt(request, attempt, course):
        values = {"score": attempt.score, "max": attempt.max_score, "percent": number_format(attempt.percent, 1)}
        if attempt.passed:
            messages.success(request, gettext("Passed: %(score)s of %(max)s points (%(percent)s%%).") % values)
        else:
            values["pass_mark"] = course.pass_mark
            messages.warning(
                request,
                gettext("Not passed yet: %(score)s of %(max)s points (%(percent)s%%); %(pass_mark)s%% is needed.")
                % values,
            )

    def get_context(self, request, *args, course=None, **kwargs):
        """The course's outline with what the user has done and this lesson's place in it, the body with its
        questions numbered (and marked after an attempt), the last attempt and the attempts left."""
        context = super().get_context(request, *args, **kwargs)
        if course is None:
            course = self.course_page()
        outline = course_outline(course, request.user, course.live_lessons())
        pairs = outline.lessons  # (lesson, done)
        position = next((index for index, (item, _done) in enumerate(pairs) if item.pk == self.pk), None)
        results = {}
        attempt = None
        attempts_left = None
        # A lesson previewed before its first save has no attempts and no place in the course yet.
        if request.user.is_authenticated and self.has_quiz and self.pk is not None:
            attempt = last_quiz_attempt(request.user, self)
            attempts_left = services.quiz_attempts_left(user=request.user, lesson=self, course=course)
            if attempt is not None:
                answers = {block_id: frozenset(chosen) for block_id, chosen in attempt.answers.items()}
                results = {result.block_id: result for result in score(self.questions, answers).results}
        context.update(
            course=course,
            outline=outline,
            done=position is not None and pairs[position][1],
            previous_lesson=pairs[position - 1][0] if position else None,
            next_lesson=pairs[position + 1][0] if position is not None and position + 1 < len(pairs) else None,
            body_items=self._numbered(results),
            attempt=attempt,
            attempts_left=attempts_left,
            role=self._role_in(course),
        )
        return context

    def _numbered(self, results):
        """(block, quiz result, question number) for each block of the body."""
        items, number = [], 0
        for block in self.body:
            if block.block_type == "question":
                number += 1
            items.append((block, results.get(block.id), number))
        return items

    def _role_in(self, course):
        if self.pk is None:
            return None
        if self.pk == course.pre_test_id:
            return "pre_test"
        if self.pk == course.final_test_id:
            return "final_test"
        return None
