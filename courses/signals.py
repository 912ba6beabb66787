from . import services


def course_published(sender, instance, **kwargs):
    services.course_trainers_sync(course=instance)
    services.course_lessons_reindex(course=instance)
