"""Reads of the course tree, for the catalog and track pages, views and other apps. Each runs a fixed number of
queries.

This module sits between the course and lesson pages (courses/models/pages.py, which it reads) and the catalog
and track pages (courses/models/catalog.py, which call it). The reads the course and lesson pages make themselves
are in courses.learning, offered here too.
"""

import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Prefetch
from django.db.models.functions import Substr
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex

from lms.text import fold

from .learning import (
    READER_CHECKS,
    KnowledgeGain,
    Outline,
    completed_lesson_ids,
    course_outline,
    knowledge_gain,
    lessons_readable_by,
)
from .models.pages import CoursePage, LessonPage
from .models.progress import LessonProgress, QuizAttempt

__all__ = [
    "READER_CHECKS",
    "CourseProgress",
    "KnowledgeGain",
    "Outline",
    "SearchResults",
    "catalog",
    "catalog_search",
    "completed_lesson_ids",
    "course_lessons",
    "course_outline",
    "document_readable_by",
    "knowledge_gain",
    "learner_courses",
    "lessons_readable_by",
    "track_courses",
]

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


def catalog(index_page, tracks) -> list[tuple]:
    """The catalog's `tracks` (its live track pages, in order: TrackPage sits above this module) with the live
    courses of each."""
    tracks = list(tracks)
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


def course_lessons(course) -> list[LessonPage]:
    return course.live_lessons()


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
