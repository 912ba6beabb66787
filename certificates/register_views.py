"""Admin pages of the certificate register: a year's register (the page under Reports, and its XLSX)
and an offering's (a button on the offering's certificates page)."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enrollment.admin_views import OfferingAdminView
from lms.admin_views import AdminPageView, requested_year
from lms.dataimport.xlsx import dataset_workbook, xlsx_response

from .register import (
    offering_certificates,
    register_dataset,
    state_counts,
    visible_certificates,
    year_certificates,
)

PERMISSION = "certificates.view_certificate"


def _day(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


class CertificateRegisterView(AdminPageView):
    """A year's register: how many certificates in each state, and the register to download."""

    template_name = "certificates/certificate_register.html"
    page_title = gettext_lazy("Certificate register")
    header_icon = "doc-full"
    permission = PERMISSION

    def get_context_data(self, **kwargs):
        year = requested_year(self.request)
        counts = state_counts(year_certificates(self.request.user, year))
        counts["valid"] = counts["total"] - counts["replaced"] - counts["revoked"] - counts["expired"]
        issued = visible_certificates(self.request.user).dates("issued_on", "year")
        years = [day.year for day in issued] + [timezone.localdate().year, year]
        return super().get_context_data(year=year, counts=counts, years=sorted(set(years), reverse=True), **kwargs)


def register_export(request):
    """A year's register as XLSX (`?year=`, this year by default)."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    year = requested_year(request)
    dataset = register_dataset(year_certificates(request.user, year))
    content = dataset_workbook(dataset, title_lines=[_("CERTIFICATE REGISTER"), _("Year %(year)s") % {"year": year}])
    return xlsx_response(content, f"so-cap-giay-chung-nhan-{year}.xlsx")


class OfferingRegisterView(OfferingAdminView):
    """An offering's register as XLSX."""

    permission_required = PERMISSION

    def get(self, request, *args, **kwargs):
        offering = self.offering
        dataset = register_dataset(offering_certificates(offering))
        lines = [
            _("CERTIFICATE REGISTER"),
            f"{offering.code} – {offering.title}",
            _("From %(start)s to %(end)s") % {"start": _day(offering.starts_on), "end": _day(offering.ends_on)},
        ]
        return xlsx_response(dataset_workbook(dataset, title_lines=lines), f"so-cap-gcn-{offering.code}.xlsx")
