from django.db import migrations


def create_homepage(apps, schema_editor):
    """Replace Wagtail's default welcome page with our HomePage, served by the default site."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("home.HomePage")

    page_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=page_type, slug="home", depth=2).delete()
    homepage_type, _created = ContentType.objects.get_or_create(model="homepage", app_label="home")
    locale, _created = Locale.objects.get_or_create(language_code="vi")
    homepage = HomePage.objects.create(
        title="Đào tạo, tập huấn Chương trình OCOP",
        draft_title="Đào tạo, tập huấn Chương trình OCOP",
        slug="home",
        content_type=homepage_type,
        locale=locale,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", root_page=homepage, is_default_site=True, site_name="OCOP")


def remove_homepage(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
