"""Feedback's pages on the site: a class's survey."""

from django.urls import path

from . import views

urlpatterns = [path("lop/<str:code>/khao-sat/", views.survey, name="survey")]
