from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from wagtail.signals import page_published

        from .models import CoursePage
        from .signals import course_published

        # Trainer assignments take effect when the course page is published,
        # however it is published (editor, scheduled publishing, code).
        page_published.connect(course_published, sender=CoursePage)
