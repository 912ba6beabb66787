from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .models import Enrollment, Offering


def _offering(queryset, code):
    """The offering with this code from the address, or a 404 (also for a code no offering can have,
    such as one with a NUL, which PostgreSQL refuses to compare)."""
    if not code.isprintable() or len(code) > Offering._meta.get_field("code").max_length:
        raise Http404
    return get_object_or_404(queryset, code=code)


def offering_detail(request, code):
    offering = _offering(Offering.objects.select_related("unit", "course"), code)
    if offering.status == Offering.Status.DRAFT and not request.user.has_perm("wagtailadmin.access_admin"):
        return render(request, "404.html", status=404)
    enrollment = None
    if request.user.is_authenticated and hasattr(request.user, "participant"):
        enrollment = Enrollment.objects.filter(offering=offering, participant=request.user.participant).first()
    context = {
        "offering": offering,
        "enrollment": enrollment if enrollment and enrollment.status != Enrollment.Status.CANCELLED else None,
        "seats_taken": selectors.offering_seats_taken(offering),
        "has_started": selectors.offering_has_started(offering),
    }
    return render(request, "enrollment/offering_detail.html", context)


@require_POST
def offering_register(request, code):
    offering = _offering(Offering.objects.all(), code)
    if not request.user.is_authenticated:
        return redirect_to_login(offering_url(offering))
    try:
        enrollment = services.enrollment_register(offering=offering, user=request.user)
    except services.EnrollmentError as error:
        messages.error(request, str(error))
    else:
        if enrollment.status == Enrollment.Status.WAITLISTED:
            messages.warning(request, _("The class is full: you are on the waiting list."))
        else:
            messages.success(request, _("You are registered."))
    return redirect(offering_url(offering))


@require_POST
@login_required
def offering_cancel(request, code):
    offering = _offering(Offering.objects.all(), code)
    participant = getattr(request.user, "participant", None)
    enrollment = get_object_or_404(Enrollment, offering=offering, participant=participant)
    if selectors.offering_has_started(offering):
        messages.error(request, _("The class has started: ask its organizer to cancel your registration."))
    else:
        services.enrollment_cancel(enrollment=enrollment)
        messages.success(request, _("Your registration is cancelled."))
    return redirect(offering_url(offering))


def offering_url(offering):
    from django.urls import reverse

    return reverse("offering_detail", args=[offering.code])
