"""The demo program: Hanoi's 2019 as the city reported it, and this year's in the new communes.

The demo is built once for the module (in a transaction rolled back at its end): it is large.
"""

import datetime
import re
from collections import Counter

import pytest
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from accounts.roles import Role
from attendance.models import AttendanceRecord, Session
from certificates.eligibility import offering_eligibility
from certificates.models import Certificate
from demo.build import demo_site_build, demo_user
from demo.program import current_codes, current_year_build, program_2019_build
from enrollment.models import AdministrativeUnit, Enrollment, Offering, Organization, Participant
from home.models import TrainingTarget
from lms.text import fold
from tests.conftest import clock_of_the_run

PROVINCE_2019 = {"unit__scheme": "pre-2025", "unit__level": "province", "unit__code": "01"}


def test_without_units_there_is_no_program_and_no_error(db):
    for level in ("commune", "district", "province"):
        AdministrativeUnit.objects.filter(level=level).delete()
    program_2019_build()
    current_year_build()
    assert not Offering.objects.exists() and not Participant.objects.exists()


@pytest.fixture(scope="module")
def program(django_db_setup, django_db_blocker):
    with clock_of_the_run(), django_db_blocker.unblock(), transaction.atomic():
        demo_site_build()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def year_2019(db, program):
    return Offering.objects.filter(starts_on__year=2019).select_related("unit", "course")


def test_2019_has_the_29_launch_conferences_of_the_report(year_2019):
    conferences = year_2019.filter(kind="conference")
    assert conferences.count() == 29 and set(conferences.values_list("track", flat=True)) == {""}
    assert conferences.filter(**PROVINCE_2019).values_list("code", flat=True).get() == "HN-2019-HN-00"
    districts = Counter(conferences.filter(unit__level="district").values_list("unit__code", flat=True))
    all_districts = set(
        AdministrativeUnit.objects.filter(scheme="pre-2025", level="district").values_list("code", flat=True)
    )
    assert len(all_districts) == 30 and set(districts.values()) == {1}
    assert all_districts - set(districts) == {"001", "007"}  # Ba Đình and Hai Bà Trưng held none
    assert all(datetime.date(2019, 3, 1) <= o.starts_on <= datetime.date(2019, 6, 30) for o in conferences)


def test_2019_has_31_classes_of_in_person_courses_of_their_track(year_2019):
    classes = list(year_2019.filter(kind="class"))
    assert Counter(o.track for o in classes) == {"steering": 1, "officers": 15, "producers": 15}
    for track in ("officers", "producers"):
        units = [o.unit for o in classes if o.track == track]
        assert len({unit.code for unit in units}) == 15 and {unit.level for unit in units} == {"district"}
    [steering] = [o for o in classes if o.track == "steering"]
    assert (steering.code, steering.unit.level) == ("HN-2019-BCD-01", "province")
    for offering in classes:
        course = offering.course
        assert course.get_parent().specific.code == offering.track
        assert not course.require_all_lessons and course.final_test_id is None
        assert 2 <= (offering.ends_on - offering.starts_on).days + 1 <= 3


def test_2019_has_the_five_study_tours(year_2019):
    tours = year_2019.filter(kind="study_tour")
    assert set(tours.values_list("venue", flat=True)) == {"Hải Phòng", "Quảng Ninh", "Nam Định", "Hà Tĩnh", "Thái Lan"}
    assert tours.filter(**PROVINCE_2019).count() == 5
    assert all(
        title.startswith("Tham quan học tập kinh nghiệm OCOP tại ") for title in tours.values_list("title", flat=True)
    )


def test_2019_offerings_are_coded_completed_and_attended_from_their_district(year_2019):
    assert year_2019.count() == 65
    assert all(
        re.fullmatch(r"HN-2019-(HN|BCD|CB|SX|TQ)-\d\d", code) for code in year_2019.values_list("code", flat=True)
    )
    assert set(year_2019.values_list("status", flat=True)) == {"completed"}
    enrollments = Enrollment.objects.filter(offering__in=year_2019)
    assert set(enrollments.values_list("participant__unit__scheme", "participant__unit__level")) == {
        ("pre-2025", "commune")
    }
    # A district's offering is attended by people of its communes.
    district_offerings = enrollments.filter(offering__unit__level="district")
    assert all(
        person_unit.startswith(f"{offering_unit}/")
        for offering_unit, person_unit in district_offerings.values_list(
            "offering__unit__path", "participant__unit__path"
        )
    )
    sizes = dict(year_2019.annotate(n=Count("enrollments")).values_list("code", "n"))
    assert 140 <= sizes["HN-2019-HN-00"] <= 160
    assert all(40 <= sizes[f"HN-2019-HN-{n:02d}"] <= 80 for n in range(1, 29))
    assert all(30 <= sizes[code] <= 45 for code in sizes if "-CB-" in code or "-SX-" in code or "-BCD-" in code)
    assert all(15 <= sizes[f"HN-2019-TQ-{n:02d}"] <= 25 for n in range(1, 6))


