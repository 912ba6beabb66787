"""Reads shared by the course pages. Each runs a fixed number of queries."""

import re
from dataclasses import dataclass, field
from statistics import mean

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, Prefetch
from django.db.models.functions import Substr
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex

from lms.text import fold

from .models import CourseAccess, CoursePage, LessonPage, LessonProgress, QuizAttempt, TrackPage

COVER_RENDITION = "fill-640x360"


def _with_covers(courses):
    images = get_image_model().objects.prefetch_renditions(COVER_RENDITION)
    return courses.prefetch_related(Prefetch("cover_image", queryset=images))


def _lesson_counts(courses) -> dict[str, dict]:
    """Live lessons and their minutes per course path, in one grouped query."""
    if not courses:
        return {}
    path_length = len(courses[0].path)  # every course sits at the same depth
    rows = (
        LessonPage.objects.live()
        .annotate(course_path=Substr("path", 1, path_length))
        .filter(course_path__in=[course.path for course in courses])
        .order_by()  # Wagtail orders pages by path, which would split the groups
        .values("course_path")
        .annotate(lessons=Count("id"))
    )
    return {row["course_path"]: row["lessons"] for row in rows}


def _annotate_lesson_counts(courses):
    counts = _lesson_counts(courses)
    for course in courses:
        course.lesson_count = counts.get(course.path, 0)
    return courses


def track_courses(track) -> list[CoursePage]:
    courses = list(_with_covers(CoursePage.objects.live().child_of(track).order_by("path")))
    return _annotate_lesson_counts(courses)


def catalog(index_page) -> list[tuple[TrackPage, list[CoursePage]]]:
    tracks = list(TrackPage.objects.live().child_of(index_page).order_by("path"))
    courses = _annotate_lesson_counts(
        list(_with_covers(CoursePage.objects.live().descendant_of(index_page).order_by("path")))
    )
    by_track = {track.path: [] for track in tracks}
    for course in courses:
        by_track.setdefault(course.path[: -CoursePage.steplen], []).append(course)
    return [(track, by_track[track.path]) for track in tracks]


@dataclass
class SearchResults:
    courses: list = field(default_factory=list)
    lessons: list = field(default_factory=list)

    def __len__(self):
        return len(self.courses) + len(self.lessons)


def catalog_search(query: str, limit: int = 30) -> SearchResults:
    """Courses and lessons matching the query, with or without diacritics."""
    # Words only: the search backends read quotes, *, ^, :, ( and - as syntax (SQLite's fails on an
    # unmatched quote) and a NUL ends SQLite's query string.
    folded = " ".join(re.sub(r"[^\w]|_", " ", fold(query)).split())
    if not folded:
        return SearchResults()
    courses = _annotate_lesson_counts(list(CoursePage.objects.live().search(folded, operator="and")[:limit]))
    lessons = list(LessonPage.objects.live().search(folded, operator="and")[:limit])
    parents = {
        course.path: course
        for course in CoursePage.objects.filter(path__in={lesson.path[: -LessonPage.steplen] for lesson in lessons})
    }
    for lesson in lessons:
        lesson.course = parents.get(lesson.path[: -LessonPage.steplen])
    return SearchResults(courses, lessons)


# Who else may read a closed course's lessons, as checks (course, user) -> bool that apps above courses
# register in their AppConfig.ready (enrollment: the learners of the course's classes).
READER_CHECKS: list = []


def lessons_readable_by(course, user) -> bool:
    if course.access == CoursePage.Access.OPEN:
        return True
    if not user.is_authenticated:
        return False
    if user.has_perm("wagtailadmin.access_admin"):
        return True
    return CourseAccess.objects.filter(user=user, course=course).exists() or any(
        check(course, user) for check in READER_CHECKS
    )


def document_readable_by(document, user) -> bool:
    """A document of the library that lessons use is for whoever may read one of those lessons: one used
    only by lessons of closed courses is not served to others (its link is guessable: id and file
    name). Staff who manage documents, and documents no closed lesson uses, are not restricted."""
    if user.is_authenticated and user.has_perm("wagtaildocs.choose_document"):
        return True
    lesson_ids = [
        int(pk) for pk in ReferenceIndex.get_references_to(document)
        .filter(content_type=ContentType.objects.get_for_model(LessonPage)).values_list("object_id", flat=True)
    ]  # fmt: skip
    if not lesson_ids:
        return True
    parents = {
        lesson.path[: -LessonPage.steplen] for lesson in LessonPage.objects.filter(pk__in=lesson_ids).only("path")
    }
    courses = CoursePage.objects.filter(path__in=parents)
    return any(lessons_readable_by(course, user) for course in courses)


@dataclass
class Outline:
    lessons: list  # (lesson, done) pairs
    completed: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.completed / self.total) if self.total else 0


def course_lessons(course) -> list[LessonPage]:
    return list(LessonPage.objects.live().child_of(course).order_by("path"))


def completed_lesson_ids(user, course) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(LessonProgress.objects.filter(user=user, course=course).values_list("lesson_id", flat=True))


def course_outline(course, user, lessons=None) -> Outline:
    lessons = course_lessons(course) if lessons is None else lessons
    done = completed_lesson_ids(user, course)
    pairs = [(lesson, lesson.pk in done) for lesson in lessons]
    return Outline(pairs, sum(1 for _lesson, is_done in pairs if is_done), len(pairs))


@dataclass
class CourseProgress:
    course: CoursePage
    completed: int
    total: int

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.completed / self.total)) if self.total else 0


def learner_courses(user) -> list[CourseProgress]:
    """Every course the learner has started, with the share of its lessons done."""
    done = dict(
        LessonProgress.objects.filter(user=user, lesson__live=True)
        .values("course")
        .annotate(n=Count("id"))
        .values_list("course", "n")
    )
    started = set(done) | set(QuizAttempt.objects.filter(user=user).values_list("course", flat=True).distinct())
    courses = _annotate_lesson_counts(list(CoursePage.objects.live().filter(pk__in=started).order_by("title")))
    return [CourseProgress(course, done.get(course.pk, 0), course.lesson_count) for course in courses]


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
