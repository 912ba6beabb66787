from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from enrollment.viewsets import ScopedPolicy

from .models import Session

register_permission_policy(Session, ScopedPolicy(Session))


@hooks.register("register_admin_viewset")
def register_session_viewset():
    from .viewsets import SessionViewSet

    return SessionViewSet()


@hooks.register("register_admin_urls")
def register_attendance_urls():
    from . import views

    return [
        path("attendance/offerings/<int:pk>/", views.offering_attendance_view, name="attendance_offering"),
        path("attendance/offerings/<int:pk>/sign-in/", views.signin_sheet_print, name="signin_sheet"),
        path("attendance/offerings/<int:pk>/sign-in.xlsx", views.signin_sheet_download, name="signin_sheet_xlsx"),
        path("attendance/offerings/<int:pk>/sign-in/upload/", views.signin_sheet_upload, name="signin_sheet_upload"),
        path("attendance/sessions/<int:pk>/", views.session_sheet_view, name="attendance_sheet"),
        path("attendance/sessions/<int:pk>/close/", views.session_close_view, name="attendance_close"),
        path("attendance/sessions/<int:pk>/screen/", views.session_screen_view, name="attendance_screen"),
    ]
