"""Form helpers shared by the admin's viewsets."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _

from .params import parse_id


def validate_upload_size(upload):
    """Spreadsheets uploaded to the admin (rosters, sign-in sheets) stay under ROSTER_MAX_UPLOAD_MB."""
    limit = settings.ROSTER_MAX_UPLOAD_MB
    if upload.size > limit * 1024 * 1024:
        raise forms.ValidationError(_("The file is larger than %(limit)s MB.") % {"limit": limit})


def _ids_only(field, clean):
    """The field's clean, refusing first any value that is not an id (ASCII digits within the database's
    range): a 20-digit number reaching the database is an OverflowError on SQLite, a 500."""

    def checked(value):
        values = value if isinstance(value, list | tuple) else [value]
        if any(item not in field.empty_values and parse_id(item) is None for item in values):
            raise forms.ValidationError(field.error_messages["invalid_choice"], code="invalid_choice",
                                        params={"value": "…"})  # fmt: skip
        return clean(value)

    return checked


def choices_by_own_id(form):
    """Model choices that answer any id a sender makes up with the form's error, never a 500.

    A choice of a model that extends another (a course is a Wagtail page) is looked up through its
    parent link, where Django does not catch a number too large for the database; looked up by the id
    itself, such a number is simply not one of the choices. And every id, single or multiple, is read as
    an id first (lms.params.parse_id)."""
    for field in form.fields.values():
        model = getattr(getattr(field, "queryset", None), "model", None)
        pk = model._meta.pk if model is not None else None
        if pk is None:
            continue
        if pk.is_relation and field.to_field_name in (None, pk.name):
            field.to_field_name = pk.target_field.attname
        target = pk.target_field if pk.is_relation else pk
        if field.to_field_name in (None, pk.name, pk.attname, target.attname) and target.get_internal_type() in (
            "AutoField", "BigAutoField", "IntegerField", "BigIntegerField",
        ):  # fmt: skip
            field.clean = _ids_only(field, field.clean)
