"""Who may read a course's lessons and what learners did there: the reads the course and lesson pages make.

They take the pages as arguments and import only the progress models, so the pages (courses/models/pages.py)
may call them without an import cycle. courses.selectors, which reads the page tree and sits above the
pages, offers them too. Each runs a fixed number of queries.
"""

from dataclasses import dataclass
from statistics import mean

from django.db.models import Max

from .models.progress import CourseAccess, LessonProgress, QuizAttempt

# Who else may read a closed course's lessons, as checks (course, user) -> bool that apps above courses
# register in their AppConfig.ready (enrollment: the learners of the course's classes).
READER_CHECKS: list = []


def lessons_readable_by(course, user) -> bool:
    if course.access == course.Access.OPEN:
        return True
    if not user.is_authenticated:
        return False
    if user.has_perm("wagtailadmin.access_admin"):
        return True
    return CourseAccess.objects.filter(user=user, course=course).exists() or any(
        check(course, user) for check in READER_CHECKS
    )


@dataclass
class Outline:
    lessons: list  # (lesson, done) pairs
    completed: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.completed / self.total) if self.total else 0


def completed_lesson_ids(user, course) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(LessonProgress.objects.filter(user=user, course=course).values_list("lesson_id", flat=True))


def course_outline(course, user, lessons) -> Outline:
    """The course's `lessons` (CoursePage.live_lessons) with whether `user` has done each."""
    done = completed_lesson_ids(user, course)
    pairs = [(lesson, lesson.pk in done) for lesson in lessons]
    return Outline(pairs, sum(1 for _lesson, is_done in pairs if is_done), len(pairs))


def last_quiz_attempt(user, lesson) -> QuizAttempt | None:
    return QuizAttempt.objects.filter(user=user, lesson=lesson).first()


@dataclass
class KnowledgeGain:
    pre_average: float | None
    final_average: float | None
    pre_learners: int
    final_learners: int

    @property
    def gain(self) -> float | None:
        if self.pre_average is None or self.final_average is None:
            return None
        return round(self.final_average - self.pre_average, 1)


def _best_scores(lesson_id, users=None) -> list[float]:
    attempts = QuizAttempt.objects.filter(lesson_id=lesson_id)
    if users is not None:
        attempts = attempts.filter(user__in=users)
    best = attempts.order_by().values("user").annotate(best=Max("percent")).values_list("best", flat=True)
    return [float(value) for value in best]


def knowledge_gain(course, users=None) -> KnowledgeGain | None:
    """Average best score on the pre-test and on the final test (optionally for some learners only)."""
    if not course.pre_test_id or not course.final_test_id:
        return None
    pre = _best_scores(course.pre_test_id, users)
    final = _best_scores(course.final_test_id, users)
    return KnowledgeGain(
        round(mean(pre), 1) if pre else None, round(mean(final), 1) if final else None, len(pre), len(final)
    )
