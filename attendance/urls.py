"""Attendance's pages on the site: check in by the projector's code."""

from django.urls import path

from . import views

urlpatterns = [
    path("diem-danh/", views.checkin_code_entry, name="checkin_code"),
    path("diem-danh/<int:pk>/<str:code>/", views.checkin, name="checkin"),
]
