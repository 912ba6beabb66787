"""Reminders as a background task (the `messages` queue): the organizer presses the button, a worker sends."""

from django_tasks import task

from enrollment.models import Offering

from .services import SurveyError, survey_reminders_send


@task(queue_name="messages")
def survey_reminders_task(offering_id: int) -> int:
    """Email those who have not answered. Safe to run twice: each person is reminded once a day at most."""
    offering = Offering.objects.filter(pk=offering_id).first()
    if offering is None:
        return 0
    try:
        return survey_reminders_send(offering=offering)
    except SurveyError:  # night fell, or the survey changed, while it waited in the queue
        return 0
