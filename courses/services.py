"""Course business rules: quizzes (attempts under way, saving, submitting, time limits), lesson progress,
trainer rights, access.

They take the pages as arguments and import only the progress models, so the lesson page
(courses/models/pages.py) may call them without an import cycle.
"""

import random

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import GroupPagePermission
from wagtail.search import index

from accounts.models import User

from .draw import bank_ids, draw_questions, new_seed
from .models.banks import QuestionBank
from .models.progress import CourseAccess, LessonProgress, QuizAttempt, QuizSitting
from .quiz import parse_answers, score, stored_answers

TRAINER_PAGE_PERMISSIONS = ["add_page", "change_page"]
# A course's trainers write its question banks (QuestionBank.objects.editable_by narrows them to their courses).
TRAINER_BANK_PERMISSIONS = ["add_questionbank", "change_questionbank", "delete_questionbank", "view_questionbank"]


class CourseError(Exception):
    """A rule refused the action; the message is for the learner."""


def _record_progress(user, lesson, course) -> LessonProgress:
    progress, _created = LessonProgress.objects.get_or_create(user=user, lesson=lesson, defaults={"course": course})
    return progress


class QuizUnansweredError(CourseError):
    """Some questions have no answer and the learner has not confirmed: nothing was submitted (the answers
    given were saved). `keys` are the questions without an answer."""

    def __init__(self, keys):
        super().__init__(_("Some questions have no answer yet."))
        self.keys = keys


class QuizLateError(CourseError):
    """Time is up: answers can no longer be saved."""


def quiz_attempts_left(*, user, lesson, course) -> int | None:
    """None when the course sets no limit."""
    if not course.max_quiz_attempts:
        return None
    used = QuizAttempt.objects.filter(user=user, lesson=lesson).count()
    return max(0, course.max_quiz_attempts - used)


def _lock(user) -> None:
    # One learner's attempts are started, counted and submitted under a lock, so two tabs cannot both use
    # the last attempt, nor submit one attempt twice.
    User.objects.select_for_update().filter(pk=user.pk).first()


def _attempts_used_up(user, lesson, course) -> None:
    if quiz_attempts_left(user=user, lesson=lesson, course=course) == 0:
        raise CourseError(_("You have used all %(count)s attempts at this quiz.") % {"count": course.max_quiz_attempts})


def quiz_start(*, user: User, lesson, course, now=None, seed: int | None = None) -> QuizSitting:
    """The learner's attempt under way at the lesson's quiz, started now if there is none: its questions drawn
    (the lesson's own and those its draws pick from their banks), in the course's order, options shuffled.
    An attempt whose time ran out is closed first (quiz_expire)."""
    if not lesson.has_quiz:
        raise CourseError(_("This lesson has no quiz."))
    now = now or timezone.now()
    with transaction.atomic():
        _lock(user)
        sitting = QuizSitting.objects.filter(user=user, lesson=lesson).first()
        if sitting is not None and not sitting.is_late(now):
            return sitting
        if sitting is not None:
            _close(sitting, course, answers=stored_answers(sitting.questions, sitting.answers), late=True)
        _attempts_used_up(user, lesson, course)
        banks = QuestionBank.objects.filter(pk__in=bank_ids(lesson.body), course=course).in_bulk()
        rng = random.Random(new_seed() if seed is None else seed)
        questions = draw_questions(lesson.body, banks, rng, shuffle_questions=course.shuffle_questions)
        if not questions:
            raise CourseError(_("This quiz has no questions to ask yet."))
        return QuizSitting.objects.create(
            user=user, lesson=lesson, course=course, questions=questions, answers={}, started_at=now,
            time_limit_minutes=lesson.time_limit_minutes,
        )  # fmt: skip


def quiz_save(*, user: User, lesson, data, now=None) -> QuizSitting:
    """Save the answers ticked so far in the attempt under way (the page sends them as the learner ticks);
    refused once time is up, so that what counts is what was saved in time."""
    now = now or timezone.now()
    with transaction.atomic():
        sitting = QuizSitting.objects.select_for_update().filter(user=user, lesson=lesson).first()
        if sitting is None:
            raise CourseError(_("This attempt has already been submitted."))
        if sitting.is_late(now):
            raise QuizLateError(_("Time is up: answers can no longer be changed."))
        sitting.answers = _stored(parse_answers(sitting.questions, data))
        sitting.saved_at = now
        sitting.save(update_fields=["answers", "saved_at"])
    return sitting


def quiz_submit(*, user: User, lesson, course, data, confirm: bool = False, now=None) -> QuizAttempt:
    """Score the attempt under way on the server, store it and end it.

    Questions without an answer are not submitted until the learner confirms (QuizUnansweredError; the answers
    given are saved meanwhile). After the time limit the answers sent count for nothing: the attempt is scored
    with the answers saved in time, or scores nothing, as the course says. A passed quiz completes its lesson;
    so does any attempt at the pre-test, which measures what learners knew before the course.
    """
    if not lesson.has_quiz:
        raise CourseError(_("This lesson has no quiz."))
    now = now or timezone.now()
    with transaction.atomic():
        _lock(user)
        sitting = QuizSitting.objects.filter(user=user, lesson=lesson).first()
        if sitting is None:
            raise CourseError(_("This attempt has already been submitted."))
        if sitting.is_late(now):
            return _close(sitting, course, answers=stored_answers(sitting.questions, sitting.answers), late=True)
        answers = parse_answers(sitting.questions, data)
        unanswered = [question["key"] for question in sitting.questions if not answers[question["key"]]]
        if not unanswered or confirm:
            return _close(sitting, course, answers=answers, late=False)
        sitting.answers = _stored(answers)
        sitting.saved_at = now
        sitting.save(update_fields=["answers", "saved_at"])
    raise QuizUnansweredError(unanswered)


def quiz_expire(*, user: User, lesson, course, now=None) -> QuizAttempt | None:
    """Close the learner's attempt under way if its time ran out without a submission (they closed the page):
    scored with the answers saved in time, or nothing, as for a late submission."""
    now = now or timezone.now()
    with transaction.atomic():
        _lock(user)
        sitting = QuizSitting.objects.filter(user=user, lesson=lesson).first()
        if sitting is None or not sitting.is_late(now):
            return None
        return _close(sitting, course, answers=stored_answers(sitting.questions, sitting.answers), late=True)


def _stored(answers) -> dict:
    return {key: sorted(chosen) for key, chosen in answers.items()}


def _close(sitting: QuizSitting, course, *, answers, late: bool) -> QuizAttempt:
    """Turn the attempt under way into a submitted attempt, scored (or not, when late work is refused)."""
    refused = late and course.late_submission == course.Late.REFUSE
    result = score(sitting.questions, answers)
    passed = not refused and result.percent >= course.pass_mark
    attempt = QuizAttempt.objects.create(
        user_id=sitting.user_id,
        lesson_id=sitting.lesson_id,
        course=course,
        questions=sitting.questions,
        answers=_stored(answers),
        score=0 if refused else result.earned,
        max_score=result.maximum,
        percent=0 if refused else result.percent,
        passed=passed,
        started_at=sitting.started_at,
        late=late,
        refused=refused,
    )
    sitting.delete()
    if passed or sitting.lesson_id == course.pre_test_id:
        LessonProgress.objects.get_or_create(
            user_id=sitting.user_id, lesson_id=sitting.lesson_id, defaults={"course": course}
        )
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
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="courses", codename__in=TRAINER_BANK_PERMISSIONS)
    )
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
