"""The program dashboard in the Wagtail admin, its tables as XLSX, and the site history report."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports.audit_logging import LogEntriesView

from .report.charts import report_charts
from .report.figures import program_figures
from .report.filters import ReportFilterForm
from .report.tables import TABLES

FILTER_FIELDS = set(ReportFilterForm.base_fields)


def _form(request) -> ReportFilterForm:
    if not request.user.has_perm("home.view_dashboard"):
        raise PermissionDenied
    asked = {key: value for key, value in request.GET.items() if key in FILTER_FIELDS and value}
    return ReportFilterForm(asked or {"year": timezone.localdate().year}, user=request.user)


class DashboardView(WagtailAdminTemplateMixin, View):
    """The figures of a year or a period, filtered; 400 with the form's errors when a filter is wrong."""

    template_name = "home/dashboard.html"
    page_title = _("Program dashboard")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        # The title stays in the page's header, so that the printed report has it (print hides breadcrumbs).
        return []

    def get(self, request, *args, **kwargs):
        form = _form(request)
        context = self.get_context_data(form=form, query=request.GET.urlencode())
        if form.is_valid():
            figures = program_figures(form.report_filter())
            # The offering list can run to thousands of rows: the page shows its count, the export the list.
            tables = {name: build(figures) for name, build in TABLES.items() if name != "offerings"}
            context.update(figures=figures, charts=report_charts(figures), tables=tables)
        return self.render_to_response(context, status=200 if form.is_valid() else 400)


def dashboard_export(request, table):
    form = _form(request)
    if table not in TABLES:
        raise Http404
    if not form.is_valid():
        return HttpResponse("; ".join(message for errors in form.errors.values() for message in errors), status=400,
                            content_type="text/plain; charset=utf-8")  # fmt: skip
    report_filter = form.report_filter()
    built = TABLES[table](program_figures(report_filter))
    period = report_filter.year or f"{report_filter.date_from:%Y%m%d}-{report_filter.date_to:%Y%m%d}"
    response = HttpResponse(
        built.dataset().export("xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="bao-cao-{period}-{built.slug}.xlsx"'
    return response


class SiteHistoryView(LogEntriesView):
    """Wagtail's site history, for program administrators only: it lists every change to every unit's
    people (Wagtail shows an entry to anyone allowed to view its kind of object, whatever the unit)."""

    def dispatch(self, request, *args, **kwargs):
        if not site_history_allowed(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


def site_history_allowed(user) -> bool:
    return user.has_perm("enrollment.manage_all_units")
