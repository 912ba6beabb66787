from django.db import migrations


def ensure_review_workflow(apps, schema_editor):
    from courses.review import review_workflow_ensure

    review_workflow_ensure(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("accounts", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(ensure_review_workflow, migrations.RunPython.noop)]
