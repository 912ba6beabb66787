"""The course catalog with 200 courses and a lesson page with its quiz, against the floor view."""

from django.test import Client

from accounts.factories import UserFactory
from bench.harness import Scenario, page_getter
from courses.factories import CourseFactory, LessonFactory, TrackFactory

COURSES = 200


def scenarios():
    tracks = [TrackFactory(code=code, slug=code) for code in ("steering", "officers", "producers")]
    courses = [CourseFactory(parent=tracks[index % 3]) for index in range(COURSES)]
    lessons = [LessonFactory(parent=courses[0], with_quiz=index == 2) for index in range(10)]
    catalog = tracks[0].get_parent()

    client = Client()
    client.force_login(UserFactory())

    get = page_getter(client)

    floor = get("/bench/floor/")
    return [
        Scenario("course catalog", f"{COURSES} courses", get(catalog.url), "plain Django view", floor),
        Scenario("lesson page with quiz", "10 lessons", get(lessons[2].url), "plain Django view", floor),
    ]
