from django.http import HttpResponse
from django.urls import path

from lms.urls import urlpatterns as site_urlpatterns


def floor(request):
    """The cheapest possible Django response: what every page is measured against."""
    return HttpResponse("ok")


def sheet_floor(request, pk):
    """The attendance sheet's table from a single select_related query: its floor."""
    from django.shortcuts import render

    from attendance.models import AttendanceRecord, Session

    session = Session.objects.select_related("offering").get(pk=pk)
    enrollments = session.offering.enrollments.select_related("participant__unit", "participant__organization")
    rows = [(enrollment, None) for enrollment in enrollments.order_by("participant__sort_key")]
    context = {"session": session, "offering": session.offering, "rows": rows, "marked": 0,
               "statuses": AttendanceRecord.Status.choices, "walk_in": None}  # fmt: skip
    return render(request, "attendance/session_sheet.html", context)


urlpatterns = [
    path("bench/floor/", floor, name="bench_floor"),
    path("bench/sheet-floor/<int:pk>/", sheet_floor),
] + site_urlpatterns
