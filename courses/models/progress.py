"""What learners did: lessons completed, quiz attempts, explicit access to closed courses."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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


class QuizAttempt(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="attempts")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.CASCADE, related_name="+")
    answers = models.JSONField(_("answers"), help_text=_("Question block id to the indexes of the options chosen."))
    score = models.PositiveIntegerField(_("points"))
    max_score = models.PositiveIntegerField(_("points possible"))
    percent = models.DecimalField(_("score (%)"), max_digits=5, decimal_places=1)
    passed = models.BooleanField(_("passed"))
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
