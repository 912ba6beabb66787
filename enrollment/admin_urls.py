"""Enrollment's admin pages beyond its viewsets (included under the admin by wagtail_hooks.py)."""

from django.urls import path

from .roster import admin_views as roster

app_name = "enrollment"
urlpatterns = [
    path("offerings/<int:pk>/roster/", roster.RosterUploadView.as_view(), name="roster_upload"),
    path("rosters/<int:pk>/", roster.RosterPreviewView.as_view(), name="roster_preview"),
    path("rosters/<int:pk>/status/", roster.RosterStatusView.as_view(), name="roster_status"),
    path("rosters/<int:pk>/errors.xlsx", roster.RosterErrorsView.as_view(), name="roster_errors"),
    path("offerings/<int:pk>/export.<str:fmt>", roster.OfferingExportView.as_view(), name="offering_export"),
    path("participants-export.<str:fmt>", roster.participants_export, name="participants_export"),
]
