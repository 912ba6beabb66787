"""Staff screens in the Wagtail admin: an offering's attendance, the sheet, the projector screen."""

import re
import tempfile
from pathlib import Path

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enrollment import scope
from enrollment.models import Offering
from enrollment.roster.reader import RosterFileError
from lms.forms import validate_upload_size
from lms.params import sane_date_validators

from . import services, signin_sheet
from .models import AttendanceRecord, Session
from .selectors import offering_attendance, session_count, session_sheet
from .services import AttendanceError, Mark


def attendance_offerings(user):
    """Offerings whose attendance `user` may take: their units' (organizers, administrators) and
    those they teach (trainers)."""
    if not user.has_perm("attendance.add_attendancerecord"):
        return Offering.objects.none()
    scoped = scope.scope_offerings(user, Offering.objects.all())
    return Offering.objects.filter(Q(pk__in=scoped.values("pk")) | Q(trainers=user)).distinct()


def _offering(request, pk):
    return get_object_or_404(attendance_offerings(request.user).select_related("course"), pk=pk)


def _session(request, pk):
    session = get_object_or_404(Session.objects.select_related("offering__course"), pk=pk)
    _offering(request, session.offering_id)
    return session


def _page(request, template, title, icon="tasks", **context):
    return render(request, template, {"header_title": title, "page_title": title, "header_icon": icon, **context})


class ScheduleForm(forms.Form):
    first_day = forms.DateField(label=gettext_lazy("First day"), validators=sane_date_validators)
    days = forms.IntegerField(label=gettext_lazy("Number of days"), min_value=1, max_value=31)
    morning = forms.BooleanField(label=gettext_lazy("Morning sessions"), required=False, initial=True)
    afternoon = forms.BooleanField(label=gettext_lazy("Afternoon sessions"), required=False, initial=True)


def offering_attendance_view(request, pk):
    """The hub: sessions with their counts, the schedule generator, rates and the at-risk list."""
    offering = _offering(request, pk)
    can_plan = request.user.has_perm("attendance.add_session") and offering in scope.scope_offerings(
        request.user, Offering.objects.filter(pk=offering.pk)
    )
    days = (offering.ends_on - offering.starts_on).days + 1
    form = ScheduleForm(request.POST or None, initial={"first_day": offering.starts_on, "days": days})
    if request.method == "POST":
        if not can_plan:
            raise PermissionDenied
        if form.is_valid():
            try:
                sessions = services.schedule_generate(offering=offering, **form.cleaned_data)
            except AttendanceError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The schedule has %(count)s sessions.") % {"count": len(sessions)})
                return redirect("attendance_offering", pk=offering.pk)
    summary = offering_attendance(offering)
    counts = dict(
        Session.objects.filter(offering=offering)
        .annotate(n=Count("records", filter=Q(records__status__in=AttendanceRecord.ATTENDED)))
        .values_list("pk", "n")
    )
    for session in summary.sessions:
        session.attended_count = counts.get(session.pk, 0)
    title = _("Attendance: %(code)s") % {"code": offering.code}
    return _page(
        request, "attendance/offering_attendance.html", title,
        offering=offering, summary=summary, form=form, can_plan=can_plan, enrolled=len(summary.rows),
    )  # fmt: skip


class WalkInForm(forms.Form):
    full_name = forms.CharField(label=gettext_lazy("Full name"), max_length=150)
    phone = forms.CharField(label=gettext_lazy("Phone"), max_length=20, required=False)


STATUS_FIELD = re.compile(r"status-([0-9]{1,18})")  # an enrollment's id, no larger than the database holds


def session_sheet_view(request, pk):
    """One session's sheet: everyone enrolled, one status and note each, saved in one request."""
    session = _session(request, pk)
    walk_in = WalkInForm(prefix="walkin")
    if request.method == "POST" and "walkin-full_name" in request.POST:
        walk_in = WalkInForm(request.POST, prefix="walkin")
        if walk_in.is_valid():
            try:
                added = services.walk_in_add(session=session, by=request.user, **walk_in.cleaned_data)
            except AttendanceError as error:
                walk_in.add_error("phone", str(error))
            else:
                name = added.enrollment.participant.full_name
                messages.success(request, _("%(name)s was added and marked present.") % {"name": name})
                if added.phone_withheld:
                    messages.warning(request, _(
                        "This phone number is on the record of someone your unit does not manage, so it was not "
                        "saved for this walk-in. If they are the same person, their unit can merge the two records."
                    ))  # fmt: skip
                return redirect("attendance_sheet", pk=session.pk)
    elif request.method == "POST":
        marks = {}
        for key, status in request.POST.items():
            if match := STATUS_FIELD.fullmatch(key):  # the sheet's own fields; anything else is ignored
                enrollment_id = int(match[1])
                marks[enrollment_id] = Mark(status, request.POST.get(f"note-{enrollment_id}", "").strip()[:255])
        try:
            changed = services.attendance_save(session=session, marks=marks, by=request.user)
        except AttendanceError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Attendance saved (%(count)s changes).") % {"count": changed})
        return redirect("attendance_sheet", pk=session.pk)
    rows = session_sheet(session)
    title = _("Attendance sheet: %(session)s") % {"session": session.title}
    return _page(
        request, "attendance/session_sheet.html", title, session=session, offering=session.offering, rows=rows,
        statuses=AttendanceRecord.Status.choices, walk_in=walk_in,
        close_marks_absent=settings.ATTENDANCE_CLOSE_MARKS_ABSENT,
        marked=sum(1 for _enrollment, record in rows if record is not None),
    )  # fmt: skip


