from django.db import migrations


def load_standard_templates(apps, schema_editor):
    from feedback.standard import survey_templates_ensure

    survey_templates_ensure(apps)


class Migration(migrations.Migration):
    """The office's survey templates after a class, a conference and a study tour (feedback/data/)."""

    dependencies = [("feedback", "0001_initial")]

    operations = [migrations.RunPython(load_standard_templates, migrations.RunPython.noop)]
