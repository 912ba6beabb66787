from django.urls import include, path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from enrollment.viewsets import ScopedPolicy

from .admin_home import SessionsPanel
from .models import Session

register_permission_policy(Session, ScopedPolicy(Session))


@hooks.register("register_admin_viewset")
def register_session_viewset():
    from .viewsets import SessionViewSet

    return SessionViewSet()


@hooks.register("register_admin_urls")
def register_attendance_urls():
    return [path("attendance/", include("attendance.admin_urls"))]


@hooks.register("construct_homepage_panels")
def add_sessions_panel(request, panels):
    SessionsPanel.add_to(request, panels)
