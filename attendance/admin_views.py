"""Staff screens in the Wagtail admin: an offering's attendance, the sheet, the projector screen,
the paper sign-in sheet (print, download, read back)."""

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
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enrollment import scope
from enrollment.admin_views import OfferingAdminView
from enrollment.models import Offering
from enrollment.roster.reader import RosterFileError
from lms.forms import validate_upload_size
from lms.params import sane_date_validators

from . import services, signin_sheet
from .models import AttendanceRecord, Session
from .selectors import offering_attendance, session_count, session_sheet
from .services import AttendanceError, Mark


class AttendanceView(OfferingAdminView):
    """An attendance page of an offering: for those who take attendance (permission
    attendance.add_attendancerecord), in the offerings of their units and those they teach. Anyone
    else gets a 404, as for an offering that does not exist."""

    header_icon = "tasks"

    def get_offering_queryset(self):
        user = self.request.user
        if not user.has_perm("attendance.add_attendancerecord"):
            return Offering.objects.none()
        scoped = super().get_offering_queryset()
        taught = Offering.objects.filter(Q(pk__in=scoped.values("pk")) | Q(trainers=user)).distinct()
        return taught.select_related("course")

    def get_hub_title(self):
        return _("Attendance: %(code)s") % {"code": self.offering.code}

    def get_parent_breadcrumbs_items(self):
        """The pages below the hub (OfferingAttendanceView) have it between the offering and themselves."""
        return [{"url": reverse("attendance:offering", args=[self.offering.pk]), "label": self.get_hub_title()}]


class SessionView(AttendanceView):
    """An attendance page of one session (`pk`: the Session), of its offering."""

    def get_offering_id(self):
        self.session = get_object_or_404(Session.objects.select_related("offering__course"), pk=self.kwargs["pk"])
        return self.session.offering_id

    def get_context_data(self, **kwargs):
        return super().get_context_data(session=self.session, **kwargs)


class ScheduleForm(forms.Form):
    first_day = forms.DateField(label=gettext_lazy("First day"), validators=sane_date_validators)
    days = forms.IntegerField(label=gettext_lazy("Number of days"), min_value=1, max_value=31)
    morning = forms.BooleanField(label=gettext_lazy("Morning sessions"), required=False, initial=True)
    afternoon = forms.BooleanField(label=gettext_lazy("Afternoon sessions"), required=False, initial=True)


class OfferingAttendanceView(AttendanceView):
    """The hub: sessions with their counts, the schedule generator, rates and the at-risk list."""

    template_name = "attendance/offering_attendance.html"

    def get_page_title(self):
        return self.get_hub_title()

    def get_parent_breadcrumbs_items(self):
        return []

    def can_plan(self) -> bool:
        offering, user = self.offering, self.request.user
        return user.has_perm("attendance.add_session") and offering in scope.scope_offerings(
            user, Offering.objects.filter(pk=offering.pk)
        )

    def get(self, request, *args, **kwargs):
        return self.render_hub(self.schedule_form(None), can_plan=self.can_plan())

    def post(self, request, *args, **kwargs):
        if not (can_plan := self.can_plan()):
            raise PermissionDenied
        form = self.schedule_form(request.POST or None)
        if form.is_valid():
            try:
                sessions = services.schedule_generate(offering=self.offering, **form.cleaned_data)
            except AttendanceError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The schedule has %(count)s sessions.") % {"count": len(sessions)})
                return redirect("attendance:offering", pk=self.offering.pk)
        return self.render_hub(form, can_plan=can_plan)

    def schedule_form(self, data):
        offering = self.offering
        days = (offering.ends_on - offering.starts_on).days + 1
        return ScheduleForm(data, initial={"first_day": offering.starts_on, "days": days})

    def render_hub(self, form, can_plan):
        summary = offering_attendance(self.offering)
        counts = dict(
            Session.objects.filter(offering=self.offering)
            .annotate(n=Count("records", filter=Q(records__status__in=AttendanceRecord.ATTENDED)))
            .values_list("pk", "n")
        )
        for session in summary.sessions:
            session.attended_count = counts.get(session.pk, 0)
        context = self.get_context_data(summary=summary, form=form, can_plan=can_plan, enrolled=len(summary.rows))
        return self.render_to_response(context)


class WalkInForm(forms.Form):
    full_name = forms.CharField(label=gettext_lazy("Full name"), max_length=150)
    phone = forms.CharField(label=gettext_lazy("Phone"), max_length=20, required=False)


STATUS_FIELD = re.compile(r"status-([0-9]{1,18})")  # an enrollment's id, no larger than the database holds


