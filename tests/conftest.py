import pytest
from django.core.cache import cache

from accounts.factories import UserFactory
from accounts.roles import Role
from home.demo import DEMO_LOGINS, demo_site_build


@pytest.fixture(autouse=True)
def _empty_cache():
    # allauth's rate limits live in the cache; tests must not share them.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def media(settings, tmp_path):
    """MEDIA_ROOT in the test's own folder: what a test writes there is its own to count."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def demo(db):
    """The demo site (without its courses, for speed) and one user per role, keyed by role name."""
    users = demo_site_build(with_courses=False)
    return {login.role.value: user for login, user in zip(DEMO_LOGINS, users, strict=True)}


@pytest.fixture
def learner(db):
    return UserFactory(role=Role.LEARNER)


@pytest.fixture
def role_user(db):
    """A function that makes a user in the given role (None: no role)."""

    def make(role):
        if role is None:
            return None
        return UserFactory(role=role)

    return make
