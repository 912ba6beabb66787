"""The certificate template's form in the admin: Wagtail's, with hostile input answered by a message.

- The layout box: empty means the standard layout; text that is not a JSON object, including JSON
  nested deeper than Python's parser goes (a RecursionError, a 500), gets the template's own message
  (Django's "Enter a valid JSON." has no Vietnamese).
- The pictures: Wagtail's image chooser looks up whatever id the form sends back to show the chosen
  image, and fails with a 500 on one that is not a number; here that shows as no image chosen,
  under the form's own "Select a valid choice" message.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.fields import InvalidJSONInput
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from courses.widgets import ImageChooser

PICTURES = ("background", "signature", "seal")


class LayoutField(forms.JSONField):
    default_error_messages = {"invalid": _("Write the positions as a JSON object, or leave it empty.")}

    def to_python(self, value):
        if value in self.empty_values:
            return {}
        try:
            return super().to_python(value)
        except RecursionError:
            raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": value}) from None

    def bound_data(self, data, initial):
        try:
            return super().bound_data(data, initial)
        except RecursionError:
            return InvalidJSONInput(data)


class CertificateTemplateForm(WagtailAdminModelForm):
    class Meta:
        field_classes = {"layout": LayoutField}
        widgets = dict.fromkeys(PICTURES, ImageChooser)
