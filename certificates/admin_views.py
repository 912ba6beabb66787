"""The organizer's certificates page for an offering: who is eligible and why not, bulk and
single issue (with a written override), revocation and re-issue, downloads."""

from django.contrib import messages
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import TaskResultStatus

from enrollment.admin_views import OfferingAdminView
from enrollment.models import Enrollment
from lms.params import parse_id

from . import services, tasks
from .eligibility import offering_eligibility
from .files import certificates_pdf
from .models import Certificate
from .services import CertificateError


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
        progress = _run_reported(request, offering)
        certificates = {
            c.enrollment_id: c for c in Certificate.objects.filter(enrollment__offering=offering, is_current=True)
        }
        rows = [(verdict, certificates.get(verdict.enrollment.pk)) for verdict in offering_eligibility(offering)]
        to_issue = sum(1 for verdict, c in rows if verdict.eligible and c is None)
        in_force = sum(1 for certificate in certificates.values() if certificate.state == "valid")
        context = self.get_context_data(
            rows=rows, progress=progress, to_issue=to_issue, in_force=in_force,
            progress_state=_run_state(progress) if progress and progress["running"] else "",
        )  # fmt: skip
        return self.render_to_response(context)

    def post(self, request, *args, **kwargs):
        _act(request, self.offering)
        return redirect("certificates:offering", pk=self.offering.pk)


class OfferingCertificatesStatusView(CertificatesView):
    """The progress bar's polling endpoint while certificates are issued in the background."""

    def get(self, request, *args, **kwargs):
        progress = tasks.issue_progress(self.offering.pk) or {"running": False}
        if progress["running"]:
            progress = {**progress, "state_label": _run_state(progress)}
        return JsonResponse(progress)


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
            _issue_all(request, offering)
            return
        if action == "issue":
            enrollment = get_object_or_404(Enrollment, pk=parse_id(request.POST.get("enrollment")), offering=offering)
            revoked = Certificate.objects.filter(
                enrollment=enrollment, is_current=True, revoked_at__isnull=False
            ).first()
            certificate, created = services.certificate_issue(
                enrollment=enrollment, by=request.user, override_reason=request.POST.get("override_reason", "")
            )
            if created and revoked is not None:
                messages.success(
                    request,
                    _("Certificate %(serial)s issued; %(old)s stays revoked.")
                    % {"serial": certificate.serial, "old": revoked.serial},
                )
            else:
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


# --------------------------------------------------------------------------- the bulk run, as the clerk reads it


def _run_key(offering) -> str:
    return f"certificates-run-{offering.pk}"


def _issue_all(request, offering) -> None:
    """Start the bulk run. Under the immediate backend it has run when `enqueue` returns, and its result is
    the message; on a worker the page shows the run's state until it is done, and then its result."""
    run = tasks.issue_started(offering.pk)
    if run is None:
        messages.info(request, _("Certificates of this class are already being issued: see the progress below."))
        return
    try:
        result = tasks.certificates_issue_task.enqueue(offering.pk, request.user.pk, run)
    except Exception:
        tasks.issue_abandon(offering.pk, run)
        raise
    if result.status == TaskResultStatus.SUCCESSFUL:
        _report(request, {"state": tasks.FINISHED, **result.return_value})
        tasks.issue_forget(offering.pk, run)
    elif result.status == TaskResultStatus.FAILED:
        _report(request, {"state": tasks.FAILED})
        tasks.issue_forget(offering.pk, run)
    else:
        request.session[_run_key(offering)] = run


def _run_reported(request, offering) -> dict | None:
    """The offering's bulk run as the page shows it: its state while queued or running. Once the run this
    clerk started has ended, its result is told them (once) as a message, and the run is forgotten."""
    progress = tasks.issue_progress(offering.pk)
    mine = request.session.get(_run_key(offering))
    if mine and not (progress and progress.get("run") == mine and progress["running"]):
        del request.session[_run_key(offering)]
        if progress and progress.get("run") == mine:
            _report(request, progress)
            tasks.issue_forget(offering.pk, mine)
            progress = None
    return progress


def _report(request, progress: dict) -> None:
    if progress.get("state") == tasks.FINISHED:
        messages.success(request, run_summary(progress))
    else:
        messages.error(
            request,
            _(
                "Issuing the certificates failed; the list below shows what was issued. Try again, or ask an "
                "administrator to look at Settings > Background tasks."
            ),
        )


def run_summary(progress: dict) -> str:
    """'Issued 2 new certificates; 0 already had one; 1 not eligible.': this run's result."""
    return ngettext(
        "Issued %(issued)s new certificate; %(already)s already had one; %(not_eligible)s not eligible.",
        "Issued %(issued)s new certificates; %(already)s already had one; %(not_eligible)s not eligible.",
        progress["issued"],
    ) % {key: progress[key] for key in ("issued", "already", "not_eligible")}


def _run_state(progress: dict) -> str:
    if progress.get("state") == tasks.QUEUED:
        return _("waiting in the queue")
    return _("running: %(done)s of %(total)s") % {"done": progress.get("done", 0), "total": progress.get("total", 0)}
