from .banks import QuestionBank
from .catalog import CourseIndexPage, TrackPage
from .pages import CoursePage, LessonPage
from .progress import CourseAccess, LessonProgress, QuizAttempt, QuizSitting

__all__ = [
    "CourseAccess",
    "CourseIndexPage",
    "CoursePage",
    "LessonPage",
    "LessonProgress",
    "QuestionBank",
    "QuizAttempt",
    "QuizSitting",
    "TrackPage",
]
