"""The program's figures: counting rules, coverage across the 2025 reform, scope, targets."""

import datetime

import pytest
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import Role
from attendance.factories import SessionFactory
from attendance.models import AttendanceRecord
from certificates.models import Certificate
from courses.factories import CourseFactory, LessonFactory
from courses.models import CoursePage, QuizAttempt
from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import AdministrativeUnit, Enrollment, Offering
from home.models import TrainingTarget
from home.report.figures import program_figures
from home.report.filters import ReportFilter, ReportFilterForm

Kind = Offering.Kind
NOW = timezone.make_aware(datetime.datetime(2026, 11, 30, 12, 0))


def unit(name, scheme="pre-2025", level="district"):
    return AdministrativeUnit.objects.get(scheme=scheme, level=level, name=name)


def offering(where, kind=Kind.CLASS, track="producers", day=datetime.date(2019, 4, 10), **fields):
    return OfferingFactory(unit=where, kind=kind, track=track, starts_on=day, ends_on=day, status="completed",
                           **fields)  # fmt: skip


def enroll(offering, *people, status=Enrollment.Status.REGISTERED):
    return [Enrollment.objects.create(offering=offering, participant=person, status=status) for person in people]


def certificate(enrollment, **fields):
    number = Certificate.objects.count() + 1
    return Certificate.objects.create(
        enrollment=enrollment, serial=f"HN-2019-{number:06d}", code=f"CODE{number:06d}", full_name="x", title="x",
        kind="completion", course_title="x", offering_code=enrollment.offering.code, issuer="x", place="Hà Nội",
        starts_on=datetime.date(2019, 4, 10), ends_on=datetime.date(2019, 4, 10), **fields,
    )  # fmt: skip


@pytest.fixture
def program(db):
    """2019: a city conference, conferences in Gia Lâm and Đông Anh, two producer classes and an
    officers class; one person in all three classes; a cancelled and a draft class that do not count."""
    hanoi = AdministrativeUnit.objects.get(scheme="pre-2025", level="province")
    gia_lam, dong_anh = unit("Gia Lâm"), unit("Đông Anh")
    bat_trang = unit("Bát Tràng", level="commune")
    people = [
        ParticipantFactory(full_name="Nguyễn Thị Hồng Đào", gender="female", category="cooperative"),
        ParticipantFactory(full_name="Trần Văn Đức", gender="male", category="officer"),
        ParticipantFactory(full_name="Đỗ Thị Ngọc Ánh", gender="female", category="household"),
    ]
    city = offering(hanoi, Kind.CONFERENCE, track="", day=datetime.date(2019, 3, 5))
    enroll(city, *people)
    enroll(offering(gia_lam, Kind.CONFERENCE, track="", day=datetime.date(2019, 3, 20)), people[1])
    offering(dong_anh, Kind.CONFERENCE, track="")
    producers = offering(bat_trang, day=datetime.date(2019, 5, 6))  # a commune of Gia Lâm
    first, second, third = enroll(producers, *people)
    enroll(producers, ParticipantFactory(full_name="Lê Văn Cancelled"), status=Enrollment.Status.CANCELLED)
    enroll(offering(dong_anh), people[0])
    officers = offering(gia_lam, track="officers")
    enroll(officers, people[0], people[1])
    OfferingFactory(unit=gia_lam, kind=Kind.CLASS, track="producers", starts_on=datetime.date(2019, 6, 1),
                    ends_on=datetime.date(2019, 6, 1), status="cancelled")  # fmt: skip
    OfferingFactory(unit=gia_lam, kind=Kind.CLASS, track="producers", starts_on=datetime.date(2019, 6, 2),
                    ends_on=datetime.date(2019, 6, 2), status="draft")  # fmt: skip
    offering(hanoi, Kind.STUDY_TOUR, day=datetime.date(2019, 9, 9), venue="Quảng Ninh")
    # Two sessions of the producers class: Đào present twice, Đức late then absent, Ánh unmarked.
    sessions = [SessionFactory(offering=producers, date=producers.starts_on) for _ in range(2)]
    for session, (mine, his) in zip(sessions, [("present", "late"), ("present", "absent")], strict=True):
        AttendanceRecord.objects.create(enrollment=first, session=session, status=mine, method="sheet")
        AttendanceRecord.objects.create(enrollment=second, session=session, status=his, method="sheet")
    certificate(first)
    certificate(second, revoked_at=NOW)
    return {"people": people, "producers": producers, "officers": officers, "third": third}


def figures(**options):
    return program_figures(ReportFilter.for_year(2019, **options), now=NOW)


