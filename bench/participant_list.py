"""The admin's participant list, 50 a page out of 100,000 people, against the floor view."""

from django.test import Client

from accounts.factories import UserFactory
from accounts.roles import Role
from bench.harness import Scenario, page_getter
from enrollment.factories import FULL_NAMES
from enrollment.models import AdministrativeUnit, Participant
from lms.text import fold, name_sort_key

PEOPLE = 100_000


def _people():
    units = list(AdministrativeUnit.objects.filter(scheme="current", level="commune").values_list("pk", flat=True))
    family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
    for index in range(PEOPLE):
        base = FULL_NAMES[index % len(FULL_NAMES)].split(" ", 1)[1]
        full_name = f"{family[index // 10 % len(family)]} {base}"
        yield Participant(
            full_name=full_name,
            name_key=fold(full_name),
            sort_key=name_sort_key(full_name),
            phone=f"09{index:08d}",
            unit_id=units[index % len(units)],
            birth_year=1960 + index % 40,
            category="cooperative",
        )


def scenarios():
    Participant.objects.bulk_create(_people(), batch_size=5_000)
    client = Client()
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    get = page_getter(client)
    floor = get("/bench/floor/")
    size = f"50 of {PEOPLE:,}"
    return [
        Scenario("participant list (admin), page 1", size, get("/admin/participants/"), "plain Django view", floor, 15),
        Scenario("participant list (admin), page 1000", size, get("/admin/participants/?p=1000"), "plain Django view",
                 floor, 15),
        Scenario("participant search, no diacritics", f"{PEOPLE:,} people", get("/admin/participants/?q=nguyen+thi"),
                 "plain Django view", floor, 15),
    ]  # fmt: skip
