"""The attendance sheet of a 300-person session, loaded and saved, against the floor: one
select_related query rendered into the same table (bench/urls.py, sheet_floor)."""

from django.test import Client

from accounts.factories import UserFactory
from accounts.roles import Role
from attendance.factories import SessionFactory
from bench.harness import Scenario, page_getter
from enrollment.factories import FULL_NAMES, OfferingFactory, OrganizationFactory
from enrollment.models import Enrollment, Participant
from lms.text import fold, name_sort_key

PEOPLE = 300


def scenarios():
    session = SessionFactory(offering=OfferingFactory(code="BENCH-SHEET"))
    organization = OrganizationFactory()
    people = Participant.objects.bulk_create(
        Participant(
            full_name=(name := f"{FULL_NAMES[index % len(FULL_NAMES)]} {index}"),
            name_key=fold(name),
            sort_key=name_sort_key(name),
            phone=f"08{index:08d}",
            organization=organization,
        )  # fmt: skip
        for index in range(PEOPLE)
    )
    enrollments = Enrollment.objects.bulk_create(Enrollment(offering=session.offering, participant=p) for p in people)
    client = Client()
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    get = page_getter(client)
    url = f"/admin/attendance/sessions/{session.pk}/"
    floor = get(f"/bench/sheet-floor/{session.pk}/")
    flip = {"status": "present"}

    def save():
        flip["status"] = "excused" if flip["status"] == "present" else "present"
        data = {f"status-{e.pk}": flip["status"] for e in enrollments}
        response = client.post(url, data)
        assert response.status_code == 302, response.status_code

    size = f"{PEOPLE} people"
    return [
        Scenario("attendance sheet (admin), load", size, get(url), "one query, same table", floor, 15),
        Scenario("attendance sheet (admin), save all", size, save, "one query, same table", floor, 15),
    ]
