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
from wagtail.models import (
    GroupApprovalTask,
    Page,
    ReferenceIndex,
    Task,
    TaskState,
    WorkflowState,
    get_default_page_content_type,
)

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
    "InReview",
    "KnowledgeGain",
    "Outline",
    "SearchResults",
    "can_review",
    "catalog",
    "catalog_search",
    "completed_lesson_ids",
    "course_lesson_counts",
    "course_lessons",
    "course_outline",
    "document_readable_by",
    "knowledge_gain",
    "learner_courses",
    "lessons_readable_by",
    "pages_in_review_by",
    "pages_to_review",
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


def course_lesson_counts(courses) -> dict[int, int]:
    """How many live lessons each course has (len(course_lessons(course))), by course id: one query for
    any number of courses."""
    courses = list(courses)
    counts = _lesson_counts(courses)
    return {course.pk: counts.get(course.path, 0) for course in courses}


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
class InReview:
    """A page waiting in the review workflow: what the admin's home lists about it."""

    page: Page
    title: str  # of the revision under review
    course: Page | None  # the page above it (a lesson's course)
    task_state: TaskState
    submitted_by: object  # the user, or None
    actions: list = field(default_factory=list)  # (name, label, needs a form) the user may take


def can_review(user) -> bool:
    """Whether `user` is a reviewer of an active approval task (administrators, for "Duyệt bài giảng")."""
    return user.is_superuser or GroupApprovalTask.objects.filter(active=True, groups__in=user.groups.all()).exists()


def pages_to_review(user) -> list[InReview]:
    """The pages `user` may approve or send back now, longest waiting first, with their actions. A fixed
    number of queries whatever the number of pages (one more per active task for the reviewer check)."""
    states = list(
        TaskState.objects.reviewable_by(user)
        .filter(workflow_state__base_content_type=get_default_page_content_type())
        .select_related("revision__user", "workflow_state")
        .order_by("started_at", "pk")
    )
    tasks = {task.pk: task for task in Task.objects.filter(pk__in={state.task_id for state in states}).specific()}
    rows = _in_review(states)
    actions = {}
    for row in rows:
        task = tasks[row.task_state.task_id]
        if task.pk not in actions:
            actions[task.pk] = task.get_actions(row.page, user)
        row.actions = actions[task.pk]
    return rows


def pages_in_review_by(user) -> list[InReview]:
    """The pages `user` submitted that are still in the workflow (waiting, or sent back with changes
    requested), most recent first. A fixed number of queries."""
    workflows = list(
        WorkflowState.objects.active()
        .filter(requested_by=user, base_content_type=get_default_page_content_type())
        .select_related("current_task_state__revision__user")
        .order_by("-current_task_state__started_at", "-pk")
    )
    states = []
    for workflow in workflows:
        if workflow.current_task_state is not None:
            workflow.current_task_state.workflow_state = workflow
            states.append(workflow.current_task_state)
    return _in_review(states)


def _in_review(states) -> list[InReview]:
    """Each task state's page (the workflow's object), the course above it and the revision's title: two queries."""
    pages = Page.objects.in_bulk([int(state.workflow_state.object_id) for state in states])
    parents = {
        page.path: page for page in Page.objects.filter(path__in={p.path[: -Page.steplen] for p in pages.values()})
    }  # fmt: skip
    rows = []
    for state in states:
        page = pages.get(int(state.workflow_state.object_id))
        if page is None:  # deleted since
            continue
        revision = state.revision
        rows.append(
            InReview(
                page=page,
                title=(revision.content.get("title") if revision else None) or page.title,
                course=parents.get(page.path[: -Page.steplen]),
                task_state=state,
                submitted_by=revision.user if revision else None,
            )
        )
    return rows
