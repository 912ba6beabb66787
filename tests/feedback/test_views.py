"""The survey on the site: from the learner's classes and the last session's check-in, answered once."""

from datetime import time, timedelta
from unittest import mock

from django.urls import reverse

from attendance.factories import SessionFactory
from attendance.services import checkin_code
from enrollment.models import Participant
from feedback.models import SurveyAnswered, SurveyResponse

from .conftest import hold, post_data


def url(offering):
    return reverse("survey", args=[offering.code])


def test_a_learner_answers_from_my_classes_and_a_second_time_is_refused(client, held, standard):
    learner = held.learners[0]
    client.force_login(learner)
    card = client.get(reverse("my_classes")).content.decode()
    assert "Trả lời phiếu khảo sát" in card and url(held.offering) in card

    page = client.get(url(held.offering))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Phiếu khảo sát sau lớp tập huấn" in html and "Công tác tổ chức lớp học" in html
    assert 'name="csrfmiddlewaretoken"' in html

    response = client.post(url(held.offering), post_data(standard, rating=5, comment="Rất bổ ích"))
    assert response.status_code == 302 and response.url == url(held.offering)
    assert "Bạn đã trả lời phiếu khảo sát này. Cảm ơn bạn!" in client.get(url(held.offering)).content.decode()
    assert "Đã trả lời phiếu khảo sát" in client.get(reverse("my_classes")).content.decode()

    again = client.post(url(held.offering), post_data(standard, rating=1))
    assert again.status_code == 409
    assert "mỗi người trả lời một lần" in again.content.decode()
    assert SurveyResponse.objects.count() == 1


def test_two_submissions_crossing_are_settled_by_the_database(client, held, standard):
    """The second request passed the page's check before the first was saved: the constraint refuses it."""
    client.force_login(held.learners[0])
    client.post(url(held.offering), post_data(standard))
    with mock.patch("feedback.views.enrollment_answered", side_effect=[False, True]):
        response = client.post(url(held.offering), post_data(standard, rating=2))
    assert response.status_code == 409 and "mỗi người trả lời một lần" in response.content.decode()
    assert SurveyResponse.objects.count() == 1 and SurveyAnswered.objects.count() == 1


def test_a_form_with_a_question_left_out_says_which(client, held, standard):
    client.force_login(held.learners[0])
    data = post_data(standard)
    overall = standard.questions.get(is_overall=True)
    del data[f"q-{overall.pk}"]
    response = client.post(url(held.offering), {**data, f"q-{standard.questions.first().pk}": "²"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Một số câu hỏi chưa được trả lời" in html and html.count('class="field__error"') == 2
    assert not SurveyAnswered.objects.exists()


def test_who_may_open_the_survey(client, held, unit):
    assert client.get(url(held.offering)).url.startswith(reverse("account_login"))
    outsider = hold(unit, learners=1).learners[0]
    client.force_login(outsider)
    assert client.get(url(held.offering)).status_code == 404
    assert client.get(reverse("survey", args=["KHONG-CO"])).status_code == 404
    assert client.get(reverse("survey", args=["A" * 200])).status_code == 404


def test_before_the_last_session_the_page_says_when_it_opens(client, unit):
    held = hold(unit, learners=1, days_ago=-3)
    client.force_login(held.learners[0])
    html = client.get(url(held.offering)).content.decode()
    assert "Phiếu khảo sát mở vào ngày" in html and 'type="radio"' not in html
    assert "Trả lời phiếu khảo sát" not in client.get(reverse("my_classes")).content.decode()


def test_the_last_sessions_check_in_invites_to_the_survey(client, unit, clock):
    clock.at(14, 5)
    held = hold(unit, learners=2, days_ago=0)
    session = held.offering.sessions.get()
    session.starts_at, session.ends_at = time(14, 0), time(16, 0)
    session.save()
    client.force_login(held.learners[0])
    checkin = reverse("checkin", args=[session.pk, checkin_code(session)])
    html = client.post(checkin).content.decode()
    assert "Đây là buổi học cuối." in html and url(held.offering) in html
    # An earlier session does not invite.
    first = SessionFactory(offering=held.offering, date=clock.today - timedelta(days=1), starts_at=time(8, 0),
                           ends_at=time(23, 59))  # fmt: skip
    assert (
        "Đây là buổi học cuối."
        not in client.get(reverse("checkin", args=[first.pk, checkin_code(first)])).content.decode()
    )


def test_someone_without_an_account_answers_after_checking_in_by_phone(client, unit, clock, standard):
    clock.at(14, 5)
    held = hold(unit, learners=1, days_ago=0)
    session = held.offering.sessions.get()
    session.starts_at, session.ends_at, session.phone_checkin = time(14, 0), time(16, 0), True
    session.save()
    person = Participant.objects.create(full_name="Lò Văn Páo", phone="0912345678", birth_year=1975,
                                        name_key="lo van pao", sort_key="pao lo van")  # fmt: skip
    held.offering.enrollments.create(participant=person)
    checkin = reverse("checkin", args=[session.pk, checkin_code(session)])
    client.get(checkin)
    html = client.post(checkin, {"phone": "0912 345 678", "birth_year": "1975"}).content.decode()
    assert url(held.offering) in html
    assert client.get(url(held.offering)).status_code == 200
    assert client.post(url(held.offering), post_data(standard)).status_code == 302
    assert SurveyAnswered.objects.get().enrollment.participant == person
    client.cookies.clear()  # another browser: nothing granted
    assert client.get(url(held.offering)).url.startswith(reverse("account_login"))


def test_the_survey_page_runs_a_fixed_number_of_queries(client, unit, standard, django_assert_max_num_queries):
    counts = []
    for learners in (3, 30):
        held = hold(unit, learners=learners)
        client.force_login(held.learners[0])
        client.get(reverse("my_classes"))  # the site's own lookups, cached from then on
        with django_assert_max_num_queries(14) as shown:
            assert client.get(url(held.offering)).status_code == 200
        with django_assert_max_num_queries(27) as sent:
            assert client.post(url(held.offering), post_data(standard, comment="Tốt")).status_code == 302
        counts.append((len(shown), len(sent)))
    assert counts[0] == counts[1]


def test_my_classes_stays_a_fixed_number_of_queries_with_surveys(client, unit, django_assert_max_num_queries):
    counts = []
    for classes in (1, 9):
        learner = hold(unit, learners=1).learners[0]
        for _ in range(classes - 1):
            hold(unit, learners=0).offering.enrollments.create(participant=learner.participant)
        client.force_login(learner)
        client.get(reverse("my_classes"))  # the site's own lookups, cached from then on
        with django_assert_max_num_queries(12) as queries:
            html = client.get(reverse("my_classes")).content.decode()
        assert html.count("Trả lời phiếu khảo sát") == classes
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_survey_page_fits_a_phone(client, held):
    client.force_login(held.learners[0])
    html = client.get(url(held.offering)).content.decode()
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in html
    assert "css/survey.css" in html and 'class="scale"' in html


def test_an_offering_without_a_survey_has_no_page_and_no_card(client, held):
    from feedback.services import offering_survey_set

    offering_survey_set(offering=held.offering, template=None)
    client.force_login(held.learners[0])
    assert client.get(url(held.offering)).status_code == 404
    assert "phiếu khảo sát" not in client.get(reverse("my_classes")).content.decode().lower()
