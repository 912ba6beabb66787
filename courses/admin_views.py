"""The review of lessons in the admin: Wagtail's own workflow views, telling the reviewer what happened.

A reviewer approves or asks for changes either from the dashboard's "Awaiting your review" (Wagtail's
workflow action view, which answers with no message at all) or from the lesson's editor (which says only
that the page was updated). Both now say it in words: approved and published, or changes requested.
Registered for lessons by courses.viewsets.LessonPageViewSet."""

from django.contrib import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import TaskState

from .review import review_message


class LessonReviewActionView(WorkflowActionView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.status != TaskState.STATUS_IN_PROGRESS:  # acted on (an invalid form changes nothing)
            messages.success(request, review_message(self.object, self.action_name))
        return response


class LessonEditView(EditView):
    def perform_workflow_action(self):
        self.review_action = self.workflow_action
        return super().perform_workflow_action()

    def add_save_confirmation_message(self):
        action = getattr(self, "review_action", None)
        if action in ("approve", "reject"):
            messages.success(self.request, review_message(self.page, action))
        else:
            super().add_save_confirmation_message()
