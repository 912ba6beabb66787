"""The moderation workflow every lesson goes through: "Duyệt bài giảng".

Wagtail ships a default workflow for its "Moderators" group, assigned to the
root page; our roles replace that group, so the workflow is renamed and its
task given to program administrators. Trainers, who cannot publish, submit
their lessons to it; administrators approve or ask for changes, with a comment.
"""

from django.apps import apps as global_apps
from django.utils.translation import gettext as _
from wagtail.models import Page

from accounts.roles import Role

WORKFLOW_NAME = "Duyệt bài giảng"
TASK_NAME = "Quản trị chương trình phê duyệt"


def review_workflow_ensure(apps=global_apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    workflow = (
        Workflow.objects.filter(name=WORKFLOW_NAME).first()
        or Workflow.objects.filter(name="Moderators approval").first()
        or Workflow(name=WORKFLOW_NAME)
    )
    workflow.name = WORKFLOW_NAME
    workflow.active = True
    workflow.save()

    link = WorkflowTask.objects.filter(workflow=workflow).order_by("sort_order").first()
    task = GroupApprovalTask.objects.filter(pk=link.task_id).first() if link else None
    if task is None:
        content_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=content_type, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    task.name = TASK_NAME
    task.active = True
    task.save()
    administrators, _created = Group.objects.get_or_create(name=Role.ADMINISTRATOR.value)
    task.groups.set([administrators])

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow


def review_message(page, action: str) -> str:
    """What the reviewer reads once they have approved a lesson or asked for changes (Wagtail's own
    workflow views say nothing, or only that the page was updated)."""
    page = Page.objects.get(pk=page.pk)  # as the action left it: published, or still in review
    title = page.get_admin_display_title()
    if action == "reject":
        return _("Changes requested on the lesson “%(title)s”: whoever submitted it is notified.") % {"title": title}
    if page.workflow_in_progress:
        return _("Lesson “%(title)s” approved: it goes on to the next review step.") % {"title": title}
    if page.live:
        return _("Lesson “%(title)s” approved and published.") % {"title": title}
    return _("Lesson “%(title)s” approved.") % {"title": title}
