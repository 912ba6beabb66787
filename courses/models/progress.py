"""What learners did: lessons completed, quiz attempts (open and submitted), explicit access to closed courses."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# A submission this long after the time limit still counts as in time: the page submits itself when time is up,
# and a slow connection should not cost the learner their answers.
GRACE = timedelta(seconds=30)


class LessonProgress(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="progress")
    # The lesson's course, kept here so progress per course is one grouped query.
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(_("completed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson completed")
        verbose_name_plural = _("lessons completed")
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="unique_lesson_progress")]
        indexes = [models.Index(fields=["user", "course"])]

    def __str__(self):
        return f"{self.user} – {self.lesson_id}"


class QuizSitting(models.Model):
    """An attempt under way: the questions this attempt drew, in the order shown, each with its options' order,
    the answers saved so far and when it started. Made when the quiz is first shown to the learner (or when they
    start a timed test or try again), so a reload shows the same questions in the same order; submitting it
    turns it into a QuizAttempt and deletes it. One per learner and lesson.

    `questions` is a list, in the order shown, of {"key": the question's block id, "bank": the bank's id or
    null, "source": the id of the lesson block it came from (the question, or the draw), "topic", "kind",
    "prompt", "options": [{"text", "correct"}] as written, "order": the options' indexes as shown, "points",
    "explanation"}: the questions as they were drawn, so that an edit during the attempt changes nothing in it.
    `answers` maps a question's key to the indexes (as written) of the options ticked."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_sittings")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="sittings")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="+")
    questions = models.JSONField(_("questions"), default=list)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    started_at = models.DateTimeField(_("started at"))
    saved_at = models.DateTimeField(_("answers saved at"), null=True, blank=True)
    time_limit_minutes = models.PositiveSmallIntegerField(_("time limit (minutes)"), default=0)

    class Meta:
        verbose_name = _("quiz attempt under way")
        verbose_name_plural = _("quiz attempts under way")
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="unique_open_quiz_sitting")]

    def __str__(self):
        return f"{self.user} – {self.lesson_id} (…)"

    @property
    def deadline(self):
        """When time is up, or None without a time limit."""
        return self.started_at + timedelta(minutes=self.time_limit_minutes) if self.time_limit_minutes else None

    def is_late(self, now) -> bool:
        return self.deadline is not None and now > self.deadline + GRACE


class QuizAttempt(models.Model):
    """A submitted attempt. `questions` holds the questions the attempt drew, as QuizSitting does (empty for
    attempts stored before question banks: those answered the lesson's own questions, in their order)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="attempts")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="+")
    questions = models.JSONField(_("questions"), default=list, blank=True)
    answers = models.JSONField(_("answers"), help_text=_("Question block id to the indexes of the options chosen."))
    score = models.PositiveIntegerField(_("points"))
    max_score = models.PositiveIntegerField(_("points possible"))
    percent = models.DecimalField(_("score (%)"), max_digits=5, decimal_places=1)
    passed = models.BooleanField(_("passed"))
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    late = models.BooleanField(_("submitted after the time limit"), default=False)
    refused = models.BooleanField(
        _("not scored"),
        default=False,
        help_text=_("Submitted after the time limit in a course that refuses late work."),
    )
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "lesson"]), models.Index(fields=["lesson", "user", "percent"])]

    def __str__(self):
        return f"{self.user} – {self.lesson_id}: {self.percent}%"


class CourseAccess(models.Model):
    """Access to the lessons of a course open to enrolled learners only, granted by staff."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_access")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="access_grants")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("course access")
        verbose_name_plural = _("course access")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="unique_course_access")]

    def __str__(self):
        return f"{self.user} – {self.course_id}"
