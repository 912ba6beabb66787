"""The admin home's panel about the lesson review workflow ("Duyệt bài giảng", courses/review.py).

It replaces Wagtail's two workflow panels ("Awaiting your review", "Your pages and snippets in a workflow"):
they show nothing at all when empty, and run queries for every page listed. This one says so when there is
nothing to review and runs a fixed number of queries. Reviewers (administrators) see the lessons waiting for
them, each a link to its editor, where the review happens, and the same approve / approve with comment /
request changes actions and preview as Wagtail's panel; trainers see the lessons they submitted, waiting or
sent back with the reviewer's comment.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.views.home import UserObjectsInWorkflowModerationPanel, WorkflowObjectsToModeratePanel

from lms.admin_home import HomePanel, shown

from .selectors import can_review, pages_in_review_by, pages_to_review

REPLACED = {WorkflowObjectsToModeratePanel.name, UserObjectsInWorkflowModerationPanel.name}


class ReviewPanel(HomePanel):
    name = "courses_review"
    order = 130
    template_name = "courses/admin_home_panel.html"

    @classmethod
    def is_shown_to(cls, user) -> bool:
        return can_review(user) or user_has_any_page_permission(user)

    def get_context_data(self, parent_context=None):
        user = self.request.user
        reviewer = can_review(user)
        rows, more = shown(pages_to_review(user) if reviewer else pages_in_review_by(user))
        return {
            **super().get_context_data(parent_context),
            "reviewer": reviewer,
            "heading": _("Lessons waiting for your review") if reviewer else _("Your lessons in review"),
            "rows": rows,
            "more": more,
        }


def replace_workflow_panels(request, panels) -> None:
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED]
    ReviewPanel.add_to(request, panels)
