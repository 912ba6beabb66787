"""`program_report` prints the dashboard's figures; the home page shows this year's headline."""

import datetime
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from enrollment.factories import OfferingFactory, ParticipantFactory
from enrollment.models import AdministrativeUnit, Enrollment, Offering


def district(name):
    return AdministrativeUnit.objects.get(scheme="pre-2025", level="district", name=name)


@pytest.fixture
def year_2019(db):
    day = datetime.date(2019, 4, 2)
    for name in ("Gia Lâm", "Sóc Sơn"):
        OfferingFactory(unit=district(name), kind=Offering.Kind.CONFERENCE, starts_on=day, ends_on=day)
    klass = OfferingFactory(unit=district("Gia Lâm"), kind=Offering.Kind.CLASS, track="officers", starts_on=day,
                            ends_on=day)  # fmt: skip
    Enrollment.objects.create(offering=klass, participant=ParticipantFactory(full_name="Khuất Thị Đoan Trang"))


def report(*args):
    return json.loads(call_command("program_report", "--year", "2019", "--json", *args))


def test_the_json_report_has_the_figures_the_issue_names(year_2019, capsys):
    call_command("program_report", "--year", "2019", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["year"] == 2019
    assert data["offerings"] == {"conference": 2, "class": 1, "study_tour": 0}
    assert data["classes_by_track"] == {"steering": 0, "officers": 1, "producers": 0}
    assert (data["people"], data["enrollments"], data["certificates"]) == (1, 1, 0)
    assert data["attendance_rate"] is None  # no session held
    coverage = data["coverage"]
    assert (coverage["level"], coverage["units"], coverage["with_conference"], coverage["with_class"]) == (
        "district",
        30,
        2,
        1,
    )
    assert "Ba Đình" in coverage["without_conference"] and "Gia Lâm" not in coverage["without_class"]


def test_a_unit_narrows_the_report_to_its_communes(year_2019, capsys):
    call_command("program_report", "--year", "2019", "--unit", "018", "--json")  # Gia Lâm
    data = json.loads(capsys.readouterr().out)
    assert data["unit"] == "018" and data["offerings"]["conference"] == 1
    assert data["coverage"]["level"] == "commune" and "Bát Tràng" in data["coverage"]["without_class"]


def test_the_text_report_reads_in_vietnamese(year_2019, capsys):
    call_command("program_report", "--year", "2019")
    out = capsys.readouterr().out
    assert "Báo cáo năm 2019" in out
    assert "2/30 quận, huyện có hội nghị" in out and "Hai Bà Trưng" in out


@pytest.mark.parametrize(("args", "message"), [(["--unit", "99999"], "mã “99999”"), (["--year", "1850"], "1850")])
def test_bad_arguments_get_a_clear_message(db, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("program_report", *(["--year", "2019"] if args[0] != "--year" else []), *args)


def test_the_home_page_shows_this_years_headline(client, demo):
    today = timezone.localdate()
    hanoi = AdministrativeUnit.objects.get(scheme="current", level="province")
    klass = OfferingFactory(unit=hanoi, kind=Offering.Kind.CLASS, starts_on=today, ends_on=today)
    OfferingFactory(unit=hanoi, kind=Offering.Kind.CLASS, starts_on=today + datetime.timedelta(days=400),
                    ends_on=today + datetime.timedelta(days=400))  # next year: not held yet  # fmt: skip
    for person in ParticipantFactory.create_batch(2):
        Enrollment.objects.create(offering=klass, participant=person)
    html = client.get("/").content.decode()
    assert f"Chương trình năm {today.year}" in html
    headline = client.get("/").context["headline"]
    assert (headline.classes, headline.people, headline.certificates) == (1, 2, 0)
