"""The base of the panels on the Wagtail admin's home page, which each app adds about its own data (its
wagtail_hooks.py, hook `construct_homepage_panels`): the attendance of this week's sessions, the rosters
waiting for a decision, the certificates to issue, the lessons in review, the program dashboard."""

from wagtail.admin.ui.components import Component

MAX_ROWS = 12  # a panel lists this many rows at most, then says how many more there are


class HomePanel(Component):
    """One panel: shown to the users `is_shown_to` lets in; its rows read by `get_context_data` in a fixed
    number of queries; its template (templates/<app>/admin_home_panel.html, in `{% panel %}`) says in a
    sentence when there is nothing to show."""

    name = ""
    order = 100
    permission = ""  # the permission that shows the panel; or override is_shown_to

    class Media:
        css = {"all": ["css/admin_home.css"]}

    def __init__(self, request):
        self.request = request

    @classmethod
    def is_shown_to(cls, user) -> bool:
        return not cls.permission or user.has_perm(cls.permission)

    @classmethod
    def add_to(cls, request, panels) -> None:
        """The hook's body: add the panel for whom it is meant."""
        if cls.is_shown_to(request.user):
            panels.append(cls(request))

    def get_context_data(self, parent_context=None):
        return {"request": self.request, "user": self.request.user, "panel": self}


def shown(rows, limit=MAX_ROWS) -> tuple[list, int]:
    """The first `limit` rows and how many more there are."""
    rows = list(rows)
    return rows[:limit], max(0, len(rows) - limit)
