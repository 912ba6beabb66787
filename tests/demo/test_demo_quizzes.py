"""Every demo final test, played on its page by learners who tick the first option shown of every question: none
passes. Each attempt draws its own questions from the course's bank and shows its options in its own order."""

import itertools
import re

import pytest

from accounts.factories import UserFactory
from accounts.roles import Role
from courses import draw
from courses.models import CoursePage, QuizAttempt
from courses.services import course_access_grant
from demo.courses import courses_demo_build
from demo.site import site_ensure

OPTION = re.compile(r'name="(q-[\w-]+)" value="(\d+)"')


@pytest.fixture
def final_tests(db, monkeypatch):
    courses_demo_build(site_ensure(), UserFactory(role=Role.TRAINER))
    seeds = itertools.count(1)
    monkeypatch.setattr(draw, "new_seed", lambda: next(seeds))  # the same draws on every run
    return [course.final_test.specific for course in CoursePage.objects.filter(final_test__isnull=False)]


def test_ticking_the_first_option_shown_everywhere_passes_no_final_test(client, final_tests):
    assert len(final_tests) == 6
    for lesson in final_tests:
        for _learner in range(3):
            learner = UserFactory()
            course_access_grant(course=lesson.get_parent().specific, user=learner)  # some courses are closed
            client.force_login(learner)
            assert "Bắt đầu làm bài" in client.get(lesson.url).content.decode()  # a timed test starts on request
            client.post(lesson.url, {"action": "start"})
            form = {}
            for name, value in OPTION.findall(client.get(lesson.url).content.decode()):
                form.setdefault(name, value)  # the first option shown of each question
            assert len(form) == 6 and set(form.values()) == {"0"}
            client.post(lesson.url, {**form, "action": "quiz"})
            attempt = QuizAttempt.objects.get(user=learner, lesson=lesson)
            assert attempt.max_score >= 6 and not attempt.passed, (lesson.url, attempt.percent)
