"""What the check-in page shows after a check-in at an offering's last session: the invitation to its survey
(registered on attendance.views.CHECKIN_EXTRAS by FeedbackConfig.ready).

Someone who checked in with phone and year of birth, without an account, may answer from that browser: the
check-in grants it for a while (SURVEY_GRANT), as it grants the check-in itself."""

import time

from django.urls import reverse

from enrollment.models import Enrollment

from .selectors import enrollment_answered, offering_template

SURVEY_GRANT = 2 * 60 * 60  # seconds a phone check-in lets its browser answer the survey
GRANTS = "survey-grants"


def survey_after_checkin(request, session, participant):
    """(template, context) inviting `participant` to the survey after the offering's last session, or None."""
    offering = session.offering
    last = offering.sessions.order_by("-date", "-starts_at", "-pk").values_list("pk", flat=True).first()
    if last != session.pk or offering_template(offering) is None:
        return None
    enrollment = Enrollment.objects.active().filter(offering=offering, participant=participant).first()
    if enrollment is None or enrollment_answered(enrollment):
        return None
    if not request.user.is_authenticated:
        grants = request.session.get(GRANTS, {})
        grants[str(offering.pk)] = [enrollment.pk, time.time() + SURVEY_GRANT]
        request.session[GRANTS] = grants
    return "feedback/includes/checkin_survey.html", {"url": reverse("survey", args=[offering.code])}


def granted_enrollment(request, offering) -> Enrollment | None:
    """The enrollment a phone check-in in this browser lets it answer for, while the grant lasts."""
    grant = request.session.get(GRANTS, {}).get(str(offering.pk))
    if not grant or grant[1] < time.time():
        return None
    return Enrollment.objects.active().filter(pk=grant[0], offering=offering).first()
