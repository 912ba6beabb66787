"""Courses' pages on the site outside the page tree: the learner's progress in every course."""

from django.urls import path

from . import views

urlpatterns = [path("hoc-tap/", views.my_learning, name="my_learning")]
