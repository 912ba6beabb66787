"""Surveys' business rules: which survey an offering uses, answering it (online or a paper form typed in),
once per enrollment, and reminding those who have not answered.

Answers are given as {question id: value}: a rating 1-5 (int), an option's place in the list (int) or several
(a list of int), a text (str); a missing or empty value is no answer. Each submission is one transaction that
writes the "answered" row first, so a second submission, even a simultaneous one, fails on its unique
constraint before anything else is written.
"""

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from enrollment.models import Enrollment
from lms.params import single_line
from lms.site import site_url

from .models import (
    SCALE,
    Channel,
    OfferingSurvey,
    SurveyAnswer,
    SurveyAnswered,
    SurveyReminder,
    SurveyResponse,
    SurveyTemplate,
)
from .selectors import offering_template, pending_enrollments, survey_is_open, template_questions

MAX_TEXT = 2000  # characters kept of a free-text answer
QUIET_HOURS = (21, 7)  # no reminder from 21:00 to 07:00, Hanoi time


class SurveyError(Exception):
    """A refusal a person should read."""


def offering_survey_set(*, offering, template, use_default: bool = False) -> OfferingSurvey | None:
    """Use `template` (None: no survey) for `offering`, or its kind's default (`use_default`). Refused once
    answers are in, if that changes its survey: the answers belong to the survey they answered."""
    with transaction.atomic():
        current = offering_template(offering)
        chosen = SurveyTemplate.objects.filter(default_for=offering.kind).first() if use_default else template
        answered = SurveyAnswered.objects.filter(enrollment__offering=offering)
        if chosen != current and (offering.survey_responses.exists() or answered.exists()):
            raise SurveyError(_("Answers are already in: the survey of this offering can no longer change."))
        if use_default:
            OfferingSurvey.objects.filter(offering=offering).delete()
            return None
        own, _created = OfferingSurvey.objects.update_or_create(offering=offering, defaults={"template": template})
        return own


def _answer_rows(questions, answers: dict, *, paper: bool = False) -> list[SurveyAnswer]:
    """The answer rows for `answers`, or SurveyError naming the first question wrongly answered (or, online,
    required and not answered: a paper form is typed in as it was filled in)."""
    rows = []
    for question in questions:
        value = answers.get(question.pk)
        if value in (None, "", []):
            if question.required and not paper:
                raise SurveyError(_("Please answer: “%(question)s”.") % {"question": question.text})
            continue
        wrong = SurveyError(_("This answer is not one of the choices: “%(question)s”.") % {"question": question.text})
        if question.kind == "scale":
            if type(value) is not int or value not in SCALE:
                raise wrong
            rows.append(SurveyAnswer(question=question, scale=value))
        elif question.kind == "text":
            text = str(value).replace("\x00", "").strip()[:MAX_TEXT]
            if text:
                rows.append(SurveyAnswer(question=question, text=text))
        else:
            chosen = value if question.kind == "multiple" and isinstance(value, list | tuple) else [value]
            count = len(question.option_list)
            if any(type(option) is not int or not 0 <= option < count for option in chosen):
                raise wrong
            rows += [SurveyAnswer(question=question, option=option) for option in sorted(set(chosen))]
    return rows


def _response_write(*, offering, template, rows, enrollment, channel) -> SurveyResponse:
    # The survey is recorded with the offering on the first answer: its answers stay with it whatever the
    # defaults become.
    OfferingSurvey.objects.get_or_create(offering=offering, defaults={"template": template})
    response = SurveyResponse.objects.create(
        offering=offering, template=template, channel=channel,
        enrollment=enrollment if enrollment is not None and not template.anonymous else None,
    )  # fmt: skip
    for row in rows:
        row.response = response
    SurveyAnswer.objects.bulk_create(rows)
    return response


def _answered_mark(enrollment, channel, today) -> None:
    """The "answered" row, first of all: a second submission fails here, and writes nothing."""
    try:
        with transaction.atomic():
            SurveyAnswered.objects.create(enrollment=enrollment, channel=channel, answered_on=today)
    except IntegrityError:
        raise SurveyError(_("This survey has already been answered: each person answers once.")) from None


def survey_submit(*, enrollment, answers: dict, today=None) -> SurveyResponse:
    """A learner's own answers, online: once, when the survey is open (from the day of the last session)."""
    today = today or timezone.localdate()
    offering = enrollment.offering
    template = offering_template(offering)
    if template is None:
        raise SurveyError(_("This offering has no survey."))
    if enrollment.status not in Enrollment.ACTIVE:
        raise SurveyError(_("Only people who took part can answer this survey."))
    if not survey_is_open(offering, today=today):
        raise SurveyError(_("The survey opens on the day of the last session."))
    rows = _answer_rows(template_questions(template), answers)
    with transaction.atomic():
        _answered_mark(enrollment, Channel.ONLINE, today)
        return _response_write(offering=offering, template=template, rows=rows, enrollment=enrollment,
                               channel=Channel.ONLINE)  # fmt: skip


