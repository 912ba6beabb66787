from wagtail import hooks

from .viewsets import ReportsViewSetGroup


@hooks.register("register_admin_viewset")
def register_reports():
    return ReportsViewSetGroup()
