"""The public site's pages that gather several apps: the learner's own page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from enrollment.selectors import open_offerings

from .selectors import learner_classes


@login_required
def my_classes(request):
    """The learner's classes, conferences and study tours, and those open for registration."""
    enrollments = learner_classes(request.user)
    context = {
        "enrollments": enrollments,
        "open_offerings": open_offerings(exclude_ids=[e.offering_id for e in enrollments]),
    }
    return render(request, "home/my_classes.html", context)
