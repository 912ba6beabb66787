"""Who has earned a certificate, and if not, why not, in plain Vietnamese.

Classes follow their course's completion rules: the attendance minimum and every required
session (from attendance.selectors, counting all sessions), all lessons completed if the course
asks for it, the final test passed. Conferences and study tours (no course) give a certificate
of attendance: every required session attended. A fixed number of queries for the whole offering.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Max
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from attendance.selectors import offering_attendance
from courses.models import LessonProgress, QuizAttempt
from courses.selectors import course_lessons


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
    result = []
    for row in summary.rows:
        reasons = []
        if not summary.sessions:
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
        result.append(Eligibility(row.enrollment, reasons))
    return result
