"""Certificates on the site: the learner's download, and verification by anyone with the code."""

from django.urls import path

from . import views

urlpatterns = [
    path("giay-chung-nhan/<int:pk>.<str:fmt>", views.certificate_download, name="certificate_download"),
    path("xac-minh/", views.verify_form, name="certificate_verify_form"),
    path("xac-minh/<str:code>/", views.certificate_verify, name="certificate_verify"),
    path("xac-minh/<str:code>/open-badge.json", views.certificate_badge_download, name="certificate_badge"),
]
