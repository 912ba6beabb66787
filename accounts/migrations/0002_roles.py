from django.db import migrations


def create_roles(apps, schema_editor):
    from accounts.roles import create_all_permissions, sync_roles

    create_all_permissions(apps)
    sync_roles(apps)
    # Wagtail's starter groups would sit beside the four roles and confuse
    # whoever assigns people; they are unused on a new site.
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
