"""Demo courses: the three tracks, their courses and lessons, from courses/demo_content.py, and one
in-person course per track (no online lessons: attendance decides the certificate)."""

from accounts.models import User
from home.models import HomePage

from .content import body
from .models import CourseIndexPage, CoursePage, LessonPage, TrackPage

CATALOG_TITLE = "Khoá học"
CATALOG_INTRO = (
    "<p>Các khoá học của Chương trình OCOP theo ba nhóm đối tượng. Tìm kiếm được cả khi gõ không dấu, "
    "ví dụ <i>hop tac xa</i>.</p>"
)


def catalog_ensure(home: HomePage) -> CourseIndexPage:
    catalog = CourseIndexPage.objects.first()
    if catalog is None:
        catalog = home.add_child(instance=CourseIndexPage(title=CATALOG_TITLE, slug="khoa-hoc", intro=CATALOG_INTRO))
        catalog.save_revision().publish()
    return catalog


def _publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _objectives_html(objectives):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in objectives) + "</ul>"


def course_build(track: TrackPage, data: dict, trainers: list[User]) -> CoursePage:
    course = _publish_child(
        track,
        CoursePage(
            title=data["title"],
            slug=data["slug"],
            code=data["code"],
            summary=data["summary"],
            objectives=_objectives_html(data["objectives"]),
            audience=data["audience"],
            duration_hours=data["duration_hours"],
            access=data["access"],
            **data.get("rules", {}),
        ),
    )
    for lesson_data in data["lessons"]:
        lesson = _publish_child(
            course,
            LessonPage(
                title=lesson_data["title"],
                slug=lesson_data["slug"],
                estimated_minutes=lesson_data["minutes"],
                body=body(lesson_data["body"], lesson_data["quiz"]),
            ),
        )
        role = (lesson_data["quiz"] or {}).get("role")
        if role == "pre_test":
            course.pre_test = lesson
        elif role == "final_test":
            course.final_test = lesson
    course.trainers.set(trainers)
    course.save_revision().publish()  # publishing syncs the trainers' page rights
    return course


def courses_demo_build(home: HomePage, trainer: User) -> CourseIndexPage:
    """Create what is missing, leave what exists (editors may have changed it)."""
    from .demo_content import IN_PERSON_COURSES, TRACKS

    catalog = catalog_ensure(home)
    for track_data in TRACKS:
        track = TrackPage.objects.filter(code=track_data["code"]).first()
        if track is None:
            track = _publish_child(
                catalog,
                TrackPage(
                    title=track_data["title"],
                    slug=track_data["slug"],
                    code=track_data["code"],
                    description=track_data["description"],
                ),
            )
        for course_data in [*track_data["courses"], IN_PERSON_COURSES[track_data["code"]]]:
            if not CoursePage.objects.filter(code=course_data["code"]).exists():
                trainers = [trainer] if track_data["code"] == "producers" else []
                course_build(track, course_data, trainers)
    return catalog
