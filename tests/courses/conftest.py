import pytest

from courses.factories import CourseFactory, LessonFactory


@pytest.fixture
def course(db):
    return CourseFactory(pass_mark=70, max_quiz_attempts=3)


@pytest.fixture
def quiz_lesson(course):
    return LessonFactory(parent=course, with_quiz=True, title="Kiểm tra cuối khóa")


@pytest.fixture
def text_lesson(course):
    return LessonFactory(parent=course, title="Đăng ký hợp tác xã")
