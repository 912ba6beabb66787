from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.urls import reverse
from django.utils.translation import gettext as _

from lms.cache import cache_available
from lms.site import EmailSite, site_url

from . import services


class AccountAdapter(DefaultAccountAdapter):
    def pre_authenticate(self, request, **credentials):
        # The failed-login limit lives in the cache: without it, refuse rather than let
        # passwords be guessed without a limit (lms/cache.py).
        if not cache_available():
            raise forms.ValidationError(
                _("Signing in is paused for a few minutes: a service that protects accounts is not answering. "
                  "Please try again shortly.")
            )  # fmt: skip
        super().pre_authenticate(request, **credentials)

    def get_login_redirect_url(self, request):
        """Staff (whoever may enter the Wagtail admin) land in the admin, where their work is; learners on
        their classes (LOGIN_REDIRECT_URL). A safe `next` wins over both: allauth asks here only without one."""
        if request.user.has_perm("wagtailadmin.access_admin"):
            return reverse("wagtailadmin_home")
        return super().get_login_redirect_url(request)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        if commit:
            services.user_register_learner(user=user, full_name=form.cleaned_data["full_name"])
        return user

    # Emails greet with the site's name and link to the configured base URL (lms/site.py).
    def send_mail(self, template_prefix, email, context):
        super().send_mail(template_prefix, email, {"current_site": EmailSite(), **context})

    def get_email_confirmation_url(self, request, emailconfirmation):
        return site_url(super().get_email_confirmation_url(request, emailconfirmation))

    def get_reset_password_from_key_url(self, key):
        return site_url(super().get_reset_password_from_key_url(key))
