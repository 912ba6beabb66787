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
from ..blocks import QUIZ_BLOCKS, LessonBodyBlock
from ..draw import quiz_items
from ..learning import course_outline, knowledge_gain, lessons_readable_by
from ..quiz import questions_of
from ..quiz_forms import LessonPageForm
from ..quiz_page import quiz_post, quiz_view
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
    survey_required = models.BooleanField(_("the post-class survey must be answered for a certificate"), default=False)

    # How the quizzes of the course are taken (courses/quiz_page.py, courses.services.quiz_*).
    class Reveal(models.TextChoices):
        AFTER_LAST_OR_PASSED = "last_or_passed", _("After the last attempt, or once passed")
        AFTER_EACH = "each", _("After every attempt")
        NEVER = "never", _("Never")

    class Late(models.TextChoices):
        SCORE_SAVED = "score_saved", _("Scored with the answers saved in time")
        REFUSE = "refuse", _("Refused: the attempt scores nothing")

    shuffle_questions = models.BooleanField(
        _("shuffle the order of questions"),
        default=True,
        help_text=_("Each attempt shows the questions in its own order. Answers are always shuffled."),
    )
    reveal_answers = models.CharField(
        _("show the correct answers and explanations"),
        max_length=20,
        choices=Reveal.choices,
        default=Reveal.AFTER_LAST_OR_PASSED,
        help_text=_("Learners always see their score and which questions they got wrong."),
    )
    late_submission = models.CharField(
        _("a test submitted after its time limit is"),
        max_length=20,
        choices=Late.choices,
        default=Late.SCORE_SAVED,
        help_text=_("For lessons with a time limit. The page saves answers as they are ticked."),
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
                FieldPanel("survey_required"),
            ],
            heading=_("Completion rules"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("shuffle_questions"),
                FieldRowPanel([FieldPanel("reveal_answers"), FieldPanel("late_submission")]),
            ],
            heading=_("Tests and quizzes"),
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
            if self.permissions_for_user(request.user).can_edit():  # its trainers and administrators
                context["quiz_lessons"] = [lesson for lesson, _done in context["outline"].lessons if lesson.has_quiz]
        return context


class LessonPage(AsciiSlugMixin, FoldedSearchMixin, Page):
    body = StreamField(LessonBodyBlock(), verbose_name=_("content"))
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=15, validators=bounded(1440))
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        default=0,
        validators=bounded(600),
        help_text=_("For a test: counted on the server from the start of each attempt. 0 means no limit."),
    )

    base_form_class = LessonPageForm
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("time_limit_minutes")]),
        FieldPanel("body"),
    ]
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
            block.block.get_searchable_content(block.value)
            for block in self.body
            if block.block_type not in QUIZ_BLOCKS
        )
        return [self.title, *(text for found in texts for text in found)]

    @cached_property
    def questions(self):
        """The question blocks written in the lesson (a quiz may also draw questions from banks: has_quiz)."""
        return questions_of(self.body)

    @property
    def has_quiz(self) -> bool:
        """Whether the lesson asks questions, written in it or drawn from a bank; read from the body's raw data,
        so that a course's outline fetches no bank."""
        return bool(quiz_items(self.body))

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
        if action in ("quiz", "quiz_confirm", "save", "start"):
            return quiz_post(request, self, course, lambda keys: self._serve_unanswered(request, course, keys))
        if action == "complete":
            try:
                services.lesson_complete(user=request.user, lesson=self, course=course)
                messages.success(request, gettext("Lesson marked as done."))
            except services.CourseError as error:
                messages.error(request, str(error))
        return redirect(self.get_url(request))

    def _serve_unanswered(self, request, course, keys):
        """The page again after a submission with questions left unanswered: those marked, and the button that
        submits all the same. Nothing was submitted."""
        context = self.get_context(request, course=course, unanswered=keys)
        return TemplateResponse(request, self.get_template(request), context)

    def get_context(self, request, *args, course=None, unanswered=(), **kwargs):
        """The course's outline with what the user has done and this lesson's place in it, and the quiz as the
        user is to see it now (courses/quiz_page.py: the attempt under way, its start, or the last attempt)."""
        context = super().get_context(request, *args, **kwargs)
        if course is None:
            course = self.course_page()
        outline = course_outline(course, request.user, course.live_lessons())
        pairs = outline.lessons  # (lesson, done)
        position = next((index for index, (item, _done) in enumerate(pairs) if item.pk == self.pk), None)
        context.update(
            course=course,
            outline=outline,
            done=position is not None and pairs[position][1],
            previous_lesson=pairs[position - 1][0] if position else None,
            next_lesson=pairs[position + 1][0] if position is not None and position + 1 < len(pairs) else None,
            quiz=quiz_view(request, self, course, unanswered=unanswered) if self.has_quiz else None,
            role=self._role_in(course),
        )
        return context

    def _role_in(self, course):
        if self.pk is None:
            return None
        if self.pk == course.pre_test_id:
            return "pre_test"
        if self.pk == course.final_test_id:
            return "final_test"
        return None
