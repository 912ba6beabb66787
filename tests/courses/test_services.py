import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission

from accounts.factories import UserFactory
from accounts.roles import Role
from courses import services
from courses.factories import CourseFactory, LessonFactory, quiz_form, right_options
from courses.models import LessonProgress, QuizAttempt
from courses.quiz import questions_of
from courses.selectors import knowledge_gain, learner_courses


def _take(learner, lesson, course, right=True):
    """Start an attempt and submit it: everything right, or the first question (single choice) wrong."""
    sitting = services.quiz_start(user=learner, lesson=lesson, course=course)
    first = questions_of(lesson.body)[0].id

    def pick(question):
        if question["key"] == first and not right:
            return [index for index, option in enumerate(question["options"]) if not option["correct"]][:1]
        return right_options(question)

    return services.quiz_submit(user=learner, lesson=lesson, course=course, data=quiz_form(sitting, pick))


def test_a_failed_quiz_is_stored_but_does_not_complete_the_lesson(course, quiz_lesson):
    learner = UserFactory()
    attempt = _take(learner, quiz_lesson, course, right=False)
    assert (attempt.score, attempt.max_score, float(attempt.percent), attempt.passed) == (1, 2, 50.0, False)
    assert not LessonProgress.objects.filter(user=learner, lesson=quiz_lesson).exists()


def test_a_passed_quiz_completes_the_lesson(course, quiz_lesson):
    learner = UserFactory()
    attempt = _take(learner, quiz_lesson, course)
    assert attempt.passed
    assert LessonProgress.objects.filter(user=learner, lesson=quiz_lesson, course=course).count() == 1


def test_any_attempt_at_the_pre_test_completes_it(course, quiz_lesson):
    course.pre_test = quiz_lesson
    course.save()
    learner = UserFactory()
    _take(learner, quiz_lesson, course, right=False)
    assert LessonProgress.objects.filter(user=learner, lesson=quiz_lesson).exists()


def test_the_attempt_limit_is_enforced(course, quiz_lesson):
    learner = UserFactory()
    for _attempt in range(3):
        _take(learner, quiz_lesson, course, right=False)
    with pytest.raises(services.CourseError, match="đã dùng hết 3 lượt"):
        services.quiz_start(user=learner, lesson=quiz_lesson, course=course)
    assert QuizAttempt.objects.filter(user=learner).count() == 3


def test_an_attempt_is_submitted_once(course, quiz_lesson):
    learner = UserFactory()
    sitting = services.quiz_start(user=learner, lesson=quiz_lesson, course=course)
    services.quiz_submit(user=learner, lesson=quiz_lesson, course=course, data=quiz_form(sitting))
    with pytest.raises(services.CourseError, match="đã được nộp"):  # the same form again, from another tab
        services.quiz_submit(user=learner, lesson=quiz_lesson, course=course, data=quiz_form(sitting))
    assert QuizAttempt.objects.filter(user=learner).count() == 1


def test_no_limit_when_the_course_sets_none(quiz_lesson, course):
    course.max_quiz_attempts = 0
    learner = UserFactory()
    for _attempt in range(5):
        _take(learner, quiz_lesson, course, right=False)
    assert services.quiz_attempts_left(user=learner, lesson=quiz_lesson, course=course) is None


def test_a_lesson_with_a_quiz_cannot_be_marked_done_by_hand(course, quiz_lesson, text_lesson):
    learner = UserFactory()
    with pytest.raises(services.CourseError):
        services.lesson_complete(user=learner, lesson=quiz_lesson, course=course)
    services.lesson_complete(user=learner, lesson=text_lesson, course=course)
    services.lesson_complete(user=learner, lesson=text_lesson, course=course)
    assert LessonProgress.objects.filter(user=learner).count() == 1


def test_my_learning_shows_percent_complete_per_course(course, quiz_lesson, text_lesson):
    learner = UserFactory()
    services.lesson_complete(user=learner, lesson=text_lesson, course=course)
    [progress] = learner_courses(learner)
    assert (progress.course, progress.completed, progress.total, progress.percent) == (course, 1, 2, 50)
    _take(learner, quiz_lesson, course)
    assert learner_courses(learner)[0].percent == 100


def test_knowledge_gain_compares_the_best_scores_of_pre_and_final_tests(course):
    pre = LessonFactory(parent=course, with_quiz=True)
    final = LessonFactory(parent=course, with_quiz=True)
    course.pre_test, course.final_test = pre, final
    course.save()
    for right in (False, False):
        learner = UserFactory()
        _take(learner, pre, course, right)
        _take(learner, final, course, False)
        _take(learner, final, course, True)
    gain = knowledge_gain(course)
    assert (gain.pre_average, gain.final_average, gain.gain, gain.pre_learners) == (50.0, 100.0, 50.0, 2)


def test_trainer_rights_follow_the_course_assignment(db):
    course = CourseFactory()
    first, second = UserFactory(role=Role.TRAINER), UserFactory(role=Role.TRAINER)
    course.trainers.set([first, second])
    group = services.course_trainers_sync(course=course)
    assert set(group.user_set.all()) == {first, second}
    codenames = set(
        GroupPagePermission.objects.filter(group=group, page=course).values_list("permission__codename", flat=True)
    )
    assert codenames == {"add_page", "change_page"}

    course.trainers.set([second])
    services.course_trainers_sync(course=course)
    assert list(Group.objects.get(pk=group.pk).user_set.all()) == [second]


def test_publishing_a_course_page_syncs_its_trainers(db):
    course = CourseFactory()
    trainer = UserFactory(role=Role.TRAINER)
    course.trainers.set([trainer])
    course.save_revision().publish()
    course.refresh_from_db()
    assert trainer in course.trainer_group.user_set.all()
