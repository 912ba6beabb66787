from .catalog import CourseIndexPage, TrackPage
from .pages import CoursePage, LessonPage
from .progress import CourseAccess, LessonProgress, QuizAttempt

__all__ = ["CourseAccess", "CourseIndexPage", "CoursePage", "LessonPage", "LessonProgress", "QuizAttempt", "TrackPage"]
