"""Settings > Background tasks: the jobs of our queues, for program administrators, and a failed one run again."""

import re

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_rq import get_queue
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .health import queues_used
from .jobs import job_rerun, jobs_listed, task_label

JOB_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def jobs_allowed(user) -> bool:
    """Program administrators: jobs carry every unit's work (and who started it)."""
    return user.has_perm("enrollment.manage_all_units")


class JobsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "ops/jobs.html"
    page_title = gettext_lazy("Background tasks")
    header_icon = "cogs"

    def dispatch(self, request, *args, **kwargs):
        if not jobs_allowed(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": None, "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not queues_used():
            return {**context, "queued": False}
        rows = jobs_listed([get_queue(name) for name in settings.TASK_QUEUES])
        return {**context, "queued": True, "rows": [(row, task_label(row.task)) for row in rows]}

    def post(self, request):
        job_id, queue = request.POST.get("job", ""), request.POST.get("queue", "")
        if not queues_used() or queue not in settings.TASK_QUEUES or not JOB_ID.fullmatch(job_id):
            messages.error(request, _("There is no such failed task."))
        elif job_rerun(get_queue(queue), job_id):
            messages.success(request, _("The task is back in the queue and will run again."))
        else:
            messages.error(request, _("There is no such failed task."))
        return redirect("ops:jobs")
