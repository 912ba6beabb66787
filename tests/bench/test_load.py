import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count
from django.utils import timezone

from attendance.models import AttendanceRecord, Session
from bench.load.command import Command as GenerateLoad
from bench.load.generate import load_generate
from bench.load.shapes import REFORM
from certificates.codes import code_normalize
from certificates.models import Certificate
from courses.factories import CourseFactory
from enrollment import synthetic
from enrollment.models import Enrollment, Offering, Organization, Participant
from enrollment.services import participant_prepare

SMALL = {"participants": 300, "offerings": 20, "attendance": 1500}
ACTIVE = (Enrollment.Status.REGISTERED, Enrollment.Status.COMPLETED)


def _totals():
    return {
        "organizations": Organization.objects.count(),
        "participants": Participant.objects.count(),
        "offerings": Offering.objects.count(),
        "sessions": Session.objects.count(),
        "enrollments": Enrollment.objects.count(),
        "attendance": AttendanceRecord.objects.count(),
        "certificates": Certificate.objects.count(),
    }


def _added(before, after):
    return {key: after[key] - before[key] for key in before}


def _scheme(day):
    return "pre-2025" if day < REFORM else "current"


@pytest.fixture
def producers_course(db):
    return CourseFactory(code="OCOP-SX-LOAD", title="Quản trị hợp tác xã và sản phẩm OCOP")


def test_a_small_run_writes_what_was_asked(producers_course):
    before = _totals()
    counts = load_generate(**SMALL, seed=7, first_year=2024, last_year=2025)

    assert _added(before, _totals()) == {key: counts[key] for key in before}
    assert counts["participants"] == 300
    assert counts["offerings"] == 20
    assert counts["offerings_conference"] + counts["offerings_class"] + counts["offerings_study_tour"] == 20
    assert counts["offerings_class"] >= counts["offerings_conference"] >= 1
    assert abs(counts["attendance"] - 1500) <= 1500 * 0.03
    assert counts["enrollments"] > counts["attendance"] / 4  # at most four sessions each
    assert counts["certificates"] > 0
    assert counts["organizations"] == 10


def test_offerings_use_the_units_of_their_date(producers_course):
    load_generate(**SMALL, seed=7, first_year=2024, last_year=2025)
    today = timezone.localdate()
    offerings = list(Offering.objects.select_related("unit"))
    assert {offering.unit.scheme for offering in offerings} == {"pre-2025", "current"}
    for offering in offerings:
        assert offering.unit.scheme == _scheme(offering.starts_on)
        assert offering.unit.code.startswith("01") or offering.unit.path.startswith("01/")
        assert re.fullmatch(r"T7-(2024|2025)-\d{6}", offering.code)
        assert offering.starts_on.year in (2024, 2025)
        assert offering.starts_on <= offering.ends_on
        assert offering.status == (Offering.Status.COMPLETED if offering.ends_on < today else Offering.Status.OPEN)
        if offering.kind == Offering.Kind.CLASS:
            assert offering.track in ("steering", "officers", "producers")
            assert offering.course_id == (producers_course.pk if offering.track == "producers" else None)
        else:
            assert offering.course_id is None
        assert offering.capacity is None or offering.capacity >= offering.enrollments.filter(status__in=ACTIVE).count()


def test_people_are_prepared_like_the_services_do_and_live_in_a_commune(db):
    load_generate(**SMALL, seed=7, first_year=2024, last_year=2025)
    earliest = {}  # the day each person was first trained
    for person_id, day in Enrollment.objects.values_list("participant_id", "offering__starts_on"):
        earliest[person_id] = min(day, earliest.get(person_id, day))
    block = synthetic.PHONE_PREFIXES[1:]
    for person in Participant.objects.select_related("unit", "organization"):
        again = participant_prepare(Participant(full_name=person.full_name, phone=person.phone))
        assert (person.name_key, person.sort_key) == (again.name_key, again.sort_key)
        assert person.phone[:4] in block and len(person.phone) == 10
        assert person.email == person.national_id == ""
        assert person.unit.level == "commune"
        if person.pk in earliest:
            assert person.unit.scheme == _scheme(earliest[person.pk])
        assert person.gender in ("male", "female") and 1950 < person.birth_year < 2010
        if person.organization:
            assert person.category == person.organization.kind
    categories = set(Participant.objects.values_list("category", flat=True))
    assert {"officer", "cooperative", "household"} <= categories


