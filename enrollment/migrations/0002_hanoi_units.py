from django.db import migrations


def load_hanoi(apps, schema_editor):
    from enrollment.units import hanoi_units_load

    hanoi_units_load(apps)


class Migration(migrations.Migration):
    dependencies = [("enrollment", "0001_initial")]

    operations = [migrations.RunPython(load_hanoi, migrations.RunPython.noop)]
