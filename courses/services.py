"""Course business rules: quizzes, lesson progress, trainer rights, access.

They take the pages as arguments and import only the progress models, so the lesson page
(courses/models/pages.py) may call them without an import cycle.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import GroupPagePermission
from wagtail.search import index

from accounts.models import User

from .models.progress import CourseAccess, LessonProgress, QuizAttempt
from .quiz import parse_answers, score

TRAINER_PAGE_PERMISSIONS = ["add_page", "change_page"]


class CourseError(Exception):
    """A rule refused the action; the message is for the learner."""


def _record_progress(user, lesson, course) -> LessonProgress:
    progress, _created = LessonProgress.objects.get_or_create(user=user, lesson=lesson, defaults={"course": course})
    return progress


def quiz_attempts_left(*, user, lesson, course) -> int | None:
    """None when the course sets no limit."""
    if not course.max_quiz_attempts:
        return None
    used = QuizAttempt.objects.filter(user=user, lesson=lesson).count()
    return max(0, course.max_quiz_attempts - used)


@transaction.atomic
def quiz_submit(*, user: User, lesson, course, data) -> QuizAttempt:
    """Score the learner's answers on the server and store the attempt.

    A passed quiz completes its lesson; so does any attempt at the pre-test,
    which measures what learners knew before the course.
    """
    if not lesson.has_quiz:
        raise CourseError(_("This lesson has no quiz."))
    # One learner's attempts are counted under a lock, so two tabs cannot
    # both use the last attempt.
    User.objects.select_for_update().filter(pk=user.pk).first()
    if quiz_attempts_left(user=user, lesson=lesson, course=course) == 0:
        raise CourseError(_("You have used all %(count)s attempts at this quiz.") % {"count": course.max_quiz_attempts})
    answers = parse_answers(lesson.questions, data)
    result = score(lesson.questions, answers)
    passed = result.percent >= course.pass_mark
    attempt = QuizAttempt.objects.create(
        user=user,
        lesson=lesson,
        course=course,
        answers={block_id: sorted(chosen) for block_id, chosen in answers.items()},
        score=result.earned,
        max_score=result.maximum,
        percent=result.percent,
        passed=passed,
    )
    if passed or lesson.pk == course.pre_test_id:
        _record_progress(user, lesson, course)
    return attempt


@transaction.atomic
def lesson_complete(*, user: User, lesson, course) -> LessonProgress:
    if lesson.has_quiz:
        raise CourseError(_("This lesson is completed by passing its quiz."))
    return _record_progress(user, lesson, course)


@transaction.atomic
def course_trainers_sync(*, course) -> Group | None:
    """Give the course's trainers, and only them, the right to add and edit its pages.

    Publishing stays with program administrators: trainers submit to the
    review workflow.
    """
    group = course.trainer_group
    trainers = list(course.trainers.all())
    if group is None and not trainers:
        return None
    if group is None:
        group, _created = Group.objects.get_or_create(name=f"Giảng viên khóa {course.code}")
        type(course).objects.filter(pk=course.pk).update(trainer_group=group)  # CoursePage
        course.trainer_group = group
    elif group.name != f"Giảng viên khóa {course.code}":
        group.name = f"Giảng viên khóa {course.code}"
        group.save(update_fields=["name"])
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=TRAINER_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=course, permission=permission)
    group.user_set.set(trainers)
    return group


@transaction.atomic
def course_access_grant(*, course, user: User, granted_by: User | None = None) -> CourseAccess:
    access, _created = CourseAccess.objects.get_or_create(course=course, user=user, defaults={"granted_by": granted_by})
    return access


def course_lessons_reindex(*, course) -> None:
    """Index the course's lessons again: what search may show of them depends on who may read the
    course (LessonPage.searchable_parts), which the course decides."""
    for lesson in course.get_children().specific():  # its lessons, live or not
        index.insert_or_update_object(lesson)


def lesson_place(*, lesson) -> None:
    """A lesson added to a course that ends with its final test goes just before that test (Wagtail adds
    a page last): the final test stays last, as the course's order and every learner's progress expect."""
    course = lesson.get_parent().specific
    final_test = getattr(course, "final_test", None)
    if final_test is None or final_test.pk == lesson.pk or not lesson.path > final_test.path:
        return
    lesson.move(final_test, pos="left")