def test_enrollments_sessions_records_and_certificates_hold_together(producers_course):
    load_generate(**SMALL, seed=7, first_year=2024, last_year=2025)
    now = timezone.now()
    assert not Enrollment.objects.values("participant", "offering").annotate(n=Count("pk")).filter(n__gt=1).exists()
    assert set(Enrollment.objects.values_list("status", flat=True)) <= {s.value for s in Enrollment.Status}
    per_offering = Offering.objects.annotate(n=Count("sessions")).values_list("n", flat=True)
    assert all(1 <= n <= 4 for n in per_offering)
    for session in Session.objects.all():
        assert session.ends_at > session.starts_at
        assert (session.closed_at is not None) == (session.ends() <= now)

    records = AttendanceRecord.objects.select_related("enrollment", "session")
    for record in records:
        assert record.enrollment.offering_id == record.session.offering_id
        assert record.enrollment.status in ACTIVE
        assert record.session.closed_at is not None
        assert record.method == AttendanceRecord.Method.SHEET
        assert (record.checked_in_at is not None) == (record.status in AttendanceRecord.ATTENDED)
    statuses = set(records.values_list("status", flat=True))
    assert "present" in statuses and statuses <= {s.value for s in AttendanceRecord.Status}
    # Every active enrollment has one record per held session, and nobody else has any.
    held = {
        o: n for o, n in Session.objects.filter(closed_at__isnull=False).values_list("offering").annotate(Count("pk"))
    }
    enrollments = Enrollment.objects.annotate(n=Count("attendance")).select_related("offering", "participant")
    for enrollment in enrollments:
        expected = held.get(enrollment.offering_id, 0) if enrollment.status in ACTIVE else 0
        assert enrollment.n == expected
        # Rosters come in before the offering starts; people exist from their first roster on.
        assert timezone.localtime(enrollment.created_at).date() < enrollment.offering.starts_on
        assert enrollment.participant.created_at <= enrollment.created_at

    today = timezone.localdate()
    for certificate in Certificate.objects.select_related("enrollment__offering", "enrollment__participant"):
        enrollment, offering = certificate.enrollment, certificate.enrollment.offering
        assert enrollment.status == Enrollment.Status.COMPLETED
        assert offering.kind == Offering.Kind.CLASS and offering.ends_on < today
        assert certificate.is_current and not certificate.png and not certificate.pdf
        assert certificate.full_name == enrollment.participant.full_name
        assert certificate.birth_year == enrollment.participant.birth_year
        assert (certificate.offering_code, certificate.starts_on, certificate.ends_on) == (
            offering.code, offering.starts_on, offering.ends_on,
        )  # fmt: skip
        assert certificate.course_title == (offering.course.title if offering.course else offering.title)
        assert certificate.kind == ("completion" if offering.course_id else "attendance")
        assert offering.ends_on <= certificate.issued_on <= today
        assert timezone.localtime(certificate.issued_at).date() == certificate.issued_on
        assert re.fullmatch(rf"T7-{certificate.issued_on.year}-\d{{7}}", certificate.serial)
        assert code_normalize(certificate.code) == certificate.code
        assert certificate.title and certificate.issuer and certificate.place
        assert not enrollment.attendance.exclude(status__in=AttendanceRecord.ATTENDED).exists()


def test_a_second_run_on_the_same_database_adds_more_without_clashes(db):
    first = load_generate(**SMALL, seed=7, first_year=2024, last_year=2025)
    phones_before = set(Participant.objects.values_list("phone", flat=True))
    codes_before = set(Offering.objects.values_list("code", flat=True))
    before = _totals()
    second = load_generate(**SMALL, seed=7, first_year=2024, last_year=2025)

    assert _added(before, _totals()) == {key: second[key] for key in before}
    assert second["participants"] == first["participants"] == 300
    new_phones = set(Participant.objects.values_list("phone", flat=True)) - phones_before
    assert len(new_phones) == 300  # 300 new people, none with a phone the first run gave out
    new_codes = set(Offering.objects.values_list("code", flat=True)) - codes_before
    assert len(new_codes) == 20
    for year in ("2024", "2025"):  # numbered after the first run's
        old = [code for code in codes_before if f"-{year}-" in code]
        assert min(code for code in new_codes if f"-{year}-" in code) > max(old)
    # New enrollments only join new people to new offerings.
    assert not Enrollment.objects.filter(participant__phone__in=phones_before, offering__code__in=new_codes).exists()


def test_future_offerings_are_open_and_have_no_attendance(db):
    year = timezone.localdate().year
    load_generate(participants=100, offerings=12, attendance=300, seed=8, first_year=year + 1, last_year=year + 1)
    assert set(Offering.objects.filter(code__startswith="T8-").values_list("status", flat=True)) == {"open"}
    assert Enrollment.objects.filter(offering__code__startswith="T8-").exists()
    assert not AttendanceRecord.objects.filter(session__offering__code__startswith="T8-").exists()
    assert not Session.objects.filter(offering__code__startswith="T8-", closed_at__isnull=False).exists()
    assert set(Offering.objects.filter(code__startswith="T8-").values_list("unit__scheme", flat=True)) == {"current"}


def test_the_command_prints_progress_and_a_summary(db):
    out = StringIO()
    call_command(
        GenerateLoad(), "--participants", "60", "--offerings", "6", "--attendance", "240", "--seed", "11",
        "--years", "2019-2020", stdout=out,
    )  # fmt: skip
    text = out.getvalue()
    assert "attendance:" in text and "giây" in text
    assert Offering.objects.filter(code__startswith="T11-2019-").exists()
    assert Participant.objects.count() == 60
    assert abs(AttendanceRecord.objects.count() - 240) <= 240 * 0.05


@pytest.mark.parametrize("years", ["2020", "2021-2019", "abcd-2020"])
def test_the_command_refuses_a_bad_year_range(db, years):
    with pytest.raises(CommandError):
        call_command(GenerateLoad(), "--participants", "1", "--offerings", "1", "--years", years, stdout=StringIO())