def test_people_come_back_and_each_is_one_participant(year_2019):
    enrollments = Enrollment.objects.filter(offering__in=year_2019)
    people = Participant.objects.filter(enrollments__offering__in=year_2019).distinct()
    phones = list(people.values_list("phone", flat=True))
    assert len(phones) == len(set(phones)) and all(phones)
    assert people.count() < enrollments.count()
    kinds = {}
    for person, kind, track in enrollments.values_list("participant", "offering__kind", "offering__track"):
        kinds.setdefault(person, set()).add((kind, track))
    officers = [k for k in kinds.values() if {("conference", ""), ("class", "officers")} <= k]
    producers = [
        k for k in kinds.values() if {("conference", ""), ("class", "producers"), ("study_tour", "producers")} <= k
    ]
    assert len(officers) > 100 and len(producers) > 10
    categories = set(people.values_list("category", flat=True))
    assert {
        "steering",
        "council",
        "advisory",
        "officer",
        "cooperative",
        "household",
        "farm",
        "enterprise",
    } <= categories
    assert not people.filter(
        category__in=["cooperative", "household", "farm", "enterprise"], organization=None
    ).exists()


def test_2019_sessions_are_closed_and_most_people_came(year_2019):
    sessions = Session.objects.filter(offering__in=year_2019)
    assert not sessions.filter(closed_at=None).exists()
    records = AttendanceRecord.objects.filter(session__offering__in=year_2019)
    expected = sum(
        offering.enrollments.count() * offering.sessions.count() for offering in year_2019.prefetch_related(None)
    )
    assert records.count() == expected  # one record per person and session
    statuses = Counter(records.values_list("status", flat=True))
    assert 0.85 <= statuses["present"] / sum(statuses.values()) <= 0.95
    assert statuses["late"] and statuses["absent"] and statuses["excused"]


def test_2019_certificates_go_to_the_eligible_in_classes_only(year_2019):
    certificates = Certificate.objects.filter(enrollment__offering__in=year_2019)
    assert not certificates.exclude(enrollment__offering__kind="class").exists()
    not_eligible = 0
    for offering in year_2019.filter(kind="class"):
        verdicts = offering_eligibility(offering)
        eligible = {v.enrollment.pk for v in verdicts if v.eligible}
        assert set(certificates.filter(enrollment__offering=offering).values_list("enrollment", flat=True)) == eligible
        not_eligible += offering.enrollments.count() - len(eligible)
    classes = year_2019.filter(kind="class").count()
    assert classes <= not_eligible <= 8 * classes  # a few per class missed too much
    assert not certificates.exclude(png="").exists()  # drawn on the first download, not when issued


def test_this_year_offerings_are_in_the_current_communes(db, program):
    today = timezone.localdate()
    offerings = Offering.objects.filter(code__in=current_codes(today.year)).select_related("unit")
    assert offerings.count() == 11
    assert {(o.unit.scheme, o.unit.level) for o in offerings} == {("current", "commune")}
    assert len({o.unit_id for o in offerings}) == 11
    assert {"steering", "officers", "producers", ""} <= set(offerings.values_list("track", flat=True))
    assert all(o.starts_on.year == o.ends_on.year == today.year for o in offerings)
    people = Participant.objects.filter(enrollments__offering__in=offerings)
    assert set(people.values_list("unit__scheme", flat=True)) == {"current"}
    for offering in offerings:
        if offering.ends_on < today:
            assert offering.status == "completed" and not offering.sessions.filter(closed_at=None).exists()
            assert AttendanceRecord.objects.filter(session__offering=offering).exists()
            if offering.kind == "class":
                assert Certificate.objects.filter(enrollment__offering=offering).exists()
        else:
            assert offering.starts_on > today and offering.status == "open"
            assert offering.enrollments.exists() and not offering.sessions.exists()
    # The other demos' offerings of this year are still there.
    year = today.year
    codes = {f"HN-{year}-SX-01", f"HN-{year}-HN-01", f"HN-{year}-TQ-01", f"HN-{year}-SX-00"}
    assert set(Offering.objects.filter(code__in=codes).values_list("code", flat=True)) == codes