class SessionSheetView(SessionView):
    """One session's sheet: everyone enrolled, one status and note each, saved in one request."""

    template_name = "attendance/session_sheet.html"

    def get_page_title(self):
        return _("Attendance sheet: %(session)s") % {"session": self.session.title}

    def get(self, request, *args, **kwargs):
        return self.render_sheet(WalkInForm(prefix="walkin"))

    def post(self, request, *args, **kwargs):
        if "walkin-full_name" in request.POST:
            return self.walk_in_add()
        session, marks = self.session, {}
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
        return redirect("attendance:sheet", pk=session.pk)

    def walk_in_add(self):
        request, session = self.request, self.session
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
                return redirect("attendance:sheet", pk=session.pk)
        return self.render_sheet(walk_in)

    def render_sheet(self, walk_in):
        rows = session_sheet(self.session)
        context = self.get_context_data(
            rows=rows, statuses=AttendanceRecord.Status.choices, walk_in=walk_in,
            close_marks_absent=settings.ATTENDANCE_CLOSE_MARKS_ABSENT,
            marked=sum(1 for _enrollment, record in rows if record is not None),
        )  # fmt: skip
        return self.render_to_response(context)


class SessionCloseView(SessionView):
    def get(self, request, *args, **kwargs):
        return redirect("attendance:sheet", pk=self.session.pk)

    def post(self, request, *args, **kwargs):
        session = self.session
        if "reopen" in request.POST:
            services.session_reopen(session=session)
            messages.success(request, _("The session is open again."))
        else:
            marked = services.session_close(session=session, by=request.user)
            messages.success(request, _("Session closed; %(count)s people marked absent.") % {"count": marked})
        return redirect("attendance:sheet", pk=session.pk)


class SessionScreenView(SessionView):
    """For the projector: the QR code and short code of the minute, and the live count."""

    template_name = "attendance/session_screen.html"

    def get(self, request, *args, **kwargs):
        if request.headers.get("Accept") == "application/json":
            return JsonResponse(self.screen_state())
        context = self.get_context_data(
            **self.screen_state(),
            enrolled=self.offering.enrollments.active().count(),
            short_url=request.build_absolute_uri(reverse("checkin_code")),
        )
        return self.render_to_response(context)

    def screen_state(self) -> dict:
        session = self.session
        code = services.checkin_code(session)
        url = self.request.build_absolute_uri(reverse("checkin", args=[session.pk, code]))
        qr = segno.make(url, error="m")
        return {
            "code": code,
            "url": url,
            "qr": qr.svg_inline(border=2, dark="#1b1b1b", omitsize=True),
            "count": session_count(session),
            "seconds": services.CODE_SECONDS,
        }


class SigninSheetView(AttendanceView):
    """ "Danh sách ký nhận", for one session (?session=id) or the whole offering."""

    def sheet_sessions(self):
        sessions = list(self.offering.sessions.all())
        chosen = self.request.GET.get("session", "")
        return [session for session in sessions if str(session.pk) == chosen] or sessions


class SigninSheetPrintView(SigninSheetView):
    """The sheet to print (A4 landscape)."""

    template_name = "attendance/signin_sheet.html"

    def get(self, request, *args, **kwargs):
        people = signin_sheet.sheet_people(self.offering)
        return self.render_to_response(self.get_context_data(sessions=self.sheet_sessions(), people=people))


class SigninSheetDownloadView(SigninSheetView):
    def get(self, request, *args, **kwargs):
        offering = self.offering
        response = HttpResponse(
            signin_sheet.sheet_xlsx(offering, self.sheet_sessions()),
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


class SigninSheetUploadView(AttendanceView):
    """Read back a filled sign-in sheet: every mark recorded, or nothing and the list of errors."""

    template_name = "attendance/signin_sheet_upload.html"
    header_icon = "upload"

    def get_page_title(self):
        return _("Read a filled sign-in sheet: %(code)s") % {"code": self.offering.code}

    def get(self, request, *args, **kwargs):
        return self.render_form(SheetUploadForm(), errors=[])

    def post(self, request, *args, **kwargs):
        form = SheetUploadForm(request.POST or None, request.FILES or None)  # an empty POST: the form, untouched
        if not form.is_valid():
            return self.render_form(form, errors=[])
        upload, offering = form.cleaned_data["file"], self.offering
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
                return self.render_form(form, errors=[])
        if result.errors:
            return self.render_form(form, errors=result.errors)
        messages.success(
            request,
            _("Sign-in sheet read: %(rows)s people, %(marks)s marks recorded.")
            % {"rows": result.rows, "marks": result.marks},
        )
        return redirect("attendance:offering", pk=offering.pk)

    def render_form(self, form, errors):
        return self.render_to_response(self.get_context_data(form=form, errors=errors))
