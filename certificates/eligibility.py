"""Who has earned a certificate, and if not, why not, in plain Vietnamese.

Classes follow their course's completion rules: the attendance minimum and every required
session (from attendance.selectors, counting all sessions), all lessons completed if the course
asks for it, the final test passed, the post-class survey answered if the course asks for it
(feedback: online, or a paper form recorded as handed in). Conferences and study tours (no course) give a certificate
of attendance: every required session attended. A fixed number of queries for the whole offering,
and for any number of offerings (certificates_due: what is left to issue).
"""

from dataclasses import dataclass, field

from django.db.models import Count, Max
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from attendance.selectors import final_attendance, offering_attendance
from courses.models import LessonProgress, QuizAttempt
from courses.selectors import course_lesson_counts, course_lessons
from enrollment.models import Enrollment
from feedback.selectors import answered_enrollment_ids, offerings_with_survey


@dataclass
class Eligibility:
    enrollment: object
    reasons: list[str] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        return not self.reasons


def offering_eligibility(offering) -> list[Eligibility]:
    """Every active enrollment of `offering`, eligible or with its reasons, in name order."""
    summary = offering_attendance(offering, final=True)
    course = offering.course
    users = [row.enrollment.participant.user_id for row in summary.rows if row.enrollment.participant.user_id]
    lessons_done, best_final = {}, {}
    lesson_count = len(course_lessons(course)) if course is not None and course.require_all_lessons else 0
    if course is not None and users:
        if course.require_all_lessons:
            lessons_done = dict(
                LessonProgress.objects.filter(course=course, user_id__in=users)
                .values("user_id").annotate(n=Count("lesson_id", distinct=True)).values_list("user_id", "n")
            )  # fmt: skip
        if course.final_test_id:
            best_final = dict(
                QuizAttempt.objects.filter(lesson_id=course.final_test_id, user_id__in=users)
                .values("user_id").annotate(best=Max("percent")).values_list("user_id", "best")
            )  # fmt: skip
    has_sessions = bool(summary.sessions)
    surveys = _surveys([row.enrollment for row in summary.rows])
    return [
        Eligibility(
            row.enrollment, _reasons(row, course, has_sessions, lesson_count, lessons_done, best_final, surveys)
        )
        for row in summary.rows
    ]


def _surveys(enrollments) -> tuple[set[int], set[int]]:
    """(offerings with a survey, enrollments that answered it) among `enrollments` whose course asks for the
    survey: two queries, none when no course asks."""
    asked = [e for e in enrollments if e.offering.course and e.offering.course.survey_required]
    if not asked:
        return set(), set()
    return offerings_with_survey({e.offering_id for e in asked}), answered_enrollment_ids([e.pk for e in asked])


def _reasons(row, course, has_sessions, lesson_count, lessons_done, best_final, surveys) -> list[str]:
    """Why the enrollment of `row` (attendance.selectors.EnrollmentAttendance, final) has not earned its
    certificate; `lessons_done` and `best_final` by user id, `lesson_count` the course's live lessons,
    `surveys` from _surveys."""
    reasons = []
    if not has_sessions:
        reasons.append(_("no session has been scheduled"))
    if row.missed_required:
        reasons.append(
            ngettext("%(count)s required session missed", "%(count)s required sessions missed", row.missed_required)
            % {"count": row.missed_required}
        )
    if row.minimum is not None and row.rate is not None and row.rate < row.minimum:
        reasons.append(
            _("attendance %(rate)s %%, below the minimum of %(minimum)s %%")
            % {"rate": f"{row.rate:.0f}", "minimum": row.minimum}
        )
    user_id = row.enrollment.participant.user_id
    if course is not None and course.require_all_lessons:
        done = lessons_done.get(user_id, 0)
        if done < lesson_count:
            reasons.append(
                _("online lessons not all done (%(done)s of %(total)s)") % {"done": done, "total": lesson_count}
            )
    if course is not None and course.final_test_id:
        best = best_final.get(user_id)
        if best is None:
            reasons.append(_("final test not taken"))
        elif best < course.pass_mark:
            reasons.append(
                _("final test not passed (%(best)s %%, %(pass_mark)s %% needed)")
                % {"best": f"{best:.0f}", "pass_mark": course.pass_mark}
            )
    if course is not None and course.survey_required:
        with_survey, answered = surveys
        if row.enrollment.offering_id not in with_survey:
            reasons.append(_("the course asks for the post-class survey, but this class has none"))
        elif row.enrollment.pk not in answered:
            reasons.append(_("post-class survey not answered"))
    return reasons


def certificates_due(offerings) -> dict[int, int]:
    """For each of `offerings` (a queryset), how many of its active enrollments are eligible and have no
    certificate in force: what its certificates page counts as "to issue". Offerings with none are left
    out. The rules of offering_eligibility, in a fixed number of queries whatever the number of offerings."""
    enrollments = Enrollment.objects.filter(offering__in=offerings).exclude(certificates__is_current=True)
    rows = final_attendance(enrollments)
    courses = {row.enrollment.offering.course for row in rows} - {None}
    users = {row.enrollment.participant.user_id for row in rows} - {None}
    lesson_counts = course_lesson_counts(course for course in courses if course.require_all_lessons)
    lessons_done, best_final = {}, {}
    if lesson_counts and users:
        for course_id, user_id, n in (
            LessonProgress.objects.filter(course_id__in=lesson_counts, user_id__in=users)
            .values("course_id", "user_id").annotate(n=Count("lesson_id", distinct=True))
            .values_list("course_id", "user_id", "n")
        ):  # fmt: skip
            lessons_done.setdefault(course_id, {})[user_id] = n
    final_tests = {course.final_test_id for course in courses if course.final_test_id}
    if final_tests and users:
        for lesson_id, user_id, best in (
            QuizAttempt.objects.filter(lesson_id__in=final_tests, user_id__in=users)
            .values("lesson_id", "user_id").annotate(best=Max("percent"))
            .values_list("lesson_id", "user_id", "best")
        ):  # fmt: skip
            best_final.setdefault(lesson_id, {})[user_id] = best
    surveys = _surveys([row.enrollment for row in rows])
    due = {}
    for row in rows:
        course = row.enrollment.offering.course
        course_id, final_id = (course.pk, course.final_test_id) if course else (None, None)
        reasons = _reasons(
            row, course, row.held > 0, lesson_counts.get(course_id, 0), lessons_done.get(course_id, {}),
            best_final.get(final_id, {}), surveys,
        )  # fmt: skip
        if not reasons:
            due[row.enrollment.offering_id] = due.get(row.enrollment.offering_id, 0) + 1
    return due