def survey_paper_record(*, offering, answers: dict, handed_in_by=None, today=None) -> SurveyResponse:
    """A paper form typed in by staff. `handed_in_by` (optional, an active enrollment of `offering`): who
    handed it in, recorded as answered (for the certificate, and no reminder), and kept with the answers only
    when the survey is named."""
    today = today or timezone.localdate()
    template = offering_template(offering)
    if template is None:
        raise SurveyError(_("This offering has no survey."))
    if handed_in_by is not None and (
        handed_in_by.offering_id != offering.pk or handed_in_by.status not in Enrollment.ACTIVE
    ):
        raise SurveyError(_("That person is not enrolled in this offering."))
    rows = _answer_rows(template_questions(template), answers, paper=True)
    if not rows:
        raise SurveyError(_("The form is empty: type at least one answer."))
    with transaction.atomic():
        if handed_in_by is not None:
            _answered_mark(handed_in_by, Channel.PAPER, today)
        return _response_write(offering=offering, template=template, rows=rows, enrollment=handed_in_by,
                               channel=Channel.PAPER)  # fmt: skip


def survey_submit_many(*, offering, submissions, today) -> int:
    """Online answers of several enrollments of `offering` at once ([(enrollment, answers)], the demo's
    program): the rules of survey_submit in a few queries; those already answered are skipped. How many
    were written."""
    template = offering_template(offering)
    if template is None:
        return 0
    questions = template_questions(template)
    with transaction.atomic():
        done = set(SurveyAnswered.objects.filter(enrollment__offering=offering).values_list("enrollment_id", flat=True))
        todo = [(e, answers) for e, answers in submissions if e.pk not in done and e.status in Enrollment.ACTIVE]
        if not todo:
            return 0
        OfferingSurvey.objects.get_or_create(offering=offering, defaults={"template": template})
        SurveyAnswered.objects.bulk_create(
            SurveyAnswered(enrollment=e, channel=Channel.ONLINE, answered_on=today) for e, _answers in todo
        )
        responses, rows = [], []
        for enrollment, answers in todo:
            response = SurveyResponse(offering=offering, template=template, channel=Channel.ONLINE,
                                      enrollment=None if template.anonymous else enrollment)  # fmt: skip
            responses.append(response)
            for row in _answer_rows(questions, answers):
                row.response = response
                rows.append(row)
        SurveyResponse.objects.bulk_create(responses)
        SurveyAnswer.objects.bulk_create(rows, batch_size=500)
    return len(todo)


def survey_reminders_check(*, offering, now=None) -> None:
    """SurveyError when reminders may not go now: at night, or the survey is not open."""
    now = timezone.localtime(now)
    if now.hour >= QUIET_HOURS[0] or now.hour < QUIET_HOURS[1]:
        raise SurveyError(_("Reminders are not sent at night (21:00 to 07:00). Please send them in the morning."))
    if offering_template(offering) is None or not survey_is_open(offering, today=now.date()):
        raise SurveyError(_("The survey of this offering is not open."))


def survey_reminders_send(*, offering, now=None) -> int:
    """Email those of `offering` who have not answered its open survey, once a day at most each, never at
    night. How many were emailed. Safe to run twice (a task may be)."""
    now = timezone.localtime(now)
    survey_reminders_check(offering=offering, now=now)
    template = offering_template(offering)
    if template.anonymous:
        body = _(
            "Dear %(name)s,\n\nThank you for taking part in “%(title)s”. Please tell us what you thought of it: the "
            "survey takes a few minutes and does not record your name.\n%(url)s\n"
        )
    else:
        body = _(
            "Dear %(name)s,\n\nThank you for taking part in “%(title)s”. Please tell us what you thought of it: the "
            "survey takes a few minutes.\n%(url)s\n"
        )
    sent, url = 0, site_url(reverse("survey", args=[offering.code]))
    for enrollment in pending_enrollments(offering).select_related("participant__user"):
        person = enrollment.participant
        email = person.email or (person.user.email if person.user_id else "")
        if not email:
            continue
        try:
            with transaction.atomic():
                SurveyReminder.objects.create(enrollment=enrollment, sent_on=now.date())
        except IntegrityError:  # reminded today already
            continue
        send_mail(
            subject=single_line(_("Your opinion of %(title)s") % {"title": offering.title}),
            message=body % {"name": person.full_name, "title": offering.title, "url": url},
            from_email=None,
            recipient_list=[email],
        )
        sent += 1
    return sent
