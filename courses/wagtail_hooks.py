from wagtail import hooks

from .viewsets import course_access_viewset


@hooks.register("register_admin_viewset")
def register_course_access_viewset():
    return course_access_viewset
