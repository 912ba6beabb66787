"""Reads of the learner's page, which gathers what the apps below it hold: enrollments, attendance,
surveys, certificates. Each runs a fixed number of queries."""

from django.db.models import Prefetch

from attendance.selectors import enrollments_with_attendance
from certificates.models import Certificate
from enrollment.models import Enrollment
from feedback.selectors import survey_annotations, survey_cards


def learner_enrollments(user) -> list[Enrollment]:
    participant = getattr(user, "participant", None) if user.is_authenticated else None
    if participant is None:
        return []
    current = Prefetch(
        "certificates", queryset=Certificate.objects.filter(is_current=True), to_attr="current_certificates"
    )
    return list(
        Enrollment.objects.filter(participant=participant)
        .exclude(status=Enrollment.Status.CANCELLED)
        .select_related("offering__unit", "offering__course")
        .prefetch_related(current)
        .annotate(**survey_annotations())
        .order_by("-offering__starts_on")
    )


def learner_classes(user) -> list[Enrollment]:
    """The learner's enrollments (not cancelled), newest class first, with their attendance, the
    certificates in force and their survey (feedback.selectors.survey_cards)."""
    enrollments = enrollments_with_attendance(learner_enrollments(user))
    survey_cards(enrollments)
    return enrollments
