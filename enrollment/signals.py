from . import services


def link_participant_on_confirmed_email(sender, request, email_address, **kwargs):
    """Only a confirmed address proves the person is the one a roster listed under it; linking earlier
    would hand their history to whoever typed it (services.participant_link_user)."""
    services.participant_link_user(user=email_address.user)