def session_close_view(request, pk):
    session = _session(request, pk)
    if request.method != "POST":
        return redirect("attendance_sheet", pk=session.pk)
    if "reopen" in request.POST:
        services.session_reopen(session=session)
        messages.success(request, _("The session is open again."))
    else:
        marked = services.session_close(session=session, by=request.user)
        messages.success(request, _("Session closed; %(count)s people marked absent.") % {"count": marked})
    return redirect("attendance_sheet", pk=session.pk)


def _screen_state(request, session) -> dict:
    code = services.checkin_code(session)
    url = request.build_absolute_uri(reverse("checkin", args=[session.pk, code]))
    qr = segno.make(url, error="m")
    return {
        "code": code,
        "url": url,
        "qr": qr.svg_inline(border=2, dark="#1b1b1b", omitsize=True),
        "count": session_count(session),
        "seconds": services.CODE_SECONDS,
    }


def session_screen_view(request, pk):
    """For the projector: the QR code and short code of the minute, and the live count."""
    session = _session(request, pk)
    if request.headers.get("Accept") == "application/json":
        return JsonResponse(_screen_state(request, session))
    context = {"session": session, "offering": session.offering, **_screen_state(request, session)}
    context["enrolled"] = session.offering.enrollments.active().count()
    context["short_url"] = request.build_absolute_uri(reverse("checkin_code"))
    return render(request, "attendance/session_screen.html", context)


def _sheet_sessions(request, offering):
    sessions = list(offering.sessions.all())
    chosen = request.GET.get("session", "")
    return [session for session in sessions if str(session.pk) == chosen] or sessions


def signin_sheet_print(request, pk):
    """ "Danh sách ký nhận" to print (A4 landscape), for one session or the whole offering."""
    offering = _offering(request, pk)
    sessions = _sheet_sessions(request, offering)
    context = {"offering": offering, "sessions": sessions, "people": signin_sheet.sheet_people(offering)}
    return render(request, "attendance/signin_sheet.html", context)


def signin_sheet_download(request, pk):
    offering = _offering(request, pk)
    response = HttpResponse(
        signin_sheet.sheet_xlsx(offering, _sheet_sessions(request, offering)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="ky-nhan-{offering.code}.xlsx"'
    return response


class SheetUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Filled sign-in sheet (.xlsx)"), validators=[validate_upload_size])

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Upload the sheet as an Excel workbook (.xlsx)."))
        return upload


def _upload_name(name: str) -> str:
    """The uploaded file's own name, fit for a temporary file: no folders, control characters or
    excess length (the form has checked that it ends in .xlsx)."""
    stem = "".join(char for char in Path(name).name.removesuffix(Path(name).suffix) if char.isprintable())
    stem = stem.encode()[:200].decode(errors="ignore").strip(" .")  # file systems allow 255 bytes
    return f"{stem or 'ky-nhan'}.xlsx"


def signin_sheet_upload(request, pk):
    """Read back a filled sign-in sheet: every mark recorded, or nothing and the list of errors."""
    offering = _offering(request, pk)
    form = SheetUploadForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with tempfile.TemporaryDirectory() as folder:
            # Under the name it was uploaded with, so that a message about the file names the user's file.
            copy = Path(folder) / _upload_name(upload.name)
            with copy.open("wb") as handle:
                for chunk in upload.chunks():
                    handle.write(chunk)
            try:
                result = signin_sheet.sheet_import(offering=offering, path=copy, by=request.user)
            except RosterFileError as error:
                form.add_error("file", error.message)
            else:
                if not result.errors:
                    messages.success(
                        request,
                        _("Sign-in sheet read: %(rows)s people, %(marks)s marks recorded.")
                        % {"rows": result.rows, "marks": result.marks},
                    )
                    return redirect("attendance_offering", pk=offering.pk)
                errors = result.errors
    title = _("Read a filled sign-in sheet: %(code)s") % {"code": offering.code}
    return _page(request, "attendance/signin_sheet_upload.html", title, "upload", offering=offering, form=form,
                 errors=errors)  # fmt: skip
