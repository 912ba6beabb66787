"""Enrollment's pages on the site: an offering, registering for it and cancelling."""

from django.urls import path

from . import views

urlpatterns = [
    path("lop/<str:code>/", views.offering_detail, name="offering_detail"),
    path("lop/<str:code>/dang-ky/", views.offering_register, name="offering_register"),
    path("lop/<str:code>/huy/", views.offering_cancel, name="offering_cancel"),
]
