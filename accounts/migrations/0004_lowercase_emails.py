"""Emails are stored in lower case (User.clean): sign-in looks them up that way."""

from django.db import migrations
from django.db.models.functions import Lower


def lowercase(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    User.objects.exclude(email=Lower("email")).update(email=Lower("email"))


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_user_unit")]

    operations = [migrations.RunPython(lowercase, migrations.RunPython.noop)]
