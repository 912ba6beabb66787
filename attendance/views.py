"""Self check-in on the site: scan the projector's QR code (or type its short code), log in or
give phone and year of birth, be marked present.

A valid code is remembered in the browser session for CHECKIN_GRANT, so logging in on a slow
phone does not outlast the minute's code; the grant is good for that session only.
"""

import time

from django import forms
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enrollment.models import Participant
from lms.throttle import client_ip, sender_failed, sender_failed_too_often, throttle_allows

from . import selectors, services
from .models import Session
from .services import AttendanceError

CHECKIN_GRANT = 15 * 60  # seconds a scanned code stays good in this browser
WRONG_CODES, WRONG_CODE_WINDOW = 30, 10 * 60  # wrong codes a sender may try (typed or in a link)
PHONE_ATTEMPTS = 10  # per browser address and session, every PHONE_WINDOW seconds
PHONE_WINDOW = 10 * 60
# What apps above attendance add below a check-in's answer (feedback: the survey after the last session):
# functions (request, session, participant) -> (template name, context) or None, registered in their
# AppConfig.ready.
CHECKIN_EXTRAS: list = []


class CodeForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Code on the screen"), max_length=12)


class PhoneForm(forms.Form):
    phone = forms.CharField(label=gettext_lazy("Phone number"), max_length=20)
    birth_year = forms.CharField(label=gettext_lazy("Year of birth"), max_length=4)


def checkin_code_entry(request):
    """Type the short code shown on the screen."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if sender_failed_too_often(request, "checkin-code", limit=WRONG_CODES):
            form.add_error("code", _("Too many wrong codes. Please wait a few minutes or see the organizers."))
            return render(request, "attendance/checkin_code.html", {"form": form}, status=429)
        code = form.cleaned_data["code"].strip().upper()
        session = services.sessions_open_for_code(code)
        if session is not None:
            return redirect("checkin", pk=session.pk, code=code)
        sender_failed(request, "checkin-code", window=WRONG_CODE_WINDOW)
        form.add_error("code", _("This code does not match a session open now. Check it on the screen."))
    return render(request, "attendance/checkin_code.html", {"form": form})


def _grant_key(session) -> str:
    return f"checkin-{session.pk}"


def _granted(request, session, code) -> bool:
    if services.checkin_code_valid(session, code):
        request.session[_grant_key(session)] = time.time() + CHECKIN_GRANT
        return True
    return request.session.get(_grant_key(session), 0) > time.time()


def _phone_attempt_allowed(request, session) -> bool:
    key = f"checkin-phone:{session.pk}:{client_ip(request)}"
    return throttle_allows(key, limit=PHONE_ATTEMPTS, window=PHONE_WINDOW)


def _render(request, context, status=200):
    """The check-in page, with what other apps add below a check-in done (now or earlier)."""
    participant = context.get("participant")
    if participant is not None and (context.get("already") or context.get("result")):
        found = (extra(request, context["session"], participant) for extra in CHECKIN_EXTRAS)
        context["extras"] = [extra for extra in found if extra is not None]
    return render(request, "attendance/checkin.html", context, status=status)


def checkin(request, pk, code):
    session = get_object_or_404(Session.objects.select_related("offering"), pk=pk)
    context = {"session": session, "offering": session.offering, "code": code}
    if sender_failed_too_often(request, "checkin-code", limit=WRONG_CODES):
        context["error"] = _("Too many wrong codes. Please wait a few minutes or see the organizers.")
        return render(request, "attendance/checkin.html", context, status=429)
    if not _granted(request, session, code):
        sender_failed(request, "checkin-code", window=WRONG_CODE_WINDOW)
        context["error"] = _("This code has expired. Scan the code on the screen again, or type the code shown.")
        return render(request, "attendance/checkin.html", context, status=403)
    participant = Participant.objects.filter(user=request.user).first() if request.user.is_authenticated else None
    already = selectors.checkin_record(session, participant) if participant is not None else None
    if already is not None:  # the code entered again: say when, rather than offer the button again
        context.update(participant=participant, already=already)
        return _render(request, context)
    try:
        services.checkin_window_check(session)
    except AttendanceError as error:
        context["error"] = str(error)
        return render(request, "attendance/checkin.html", context)
    phone_form = PhoneForm(request.POST or None) if session.phone_checkin and participant is None else None
    if request.method == "POST":
        try:
            if participant is None and phone_form is not None and phone_form.is_valid():
                if not _phone_attempt_allowed(request, session):
                    raise AttendanceError(_("Too many attempts. Please see the organizers at the desk."))
                participant = services.participant_by_phone(session=session, **phone_form.cleaned_data)
            if participant is not None:
                method = services.Method.QR if request.user.is_authenticated else services.Method.PHONE
                by = request.user if request.user.is_authenticated else None
                context["result"] = result = services.checkin(
                    session=session, participant=participant, by=by, method=method
                )
                if result.already:  # checked in meanwhile (another tab, the sheet)
                    context["already"] = result.record
            elif request.user.is_authenticated:
                raise AttendanceError(
                    _("You are not on the list of this class. Please see the organizers at the desk.")
                )
        except AttendanceError as error:
            context["error"] = str(error)
    context.update(participant=participant, phone_form=phone_form)
    return _render(request, context)
