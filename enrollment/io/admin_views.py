"""Admin pages: the year's plan, organizations and OCOP products imported through the shared
upload-preview-confirm page (lms.dataimport.views), the plan's template and the two lists as XLSX."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.dataimport.views import DataImportView
from lms.dataimport.xlsx import dataset_workbook, xlsx_response

from . import plan, products


class PlanImportView(DataImportView):
    kind = "plan"
    resource_class = plan.PlanResource
    permissions = ("enrollment.add_offering", "enrollment.change_offering")
    page_title = gettext_lazy("Import the year's training plan")
    file_label = gettext_lazy("Plan workbook")
    intro = gettext_lazy(
        "One row per class, conference or study tour. New codes are created as drafts; a code already "
        "recorded updates that offering while it is a draft; rows that change nothing are left alone."
    )
    preview_columns = (plan.CODE, plan.KIND, plan.COURSE, plan.TITLE, plan.UNIT, plan.STARTS, plan.ENDS)
    template_url_name = "enrollment:plan_template"
    index_url_name = "offerings:index"
    index_label = gettext_lazy("Classes and events")

    def get_done_url(self):
        return reverse("offerings:index") + "?status=draft"

    def success_message(self, report, filename):
        counts = report.counts
        return _(
            "Plan %(file)s imported: %(new)s new offerings (drafts), %(changed)s changed, %(unchanged)s unchanged."
        ) % {"file": filename, "new": counts["new"], "changed": counts["changed"], "unchanged": counts["unchanged"]}


class OrganizationsImportView(DataImportView):
    kind = "organizations"
    resource_class = products.OrganizationResource
    permissions = ("enrollment.add_organization", "enrollment.change_organization")
    page_title = gettext_lazy("Import organizations")
    file_label = gettext_lazy("List of organizations")
    intro = gettext_lazy(
        "Organizations are matched by their tax code, or by their name within their unit. Start from the "
        "current list: edit it, add rows, and upload it."
    )
    preview_columns = (products.ORG_NAME, products.ORG_KIND, products.TAX_CODE, products.ORG_UNIT)
    template_url_name = "enrollment:organizations_export"
    template_link_text = gettext_lazy("Download the current list (XLSX)")
    index_url_name = "organizations:index"
    index_label = gettext_lazy("Organizations")


class ProductsImportView(DataImportView):
    kind = "ocop_products"
    resource_class = products.OcopProductResource
    permissions = ("enrollment.add_ocopproduct", "enrollment.change_ocopproduct")
    page_title = gettext_lazy("Import OCOP products")
    file_label = gettext_lazy("List of OCOP products")
    intro = gettext_lazy(
        "Products are matched by their organization, name and year ranked; the organizations must be "
        "recorded first. Start from the current list: edit it, add rows, and upload it."
    )
    preview_columns = (products.PRODUCT, products.OWNER, products.STARS, products.YEAR, products.CATEGORY)
    template_url_name = "enrollment:products_export"
    template_link_text = gettext_lazy("Download the current list (XLSX)")
    index_url_name = "ocop_products:index"
    index_label = gettext_lazy("OCOP products")


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def plan_template(request):
    _require(request, "enrollment.add_offering")
    choices = {
        plan.KIND: [labels[0] for labels in plan.KIND_LABELS.values()],
        plan.TRACK: [labels[0] for labels in plan.TRACK_LABELS.values()],
    }
    content = dataset_workbook(plan.template_dataset(request.user), choices=choices, notes=plan.TEMPLATE_NOTES)
    return xlsx_response(content, f"ke-hoach-dao-tao-{timezone.localdate().year}.xlsx")


def organizations_export(request):
    _require(request, "enrollment.view_organization")
    content = dataset_workbook(products.organizations_dataset(request.user))
    return xlsx_response(content, "to-chuc.xlsx")


def products_export(request):
    _require(request, "enrollment.view_ocopproduct")
    choices = {products.CATEGORY: [labels[0] for labels in products.CATEGORY_LABELS.values()]}
    content = dataset_workbook(products.products_dataset(request.user), choices=choices)
    return xlsx_response(content, "san-pham-ocop.xlsx")
