"""The organizer's certificates page for an offering: who is eligible and why not, bulk and
single issue (with a written override), revocation and re-issue, downloads."""

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from enrollment.admin_views import OfferingAdminView
from enrollment.models import Enrollment
from lms.params import parse_id

from . import services
from .eligibility import offering_eligibility
from .files import certificates_pdf
from .models import Certificate
from .services import CertificateError
from .tasks import certificates_issue_task, issue_progress, issue_started


class CertificatesView(OfferingAdminView):
    """A certificates page of an offering: for those who issue certificates, in their units."""

    permission_required = "certificates.add_certificate"
    header_icon = "doc-full"

    def get_offering_queryset(self):
        return super().get_offering_queryset().select_related("course", "unit")


class OfferingCertificatesView(CertificatesView):
    template_name = "certificates/offering_certificates.html"

    def get_page_title(self):
        return _("Certificates: %(code)s") % {"code": self.offering.code}

    def get(self, request, *args, **kwargs):
        offering = self.offering
        progress = issue_progress(offering.pk)
        certificates = {
            c.enrollment_id: c for c in Certificate.objects.filter(enrollment__offering=offering, is_current=True)
        }
        rows = [(verdict, certificates.get(verdict.enrollment.pk)) for verdict in offering_eligibility(offering)]
        to_issue = sum(1 for verdict, c in rows if verdict.eligible and c is None)
        in_force = sum(1 for certificate in certificates.values() if certificate.state == "valid")
        context = self.get_context_data(rows=rows, progress=progress, to_issue=to_issue, in_force=in_force)
        return self.render_to_response(context)

    def post(self, request, *args, **kwargs):
        _act(request, self.offering)
        return redirect("certificates:offering", pk=self.offering.pk)


class OfferingCertificatesStatusView(CertificatesView):
    """The progress bar's polling endpoint while certificates are issued in the background."""

    def get(self, request, *args, **kwargs):
        return JsonResponse(issue_progress(self.offering.pk) or {"running": False})


class OfferingCertificatesPrintView(CertificatesView):
    """Every certificate in force of the offering in one PDF, in the sign-in sheet's name order."""

    def get(self, request, *args, **kwargs):
        certificates = [
            certificate
            for certificate in Certificate.objects.filter(enrollment__offering=self.offering, is_current=True)
            .select_related("enrollment__participant")
            .order_by("enrollment__participant__sort_key", "pk")
            if certificate.state == "valid"
        ]
        if not certificates:
            messages.error(request, _("No certificate of this class is in force: there is nothing to print."))
            return redirect("certificates:offering", pk=self.offering.pk)
        response = HttpResponse(certificates_pdf(certificates), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="giay-chung-nhan-{self.offering.code}.pdf"'
        return response


def _act(request, offering):
    action = request.POST.get("action")
    try:
        if action == "issue_all":
            if issue_started(offering.pk):
                certificates_issue_task.enqueue(offering.pk, request.user.pk)
            return
        if action == "issue":
            enrollment = get_object_or_404(Enrollment, pk=parse_id(request.POST.get("enrollment")), offering=offering)
            certificate, _created = services.certificate_issue(
                enrollment=enrollment, by=request.user, override_reason=request.POST.get("override_reason", "")
            )
            messages.success(request, _("Certificate %(serial)s issued.") % {"serial": certificate.serial})
            return
        certificate = get_object_or_404(
            Certificate, pk=parse_id(request.POST.get("certificate")), enrollment__offering=offering
        )
        if action == "revoke":
            services.certificate_revoke(certificate=certificate, reason=request.POST.get("reason", ""), by=request.user)
            messages.success(request, _("Certificate %(serial)s revoked.") % {"serial": certificate.serial})
        elif action == "reissue":
            new = services.certificate_reissue(certificate=certificate, by=request.user)
            messages.success(request, _("Certificate %(serial)s issued to replace it.") % {"serial": new.serial})
    except CertificateError as error:
        messages.error(request, str(error))