def _counts():
    models = (Offering, Participant, Organization, Enrollment, Session, AttendanceRecord, Certificate)
    return {model.__name__: model.objects.count() for model in models}


def test_building_again_adds_nothing(db, program):
    before = _counts()
    demo_site_build()
    assert _counts() == before


def test_the_dashboard_for_2019_shows_the_reports_numbers(db, program, client):
    client.force_login(demo_user(Role.ADMINISTRATOR))
    figures = client.get("/admin/dashboard/", {"year": 2019}).context["figures"]
    assert figures.offerings == {"conference": 29, "class": 31, "study_tour": 5}
    assert figures.classes_by_track == {"steering": 1, "officers": 15, "producers": 15}
    coverage = figures.coverage
    assert (coverage["level"], coverage["units"], coverage["with_conference"]) == ("district", 30, 28)
    assert coverage["without_conference"] == ["Ba Đình", "Hai Bà Trưng"]
    assert 0 < figures.people < figures.enrollments  # people who came back count once
    assert figures.certificates > 0 and 80 < figures.attendance_rate <= 100


def test_this_years_targets_are_set_for_every_track(db, program):
    year = timezone.localdate().year
    assert set(TrainingTarget.objects.filter(year=year).values_list("track", flat=True)) == {
        "steering", "officers", "producers"
    }  # fmt: skip


def test_every_demo_certificate_names_its_offerings_course_and_is_dated_when_the_offering_ended(db, program):
    """What a learner reads on a demo certificate agrees with the class it came from: its course, and the
    day the class ended (its last session), not the day the demo was loaded."""
    today = timezone.localdate()
    certificates = list(Certificate.objects.select_related("enrollment__offering__course", "enrollment__participant"))
    assert len(certificates) > 100  # the 2019 classes, this year's held ones and the demo learner's
    last_session = dict(Session.objects.values("offering").annotate(last=Max("date")).values_list("offering", "last"))
    for certificate in certificates:
        offering = certificate.enrollment.offering
        assert certificate.course_title == offering.course.title, (certificate.serial, offering.code)
        assert offering.ends_on <= certificate.issued_on <= today, (certificate.serial, certificate.issued_on)
        assert certificate.issued_on == last_session[offering.pk], (certificate.serial, certificate.issued_on)
        assert certificate.serial.split("-")[1] == str(certificate.issued_on.year)  # the serial of that year
    # The demo learner's finished class is a class of the course its certificate names.
    [own] = [c for c in certificates if c.enrollment.participant.user_id == demo_user(Role.LEARNER).pk]
    assert fold(own.course_title) in fold(own.enrollment.offering.title)
    assert own.issued_on < today


def test_the_finished_offerings_have_survey_answers_so_results_show_figures(db, program, client):
    """About two in three of those who came answered (demo/surveys.py); the demo trainer reads the producers'
    classes; the demo learner's own finished class is left for them to answer."""
    from feedback.models import SurveyAnswered, SurveyResponse

    client.force_login(demo_user(Role.ADMINISTRATOR))
    figures = client.get("/admin/dashboard/", {"year": 2019}).context["figures"]
    satisfaction = figures.satisfaction
    assert 3.5 < satisfaction["average"] < 4.8 and 55 < satisfaction["response_rate"] < 80
    assert set(satisfaction) == {"average", "responses", "response_rate"}
    assert all(row["responses"] for row in figures.satisfaction_by_track.values())
    assert SurveyResponse.objects.filter(enrollment__isnull=False).count() == 0  # anonymous
    learner = demo_user(Role.LEARNER)
    assert not SurveyAnswered.objects.filter(enrollment__participant__user=learner).exists()
    trainer = demo_user(Role.TRAINER)
    client.force_login(trainer)
    page = client.get(f"/admin/feedback/trainers/{trainer.pk}/").content.decode()
    assert page.count("HN-2019-SX-") >= 15 and 'data-testid="trainer-overall">–<' not in page
