"""Satisfaction in the program's figures: `program_report --json` (per year and per track) and the dashboard."""

import json

from django.core.management import call_command
from django.urls import reverse

from feedback import services

from .conftest import answers_for, hold


def test_program_report_gives_satisfaction_per_year_and_track(unit, standard, capsys):
    producers = hold(unit, learners=4, track="producers")
    officers = hold(unit, learners=2, track="officers")
    hold(unit, learners=3, track="officers", days_ago=-20)  # its survey is not open yet: not in the rate
    for enrollment, rating in zip(producers.enrollments, [5, 4, 3], strict=False):
        services.survey_submit(enrollment=enrollment, answers=answers_for(standard, rating=rating))
    services.survey_submit(enrollment=officers.enrollments[0], answers=answers_for(standard, rating=2))
    call_command("program_report", "--year", str(producers.offering.starts_on.year), "--json")
    satisfaction = json.loads(capsys.readouterr().out)["satisfaction"]
    # 4 forms of the 6 people in the two offerings whose survey is open (whatever the year of the third).
    assert satisfaction["response_rate"] == round(100 * 4 / 6, 1)
    assert satisfaction["average"] == 3.5 and satisfaction["responses"] == 4
    assert satisfaction["by_track"]["producers"] == {"average": 4.0, "responses": 3, "response_rate": 75.0}
    assert satisfaction["by_track"]["officers"]["average"] == 2.0
    assert satisfaction["by_track"]["steering"] == {"average": None, "responses": 0, "response_rate": None}


def test_the_dashboard_shows_satisfaction_beside_attendance_and_completion(admin_client, unit, standard):
    held = hold(unit, learners=4)
    for enrollment in held.enrollments[:3]:
        services.survey_submit(enrollment=enrollment, answers=answers_for(standard, rating=4))
    html = admin_client.get(reverse("dashboard:index"), {"year": held.offering.starts_on.year}).content.decode()
    kpi = html[html.index('data-testid="kpi-satisfaction"') :]
    kpi = kpi[: kpi.index("</li>")]
    assert "4,0/5" in kpi and "hài lòng" in kpi and "75,0 % trả lời" in kpi
    assert "Mức độ hài lòng chung theo phiếu khảo sát (1-5)" in html
