"""The admin home's panel about attendance: today's and this week's sessions, each a link to its sheet."""

from django.utils import timezone

from lms.admin_home import HomePanel, shown

from .selectors import week_sessions


class SessionsPanel(HomePanel):
    """For those who take attendance: the sessions of this week (Monday to Sunday) of the offerings of
    their units (administrators: every one) and of those they teach, today's first. One query."""

    name = "attendance_sessions"
    order = 100
    template_name = "attendance/admin_home_panel.html"
    permission = "attendance.add_attendancerecord"

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        sessions = week_sessions(self.request.user, today)
        today_rows, today_more = shown(session for session in sessions if session.date == today)
        week_rows, week_more = shown(session for session in sessions if session.date != today)
        return {
            **super().get_context_data(parent_context),
            "today": today,
            "today_rows": today_rows,
            "today_more": today_more,
            "week_rows": week_rows,
            "week_more": week_more,
        }
