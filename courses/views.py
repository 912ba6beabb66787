"""The pages of the courses app that are not Wagtail pages (the course and lesson pages serve themselves:
courses/models/pages.py)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import selectors


@login_required
def my_learning(request):
    return render(request, "courses/my_learning.html", {"progress": selectors.learner_courses(request.user)})
