from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def my_classes(request):
    """The learner's own page: their classes, courses and certificates."""
    return render(request, "home/my_classes.html", {})
