"""The organizer's certificates page for an offering: who is eligible and why not, bulk and
single issue (with a written override), revocation and re-issue, downloads."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from enrollment import scope
from enrollment.models import Enrollment, Offering
from lms.params import parse_id

from . import services
from .eligibility import offering_eligibility
from .models import Certificate
from .services import CertificateError
from .tasks import certificates_issue_task, issue_progress, issue_started


def _offering(request, pk):
    if not request.user.has_perm("certificates.add_certificate"):
        raise PermissionDenied
    offerings = scope.scope_offerings(request.user, Offering.objects.select_related("course", "unit"))
    return get_object_or_404(offerings, pk=pk)


def offering_certificates(request, pk):
    offering = _offering(request, pk)
    if request.method == "POST":
        _act(request, offering)
        return redirect("offering_certificates", pk=offering.pk)
    progress = issue_progress(offering.pk)
    certificates = {
        c.enrollment_id: c for c in Certificate.objects.filter(enrollment__offering=offering, is_current=True)
    }
    rows = [(verdict, certificates.get(verdict.enrollment.pk)) for verdict in offering_eligibility(offering)]
    title = _("Certificates: %(code)s") % {"code": offering.code}
    context = {
        "header_title": title, "page_title": title, "header_icon": "doc-full", "offering": offering, "rows": rows,
        "progress": progress, "to_issue": sum(1 for verdict, c in rows if verdict.eligible and c is None),
    }  # fmt: skip
    return render(request, "certificates/offering_certificates.html", context)


def offering_certificates_status(request, pk):
    offering = _offering(request, pk)
    return JsonResponse(issue_progress(offering.pk) or {"running": False})


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
