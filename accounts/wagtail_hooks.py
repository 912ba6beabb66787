from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_account_menu_item")
def change_email_item(request):
    return {
        "url": reverse("account_email"),
        "label": _("Change sign-in email"),
        "help_text": _("A new address is used only after you confirm it from the message sent to it."),
    }
