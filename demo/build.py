"""The demo program, built by code (the apps' own services, never a dump).

Every function here is idempotent: ``load_demo_data`` may run on every
``make run``, and tests call ``demo_site_build`` after a database flush.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role, sync_roles
from accounts.services import user_create
from courses.review import review_workflow_ensure
from enrollment.units import hanoi_units_load
from feedback.standard import survey_templates_ensure
from home.models import TrainingTarget

from .courses import courses_demo_build
from .offerings import attendance_demo_build, certificates_demo_build, enrollment_demo_build
from .program import current_year_build, program_2019_build
from .site import home_page_fill, site_ensure
from .surveys import surveys_demo_build

DEMO_PASSWORD = "hocOCOP2025"


@dataclass(frozen=True)
class DemoLogin:
    role: Role
    email: str
    full_name: str


DEMO_LOGINS = [
    DemoLogin(Role.ADMINISTRATOR, "quantri@ocop.example", "Phạm Thị Thu Hà"),
    DemoLogin(Role.TRAINER, "giangvien@ocop.example", "Trần Quốc Đạt"),
    DemoLogin(Role.ORGANIZER, "tochuc@ocop.example", "Lê Thị Hồng Nhung"),
    DemoLogin(Role.LEARNER, "hocvien@ocop.example", "Đỗ Văn Đức"),
]


def demo_users_ensure() -> list[User]:
    users = []
    for login in DEMO_LOGINS:
        user = User.objects.filter(email__iexact=login.email).first()
        if user is None:
            user = user_create(email=login.email, password=DEMO_PASSWORD, full_name=login.full_name, role=login.role)
        users.append(user)
    return users


def demo_user(role: Role) -> User:
    login = next(login for login in DEMO_LOGINS if login.role == role)
    return User.objects.get(email=login.email)


@transaction.atomic
def demo_site_build(*, with_courses: bool = True, with_history: bool = True) -> list[User]:
    """The demo program. Tests that need only the site and the users skip the courses; browser
    journeys skip the history (Hanoi's 2019 program and this year's classes), which takes seconds."""
    home = site_ensure()
    hanoi_units_load()  # a data migration loads them; a flushed test database needs them again
    survey_templates_ensure()  # the same
    sync_roles()
    review_workflow_ensure()
    home_page_fill(home)
    users = demo_users_ensure()
    if with_courses:
        courses_demo_build(home, demo_user(Role.TRAINER))
        enrollment_demo_build(organizer=demo_user(Role.ORGANIZER), learner=demo_user(Role.LEARNER))
        attendance_demo_build()
        certificates_demo_build(organizer=demo_user(Role.ORGANIZER), learner=demo_user(Role.LEARNER))
    if with_courses and with_history:
        program_2019_build(organizer=demo_user(Role.ORGANIZER))
        current_year_build(organizer=demo_user(Role.ORGANIZER))
        targets_demo_ensure()
        surveys_demo_build(trainer=demo_user(Role.TRAINER))
    return users


# This year's plan per track: classes to hold and people to train (the dashboard's targets).
DEMO_TARGETS = {"steering": (2, 60), "officers": (6, 240), "producers": (12, 480)}


def targets_demo_ensure() -> None:
    year = timezone.localdate().year
    for track, (classes, people) in DEMO_TARGETS.items():
        TrainingTarget.objects.get_or_create(year=year, track=track, defaults={"classes": classes, "people": people})
