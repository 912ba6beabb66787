"""Offering codes become part of addresses (/lop/CODE/): a code with "/" or another character outside
letters, digits, "-", "_" and "." (before Offering.code was validated) is rewritten, kept unique."""

import re

from django.db import migrations

VALID = re.compile(r"\A[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?\Z")


def fix_codes(apps, schema_editor):
    Offering = apps.get_model("enrollment", "Offering")
    taken = set(Offering.objects.values_list("code", flat=True))
    for offering in Offering.objects.only("pk", "code").order_by("pk"):
        if VALID.match(offering.code):
            continue
        base = re.sub(r"[^A-Za-z0-9._-]+", "-", offering.code).strip("-_.")[:26] or f"LOP-{offering.pk}"
        code, number = base, 1
        while code in taken:
            number += 1
            code = f"{base}-{number}"
        taken.discard(offering.code)
        taken.add(code)
        Offering.objects.filter(pk=offering.pk).update(code=code)


class Migration(migrations.Migration):
    dependencies = [("enrollment", "0008_bounded_values")]

    operations = [migrations.RunPython(fix_codes, migrations.RunPython.noop)]
