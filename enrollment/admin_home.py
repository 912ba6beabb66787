"""The admin home's panel about enrollment: the rosters waiting for a decision, each a link to its preview."""

from lms.admin_home import HomePanel, shown

from .selectors import rosters_waiting


class RostersPanel(HomePanel):
    """For those who import rosters (enrollment.add_enrollment), in their units: the checked imports not
    yet imported. One query."""

    name = "enrollment_rosters"
    order = 110
    template_name = "enrollment/admin_home_panel.html"
    permission = "enrollment.add_enrollment"

    def get_context_data(self, parent_context=None):
        rows, more = shown(rosters_waiting(self.request.user))
        return {**super().get_context_data(parent_context), "rows": rows, "more": more}
