from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = _("Surveys")

    def ready(self):
        from attendance.views import CHECKIN_EXTRAS

        from .checkin import survey_after_checkin

        # Attendance sits below feedback: its check-in page shows what feedback adds after the last session.
        if survey_after_checkin not in CHECKIN_EXTRAS:
            CHECKIN_EXTRAS.append(survey_after_checkin)
