"""Where a login lands: staff in the admin, learners on their classes, anyone on a safe `next`."""

import pytest
from django.urls import reverse

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from accounts.roles import Role

STAFF = [Role.TRAINER, Role.ORGANIZER, Role.ADMINISTRATOR]


def log_in(client, user, next_url=None):
    data = {"login": user.email, "password": DEFAULT_PASSWORD}
    if next_url is not None:
        data["next"] = next_url
    return client.post(reverse("account_login"), data)


@pytest.mark.parametrize("role", STAFF)
def test_staff_land_in_the_admin(client, db, role):
    response = log_in(client, UserFactory(role=role))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert client.get(response.url).status_code == 200


def test_learners_keep_landing_on_their_classes(client, db):
    response = log_in(client, UserFactory(role=Role.LEARNER))
    assert response.url == reverse("my_classes")


@pytest.mark.parametrize("role", [Role.LEARNER, Role.ORGANIZER])
def test_a_safe_next_wins_for_everyone(client, db, role):
    response = log_in(client, UserFactory(role=role), next_url="/khoa-hoc/")
    assert response.url == "/khoa-hoc/"


def test_a_next_from_the_login_pages_address_wins_too(client, db):
    user = UserFactory(role=Role.ORGANIZER)
    response = client.post(
        reverse("account_login") + "?next=/lop-cua-toi/", {"login": user.email, "password": DEFAULT_PASSWORD}
    )
    assert response.url == "/lop-cua-toi/"


@pytest.mark.parametrize("unsafe", ["https://lua-dao.example/admin/", "//lua-dao.example/", "javascript:alert(1)"])
def test_an_unsafe_next_is_ignored_and_staff_still_land_in_the_admin(client, db, unsafe):
    response = log_in(client, UserFactory(role=Role.ORGANIZER), next_url=unsafe)
    assert response.url == reverse("wagtailadmin_home")
    client.logout()
    response = log_in(client, UserFactory(role=Role.LEARNER), next_url=unsafe)
    assert response.url == reverse("my_classes")
