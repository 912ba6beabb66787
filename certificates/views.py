"""Public verification: anyone with the code (printed, or in the QR) checks a certificate.

Only what verification needs is shown: name, year of birth, course, dates, issuer, serial and the
state; never phone, ID or email. An unknown code gets the same page shape as any other miss, and
lookups are rate limited per address.
"""

from datetime import date

from django import forms
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enrollment import scope
from enrollment.models import Enrollment
from lms.throttle import sender_allowed

from .badges import certificate_badge
from .codes import code_normalize
from .files import certificate_file
from .models import Certificate
from .rendering import hours_text

CONTENT_TYPES = {"pdf": "application/pdf", "png": "image/png"}
LOOKUPS_PER_WINDOW, WINDOW = 30, 60 * 10


class VerifyForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Verification code"), max_length=40)

    def clean_code(self):
        code = code_normalize(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _("A verification code has 20 letters and digits, for example 7KQ2-M9XD-4TRP-WB3H-C8NF.")
            )
        return code


def _allowed(request) -> bool:
    """The verification page and the badge answer a code: both count against one limit."""
    return sender_allowed(request, "verify", limit=LOOKUPS_PER_WINDOW, window=WINDOW)


def verify_form(request):
    form = VerifyForm(request.GET or None)
    if form.is_valid():
        return redirect("certificate_verify", code=form.cleaned_data["code"])
    return render(request, "certificates/verify_form.html", {"form": form})


def certificate_public(certificate) -> dict:
    """The verification page's facts, also its JSON."""
    return {
        "state": certificate.state,
        "serial": certificate.serial,
        "code": certificate.code,
        "name": certificate.full_name,
        "birth_year": certificate.birth_year,
        "title": certificate.title,
        "kind": certificate.kind,
        "course": certificate.course_title,
        "from": certificate.starts_on.isoformat(),
        "to": certificate.ends_on.isoformat(),
        "hours": str(certificate.hours) if certificate.hours is not None else None,
        "issuer": certificate.issuer,
        "issued_on": certificate.issued_on.isoformat(),
        "expires_on": certificate.expires_on.isoformat() if certificate.expires_on else None,
        "revoked_on": certificate.revoked_at.date().isoformat() if certificate.revoked_at else None,
        "replaced_by": certificate.replaced_by.code if certificate.replaced_by_id else None,
    }


def _shown(data: dict) -> dict:
    """The page's dates as dd/mm/yyyy and hours with a decimal comma (the JSON keeps ISO dates)."""
    shown = {}
    for key in ("from", "to", "issued_on", "expires_on", "revoked_on"):
        if data.get(key):
            shown[key] = date.fromisoformat(data[key]).strftime("%d/%m/%Y")
    if data.get("hours"):
        shown["hours"] = hours_text(data["hours"])
    return shown


def certificate_verify(request, code):
    wants_json = request.GET.get("format") == "json" or request.headers.get("Accept") == "application/json"
    if not _allowed(request):
        data, status = {"state": "rate_limited"}, 429
    else:
        normalized = code_normalize(code)
        certificate = (
            Certificate.objects.select_related("replaced_by").filter(code=normalized).first() if normalized else None
        )  # one indexed lookup whatever the input, so a miss costs what a hit costs
        data, status = (certificate_public(certificate), 200) if certificate else ({"state": "not_found"}, 404)
        if normalized and normalized != code and certificate:
            if not wants_json:
                return redirect("certificate_verify", code=normalized)
    if wants_json:
        return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    context = {"data": data, "code": code, "form": VerifyForm(initial={"code": code}), "shown": _shown(data)}
    if data.get("replaced_by"):
        context["replacement_url"] = reverse("certificate_verify", args=[data["replaced_by"]])
    context["title"] = _("Certificate verification")
    return render(request, "certificates/verify.html", context, status=status)


def certificate_download(request, pk, fmt):
    """The learner's own certificate (or, for staff, any of their units'), as PDF or PNG."""
    if fmt not in ("pdf", "png"):
        raise Http404
    certificate = get_object_or_404(Certificate.objects.select_related("enrollment__participant"), pk=pk)
    person = certificate.enrollment.participant if certificate.enrollment_id else None
    owner = person is not None and request.user.is_authenticated and person.user_id == request.user.pk
    staff = request.user.has_perm("certificates.view_certificate") and (
        certificate.enrollment_id
        and scope.scope_enrollments(request.user, Enrollment.objects.filter(pk=certificate.enrollment_id)).exists()
    )
    if not (owner or staff):
        raise Http404
    response = HttpResponse(certificate_file(certificate, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="giay-chung-nhan-{certificate.serial}.{fmt}"'
    return response


def certificate_badge_download(request, code):
    """The Open Badges 3.0 credential of a certificate, for the learner's wallet."""
    if not _allowed(request):
        return JsonResponse({"state": "rate_limited"}, status=429)
    certificate = get_object_or_404(Certificate, code=code_normalize(code) or "")
    response = JsonResponse(certificate_badge(certificate), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="open-badge-{certificate.serial}.json"'
    return response
