"""Demo courses: the three tracks, their courses and lessons (demo/content/, read by
demo.course_data), and one in-person course per track (no online lessons: attendance decides the
certificate)."""

from accounts.models import User
from courses.content import bank_questions, body
from courses.models import CourseIndexPage, CoursePage, LessonPage, QuestionBank, TrackPage
from home.models import HomePage

from .course_data import catalog


def catalog_ensure(home: HomePage) -> CourseIndexPage:
    page = CourseIndexPage.objects.first()
    if page is None:
        data = catalog()
        page = home.add_child(instance=CourseIndexPage(title=data.title, slug="khoa-hoc", intro=data.intro))
        page.save_revision().publish()
    return page


def _publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _objectives_html(objectives):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in objectives) + "</ul>"


def _with_bank_pks(quiz, banks: dict):
    """The quiz with each draw naming its bank by database id instead of the content's id."""
    if quiz is None:
        return None
    items = [{"draw": item["draw"] | {"bank": banks[item["draw"]["bank"]]}} if "draw" in item else item
             for item in quiz["questions"]]  # fmt: skip
    return quiz | {"questions": items}


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
    banks = {
        bank["id"]: QuestionBank.objects.create(
            title=bank["title"], course=course, questions=bank_questions(bank["questions"])
        ).pk
        for bank in data.get("banks", [])
    }
    for lesson_data in data["lessons"]:
        lesson = _publish_child(
            course,
            LessonPage(
                title=lesson_data["title"],
                slug=lesson_data["slug"],
                estimated_minutes=lesson_data["minutes"],
                time_limit_minutes=lesson_data.get("time_limit", 0),
                body=body(lesson_data["body"], _with_bank_pks(lesson_data["quiz"], banks)),
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
    content = catalog()
    index = catalog_ensure(home)
    for track_data in content.tracks:
        track = TrackPage.objects.filter(code=track_data["code"]).first()
        if track is None:
            track = _publish_child(
                index,
                TrackPage(
                    title=track_data["title"],
                    slug=track_data["slug"],
                    code=track_data["code"],
                    description=track_data["description"],
                ),
            )
        for course_data in [*track_data["courses"], content.in_person[track_data["code"]]]:
            if not CoursePage.objects.filter(code=course_data["code"]).exists():
                trainers = [trainer] if track_data["code"] == "producers" else []
                course_build(track, course_data, trainers)
    return index