def test_the_year_in_figures(program, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        report = figures().as_json()
    assert report["year"] == 2019
    assert report["offerings"] == {"conference": 3, "class": 3, "study_tour": 1}
    assert report["classes_by_track"] == {"steering": 0, "officers": 1, "producers": 2}
    assert report["people"] == 3  # Đào is in a conference and three classes: once
    assert report["enrollments"] == 3 + 1 + 3 + 1 + 2
    assert report["people_by_gender"] == {"female": 2, "male": 1}
    # 3 active enrollments × 2 held sessions; Đào 2 + Đức 1 (late counts); Ánh unmarked counts as missed.
    assert report["attendance_rate"] == 50.0
    assert report["certificates"] == 1  # the revoked one does not count
    assert report["completion_rate"] == round(100 * 1 / 6, 1)  # three ended classes, six enrollments


def test_coverage_lists_the_districts_without_a_conference_or_a_class(program):
    coverage = figures().coverage
    assert coverage["level"] == "district" and coverage["units"] == 30
    assert coverage["with_conference"] == 2 and coverage["with_class"] == 2  # Bát Tràng counts for Gia Lâm
    assert "Hai Bà Trưng" in coverage["without_conference"] and "Gia Lâm" not in coverage["without_conference"]
    assert "Đông Anh" not in coverage["without_class"] and len(coverage["without_class"]) == 28


def test_units_table_counts_people_once_per_unit_and_the_city_level_apart(program):
    rows = {row.unit.name if row.unit else None: row for row in figures().units}
    assert rows[None].counts == {Kind.CONFERENCE: 1, Kind.STUDY_TOUR: 1}  # held at the city level
    assert rows["Gia Lâm"].counts == {Kind.CONFERENCE: 1, Kind.CLASS: 2}
    assert rows["Gia Lâm"].people == 3 and rows["Gia Lâm"].enrollments == 1 + 3 + 2
    assert rows["Đông Anh"].people == 1


def test_a_track_keeps_the_conferences_and_only_its_own_classes(program):
    report = figures(track="officers").as_json()
    assert report["offerings"] == {"conference": 3, "class": 1, "study_tour": 0}
    assert figures(kind=Kind.CLASS).as_json()["offerings"] == {"conference": 0, "class": 3, "study_tour": 0}


def test_earlier_years_can_be_read_under_todays_communes(program):
    report = figures(current_units=True)
    coverage = report.coverage
    assert coverage["level"] == "commune" and coverage["units"] == 126
    # The Gia Lâm conference reached every commune Gia Lâm's communes became part of, Bát Tràng among them.
    assert "Bát Tràng" not in coverage["without_conference"]
    assert "Hồng Hà" in coverage["without_conference"]  # in the old Ba Đình/Hoàn Kiếm area
    rows = {row.unit.name: row for row in report.listed_units}
    assert rows["Bát Tràng"].people == 3


def test_a_period_after_the_reform_is_read_by_current_communes(db):
    bat_trang = unit("Bát Tràng", scheme="current", level="commune")
    enroll(offering(bat_trang, day=datetime.date(2026, 3, 2)), ParticipantFactory())
    report = program_figures(ReportFilter.for_year(2026), now=NOW)
    assert report.coverage["level"] == "commune"
    assert report.coverage["with_class"] == 1
    assert {row.unit.name: row.people for row in report.listed_units}["Bát Tràng"] == 1


def test_an_organizer_sees_only_their_unit(program):
    organizer = UserFactory(role=Role.ORGANIZER, unit=unit("Đông Anh"))
    form = ReportFilterForm({"year": "2019"}, user=organizer)
    assert form.is_valid(), form.errors
    report = program_figures(form.report_filter(), now=NOW)
    assert report.as_json()["offerings"] == {"conference": 1, "class": 1, "study_tour": 0}
    assert report.coverage["level"] == "commune"  # the communes of Đông Anh
    assert report.people == 1
    assert not ReportFilterForm({"unit": unit("Gia Lâm").pk}, user=organizer).is_valid()


def test_targets_are_shown_beside_the_actual_figures_for_the_whole_program(program):
    TrainingTarget.objects.create(year=2019, track="producers", people=600, classes=15)
    row = next(row for row in figures().tracks if row.track == "producers")
    assert (row.classes, row.target.classes, row.classes_percent) == (2, 15, 13)
    assert (row.people, row.people_percent) == (3, 0)
    assert figures(unit=unit("Gia Lâm")).targets == {}  # a district's figures are not the program's plan


def test_knowledge_gain_compares_the_pre_test_with_the_final_test(program):
    course = CourseFactory(title="Phát triển sản phẩm OCOP")
    pre, final = LessonFactory(parent=course), LessonFactory(parent=course)
    CoursePage.objects.filter(pk=course.pk).update(pre_test=pre, final_test=final)
    producers = program["producers"]
    Offering.objects.filter(pk=producers.pk).update(course=course)
    for person, (before, after) in zip(program["people"][:2], [(40, 80), (50, 70)], strict=True):
        person.user = UserFactory()
        person.save()
        for lesson, score in ((pre, before), (final, after), (final, after - 20)):
            QuizAttempt.objects.create(user=person.user, lesson=lesson, course=course, answers={}, score=score,
                                       max_score=100, percent=score, passed=True)  # fmt: skip
    [row] = figures().knowledge
    assert (row.course, row.learners, row.before, row.after, row.gain) == ("Phát triển sản phẩm OCOP", 2, 45.0,
                                                                            75.0, 30.0)  # fmt: skip


def test_bad_filters_get_clear_messages(db):
    form = ReportFilterForm({"date_from": "2019-05-01"})
    assert not form.is_valid() and "__all__" in form.errors
    form = ReportFilterForm({"date_from": "2019-05-01", "date_to": "2019-01-01"})
    assert not form.is_valid() and "date_to" in form.errors
    assert not ReportFilterForm({"year": "99999999"}).is_valid()
