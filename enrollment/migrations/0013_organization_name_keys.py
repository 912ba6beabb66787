"""Organizations created in the admin before organization_save had no folded name key: give them one, so
that rosters and imports find them by name."""

from django.db import migrations

from lms.text import fold


def fill_name_keys(apps, schema_editor):
    Organization = apps.get_model("enrollment", "Organization")
    for organization in Organization.objects.filter(name_key="").only("pk", "name"):
        Organization.objects.filter(pk=organization.pk).update(name_key=fold(organization.name))


class Migration(migrations.Migration):
    dependencies = [("enrollment", "0012_ocopproduct_category")]

    operations = [migrations.RunPython(fill_name_keys, migrations.RunPython.noop)]
