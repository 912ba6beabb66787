import contextlib
import os
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import Role
from demo.build import DEMO_LOGINS, demo_site_build

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def hanoi(text: str) -> datetime:
    """'2027-12-31 23:55' as a moment in Hanoi."""
    return datetime.fromisoformat(text).replace(tzinfo=HANOI)


def clock_of_the_run():
    """OCOP_TEST_NOW='2027-12-31 23:55' as a travel to that moment (Hanoi time, the clock ticking on),
    or nothing when it is not set. Every test starts there (below); a fixture wider than one test that
    builds dated data enters it too, so that its data and its tests share a day."""
    moment = os.environ.get("OCOP_TEST_NOW")
    return time_machine.travel(hanoi(moment), tick=True) if moment else contextlib.nullcontext()


@pytest.fixture(autouse=True)
def _test_now():
    """CI runs the suite again at moments chosen to break date arithmetic (the last minutes of a year,
    the first minutes of a day), so a test that depends on when it runs fails on every run, not on the
    day it happens to meet such a moment. Being autouse, this runs before the test's other fixtures."""
    with clock_of_the_run():
        yield


class Clock:
    """Django's clock for one test, in Hanoi time. Each move sets the time, which then ticks on."""

    def __init__(self, machine):
        self._machine = machine

    @property
    def now(self) -> datetime:
        return timezone.localtime()

    @property
    def today(self):
        return timezone.localdate()

    def set(self, moment: datetime) -> datetime:
        self._machine.move_to(moment if moment.tzinfo else moment.replace(tzinfo=HANOI), tick=True)
        return self.now

    def at(self, hour: int, minute: int = 0, *, days: int = 0) -> datetime:
        """Move to hour:minute of today (by the clock as it stands), `days` later: no date arithmetic
        around it can cross midnight by accident."""
        day = self.today + timedelta(days=days)
        return self.set(datetime(day.year, day.month, day.day, hour, minute, tzinfo=HANOI))

    def shift(self, delta: timedelta) -> datetime:
        self._machine.shift(delta)
        return self.now


@pytest.fixture
def clock(time_machine):
    """Set the time a test depends on: `clock.at(8, 5)` is 08:05 today in Hanoi."""
    time_machine.move_to(timezone.now(), tick=True)
    return Clock(time_machine)


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
