from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from lms.text import clean_text


class SignupForm(AllauthSignupForm):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name", "placeholder": _("e.g. Nguyễn Thị Hồng Đào")}),
    )

    field_order = ["full_name", "email", "password1", "password2"]

    def clean_full_name(self):
        name = clean_text(self.cleaned_data["full_name"])
        if len(name.split()) < 2:
            raise forms.ValidationError(_("Please enter your family name and given name, e.g. Trần Văn Đức."))
        return name
