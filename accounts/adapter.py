from allauth.account.adapter import DefaultAccountAdapter

from enrollment.services import participant_link_user

from . import services


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        if commit:
            services.user_register_learner(user=user, full_name=form.cleaned_data["full_name"])
        return user

    def confirm_email(self, request, email_address):
        # Only a confirmed address proves the person is the one a roster listed
        # under it; linking earlier would hand their history to whoever typed it.
        confirmed = super().confirm_email(request, email_address)
        participant_link_user(user=email_address.user)
        return confirmed
