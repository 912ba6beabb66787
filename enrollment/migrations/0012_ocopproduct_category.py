from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("enrollment", "0011_roster_row_cleaned"),
    ]

    operations = [
        migrations.AddField(
            model_name="ocopproduct",
            name="category",
            field=models.CharField(
                blank=True,
                choices=[
                    ("food", "Food"),
                    ("beverages", "Beverages"),
                    ("herbal", "Herbal products"),
                    ("textiles", "Textiles and garments"),
                    ("crafts", "Souvenirs, furniture and decoration"),
                    ("tourism", "Community tourism services and tourist sites"),
                ],
                max_length=20,
                verbose_name="product group",
            ),
        ),
    ]
