import threading

import pytest
from django.db import connection

from accounts.factories import UserFactory
from enrollment import services
from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import Enrollment, Participant
from lms.text import InvalidValueError

REGISTERED, WAITLISTED, CANCELLED = (
    Enrollment.Status.REGISTERED,
    Enrollment.Status.WAITLISTED,
    Enrollment.Status.CANCELLED,
)


def test_participant_create_normalises_what_people_type(db):
    person = services.participant_create(
        full_name="  Nguye\u0302\u0303n   Thị Hồng Đào ",
        phone="+84 168 912 3456",
        email="Hong.Dao@HTX.example",
        national_id=1089012345,
    )
    assert person.full_name == "Nguyễn Thị Hồng Đào"
    assert (person.phone, person.email, person.national_id) == ("0389123456", "hong.dao@htx.example", "001089012345")
    assert person.name_key == "nguyen thi hong dao"


def test_participant_create_refuses_a_bad_phone_and_writes_nothing(db):
    with pytest.raises(InvalidValueError):
        services.participant_create(full_name="Trần Văn Đức", phone="12345")
    assert not Participant.objects.exists()


def test_seats_then_waiting_list_then_promotion_when_a_seat_frees(db):
    offering = OfferingFactory(capacity=2)
    first, second, third = (ParticipantFactory() for _ in range(3))
    assert services.enrollment_create(offering=offering, participant=first).status == REGISTERED
    assert services.enrollment_create(offering=offering, participant=second).status == REGISTERED
    waiting = services.enrollment_create(offering=offering, participant=third)
    assert waiting.status == WAITLISTED

    services.enrollment_cancel(enrollment=Enrollment.objects.get(participant=first))
    waiting.refresh_from_db()
    assert waiting.status == REGISTERED
    assert Enrollment.objects.get(participant=first).status == CANCELLED


def test_enrolling_twice_keeps_one_enrollment(db):
    offering = OfferingFactory()
    person = ParticipantFactory()
    first = services.enrollment_create(offering=offering, participant=person)
    again = services.enrollment_create(offering=offering, participant=person)
    assert first.pk == again.pk
    assert Enrollment.objects.count() == 1


def test_cancelling_someone_on_the_waiting_list_frees_no_seat(db):
    offering = OfferingFactory(capacity=1)
    seated, waiting, later = (ParticipantFactory() for _ in range(3))
    services.enrollment_create(offering=offering, participant=seated)
    first_waiting = services.enrollment_create(offering=offering, participant=waiting)
    services.enrollment_create(offering=offering, participant=later)
    services.enrollment_cancel(enrollment=first_waiting)
    assert Enrollment.objects.get(participant=later).status == WAITLISTED


def test_a_new_account_is_linked_to_the_participant_who_holds_its_email(db):
    roster_person = services.participant_create(full_name="Lê Thị Ánh Tuyết", email="anh.tuyet@htx.example")
    user = UserFactory(email="Anh.Tuyet@HTX.example")
    assert services.participant_link_user(user=user) == roster_person
    assert services.participant_link_user(user=user) == roster_person
    assert Participant.objects.count() == 1
    roster_person.refresh_from_db()
    assert roster_person.user == user


def test_registering_online_needs_an_open_offering(db):
    closed = OfferingFactory(status="closed")
    with pytest.raises(services.EnrollmentError, match="không nhận đăng ký"):
        services.enrollment_register(offering=closed, user=UserFactory())


@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_registrations_never_exceed_thirty_seats():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises every write; the race is only meaningful on PostgreSQL")
    offering = OfferingFactory(capacity=30)
    people = [ParticipantFactory() for _ in range(50)]
    barrier = threading.Barrier(50)
    errors = []

    def register(person):
        try:
            barrier.wait()
            services.enrollment_create(offering=offering, participant=person, source=Enrollment.Source.SELF)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    statuses = list(Enrollment.objects.filter(offering=offering).values_list("status", flat=True))
    assert len(statuses) == 50
    assert statuses.count(REGISTERED) == 30
    assert statuses.count(WAITLISTED) == 20
