"""The course content tree: CourseIndexPage > TrackPage > CoursePage > LessonPage."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from accounts.roles import Role
from lms.params import bounded
from lms.text import fold

from ..blocks import LessonBodyBlock
from ..quiz import questions_of
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


class CourseIndexPage(FoldedSearchMixin, Page):
    """The course catalog: every track with its courses, and search."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.TrackPage"]
    max_count = 1

    class Meta:
        verbose_name = _("course catalog")

    def route(self, request, path_components):
        """Resolve /track/course/lesson/ in one query instead of two per level.

        Wagtail walks the tree one child at a time; below the catalog every
        page is served as is (no routable pages), so fetching the pages whose
        slugs appear in the path and chaining them by tree path is equivalent.
        """
        if not path_components:
            return super().route(request, path_components)
        candidates = list(
            Page.objects.filter(
                path__startswith=self.path,
                depth__gt=self.depth,
                depth__lte=self.depth + len(path_components),
                slug__in=path_components,
            )
        )
        current = self
        for slug in path_components:
            current = next(
                (
                    page
                    for page in candidates
                    if page.slug == slug and page.depth == current.depth + 1 and page.path.startswith(current.path)
                ),
                None,
            )
            if current is None:
                raise Http404
        return current.specific.route(request, [])

    def get_context(self, request, *args, **kwargs):
        from ..selectors import catalog, catalog_search

        context = super().get_context(request, *args, **kwargs)
        query = request.GET.get("q", "").strip()[:200]
        context["query"] = query
        if query:
            context["results"] = catalog_search(query)
        else:
            context["tracks"] = catalog(self)
        return context


class TrackPage(FoldedSearchMixin, Page):
    class Code(models.TextChoices):
        STEERING = "steering", _("Steering boards and councils")
        OFFICERS = "officers", _("Program officers")
        PRODUCERS = "producers", _("Producers")

    code = models.CharField(_("code"), max_length=20, choices=Code.choices, unique=True)
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "ul", "link"])
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("code"),
        FieldPanel("description"),
        FieldPanel("image", widget=ImageChooser),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("track")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import track_courses

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = track_courses(self)
        return context


class CoursePage(FoldedSearchMixin, Page):
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

    def get_context(self, request, *args, **kwargs):
        from ..selectors import course_outline, knowledge_gain, lessons_readable_by

        context = super().get_context(request, *args, **kwargs)
        context["outline"] = course_outline(self, request.user)
        context["can_read_lessons"] = lessons_readable_by(self, request.user)
        if request.user.has_perm("wagtailadmin.access_admin"):
            context["knowledge_gain"] = knowledge_gain(self)
        return context


class LessonPage(FoldedSearchMixin, Page):
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

    def serve(self, request, *args, **kwargs):
        from ..views import lesson_serve

        return lesson_serve(request, self, super().serve)

    def get_preview_context(self, request, mode_name):
        from ..views import lesson_context

        return lesson_context(request, self, self.course_page())
