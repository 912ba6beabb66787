from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Revision

from accounts.models import User
from accounts.roles import Role
from demo.build import DEMO_LOGINS, DEMO_PASSWORD
from home.models import HomePage


def _counts():
    return (User.objects.count(), Group.objects.count(), Page.objects.count(), Revision.objects.count())


def test_load_demo_data_twice_changes_nothing_the_second_time(db):
    first = StringIO()
    call_command("load_demo_data", stdout=first)
    after_first = _counts()
    second = StringIO()
    call_command("load_demo_data", stdout=second)

    assert _counts() == after_first
    for login in DEMO_LOGINS:
        assert login.email in second.getvalue()
    assert DEMO_PASSWORD in second.getvalue()


def test_demo_creates_one_user_per_role_with_a_verified_email(demo):
    assert set(demo) == {role.value for role in Role}
    for user in demo.values():
        assert user.emailaddress_set.get().verified
        assert user.check_password(DEMO_PASSWORD)


def test_demo_home_page_presents_the_three_tracks(demo):
    home = HomePage.objects.get()
    assert home.live
    assert [block.value["code"] for block in home.tracks] == ["steering", "officers", "producers"]


def test_demo_keeps_an_editors_changes_to_the_home_page(demo):
    home = HomePage.objects.get()
    home.lead = "Nội dung do biên tập viên viết lại."
    home.save_revision().publish()
    call_command("load_demo_data", stdout=StringIO())
    home.refresh_from_db()
    assert home.lead == "Nội dung do biên tập viên viết lại."


def test_the_demo_site_lives_at_the_configured_base_url_which_emails_link_to(demo, settings):
    from wagtail.models import Site

    from home.models import HomePage

    site = Site.objects.get(is_default_site=True)
    assert settings.WAGTAILADMIN_BASE_URL == "http://127.0.0.1:8000"
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    assert HomePage.objects.get().full_url == "http://127.0.0.1:8000/"
