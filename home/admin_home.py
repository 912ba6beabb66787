"""The Wagtail admin's home page, as staff first see it after signing in.

The to-do panels come from the apps that own the data (each app's wagtail_hooks.py, hook
`construct_homepage_panels`): today's and this week's sessions (attendance), rosters waiting for a decision
(enrollment), certificates to issue (certificates), lessons in review (courses, in place of Wagtail's two
workflow panels). This app adds the way to the program dashboard.

Wagtail's own counts at the top (pages, images, documents: `construct_homepage_summary_items`) are removed
for everyone: how many pages or images the site holds asks nothing of an organizer or a trainer and tells an
administrator nothing about the program, and each costs a query. The pages stay one click away in the menu
(Trang), as do images and documents. Wagtail's "your most recent edits" and "your locked pages" panels are
kept: they show only to those who edited or locked pages (trainers, administrators), and show nothing
otherwise.
"""

from lms.admin_home import HomePanel


class DashboardPanel(HomePanel):
    """The way to the program dashboard, for whoever may see it (home.view_dashboard): administrators, the
    whole program; organizers, their units."""

    name = "home_dashboard"
    order = 150
    template_name = "home/admin_home_panel.html"
    permission = "home.view_dashboard"

    def get_context_data(self, parent_context=None):
        user = self.request.user
        unit = None if user.has_perm("enrollment.manage_all_units") else user.unit
        return {**super().get_context_data(parent_context), "unit": unit}


def remove_summary_items(request, summary_items) -> None:
    summary_items[:] = []
