from .pages import CourseIndexPage, CoursePage, LessonPage, TrackPage
from .progress import CourseAccess, LessonProgress, QuizAttempt

__all__ = ["CourseAccess", "CourseIndexPage", "CoursePage", "LessonPage", "LessonProgress", "QuizAttempt", "TrackPage"]
