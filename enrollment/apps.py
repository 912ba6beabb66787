from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnrollmentConfig(AppConfig):
    name = "enrollment"
    verbose_name = _("Enrollment")

    def ready(self):
        from allauth.account.signals import email_confirmed

        from courses.selectors import READER_CHECKS

        from .selectors import learns_in_a_class_of
        from .signals import link_participant_on_confirmed_email

        # Accounts sit below enrollment: they announce a confirmed address, enrollment links the person.
        email_confirmed.connect(link_participant_on_confirmed_email, dispatch_uid="enrollment-link-participant")
        # A learner of one of its classes reads a closed course's lessons.
        if learns_in_a_class_of not in READER_CHECKS:
            READER_CHECKS.append(learns_in_a_class_of)
