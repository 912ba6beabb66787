"""Attendance's admin pages beyond the sessions viewset (included under admin/attendance/ by wagtail_hooks.py)."""

from django.urls import path

from . import admin_views as views

app_name = "attendance"
urlpatterns = [
    path("offerings/<int:pk>/", views.OfferingAttendanceView.as_view(), name="offering"),
    path("offerings/<int:pk>/sign-in/", views.SigninSheetPrintView.as_view(), name="signin_sheet"),
    path("offerings/<int:pk>/sign-in.xlsx", views.SigninSheetDownloadView.as_view(), name="signin_sheet_xlsx"),
    path("offerings/<int:pk>/sign-in/upload/", views.SigninSheetUploadView.as_view(), name="signin_sheet_upload"),
    path("sessions/<int:pk>/", views.SessionSheetView.as_view(), name="sheet"),
    path("sessions/<int:pk>/close/", views.SessionCloseView.as_view(), name="close"),
    path("sessions/<int:pk>/screen/", views.SessionScreenView.as_view(), name="screen"),
]
