"""Form helpers shared by the admin's viewsets."""


def choices_by_own_id(form):
    """A choice of a model that extends another (a course is a Wagtail page) is looked up through
    its parent link, where Django does not catch a number too large for the database and SQLite
    fails with an OverflowError (a 500). Looked up by the id itself, such a number is simply not
    one of the choices."""
    for field in form.fields.values():
        model = getattr(getattr(field, "queryset", None), "model", None)
        pk = model._meta.pk if model is not None else None
        if pk is not None and pk.is_relation and field.to_field_name in (None, pk.name):
            field.to_field_name = pk.target_field.attname
