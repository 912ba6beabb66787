"""Admin views: upload a roster, preview every row, settle ambiguous rows, confirm."""

import dataclasses
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import scope
from ..models import Offering, Participant, RosterImport
from .importer import roster_import
from .reader import RosterFileError, read_roster

EXTENSIONS = {".xlsx", ".xls", ".ods", ".csv"}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Roster file"), help_text=gettext_lazy("Excel (.xlsx, .xls), OpenDocument (.ods) or CSV.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.ROSTER_MAX_UPLOAD_MB
        if upload.size > limit * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than %(limit)s MB.") % {"limit": limit})
        if Path(upload.name).suffix.lower() not in EXTENSIONS:
            raise forms.ValidationError(_("Only .xlsx, .xls, .ods and .csv files can be imported."))
        return upload


def _offering_for(request, pk):
    if not request.user.has_perm("enrollment.add_enrollment"):
        raise PermissionDenied
    return get_object_or_404(scope.scope_offerings(request.user, Offering.objects.all()), pk=pk)


def _context(title, **extra):
    return {"header_title": title, "page_title": title, "header_icon": "upload", **extra}


def roster_upload(request, pk):
    offering = _offering_for(request, pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        history = RosterImport.objects.create(
            offering=offering, file=upload, original_name=Path(upload.name).name, uploaded_by=request.user
        )
        try:
            roster = read_roster(history.file.path)
        except RosterFileError as error:
            history.status = RosterImport.Status.REJECTED
            history.report = {
                "errors": [dataclasses.asdict(item) for item in error.errors] or [{"message": str(error)}]
            }
            history.save()
            form.add_error("file", str(error))
        else:
            report = roster_import(roster=roster, offering=offering, dry_run=True)
            history.report = report.as_json()
            history.rows = [dataclasses.asdict(outcome) for outcome in report.outcomes]
            history.save()
            return redirect("roster_preview", pk=history.pk)
    title = _("Import a roster into %(code)s") % {"code": offering.code}
    return render(request, "enrollment/roster_upload.html", _context(title, form=form, offering=offering))


def roster_preview(request, pk):
    history = get_object_or_404(RosterImport.objects.select_related("offering"), pk=pk)
    offering = _offering_for(request, history.offering_id)
    if request.method == "POST" and history.status == RosterImport.Status.PREVIEWED:
        decisions = {}
        for row in history.rows:
            choice = request.POST.get(f"row-{row['row']}")
            if row["status"] == "ambiguous" and choice:
                decisions[row["row"]] = int(choice) if choice.isdigit() else choice
        with transaction.atomic():
            roster = read_roster(history.file.path)
            report = roster_import(roster=roster, offering=offering, decisions=decisions, skip_invalid=True)
            history.status = RosterImport.Status.IMPORTED
            history.report = report.as_json()
            history.imported_at = timezone.now()
            history.save()
        messages.success(
            request,
            _("%(enrolled)s people enrolled (%(created)s new, %(matched)s already known).")
            % {"enrolled": report.enrolled, "created": report.created, "matched": report.matched},
        )
        return redirect(reverse("enrollments:index") + f"?offering={offering.pk}")
    errors, warnings = {}, {}
    for collected, key in ((errors, "errors"), (warnings, "warnings")):
        for item in history.report.get(key, []):
            text = f"{item['column']}: {item['message']}" if item.get("column") else item["message"]
            collected.setdefault(item["row"], []).append(text)
    candidate_ids = {pk for row in history.rows for pk in row["candidates"]}
    names = {person.pk: person for person in Participant.objects.filter(pk__in=candidate_ids)}
    rows = [
        {**row, "errors": errors.get(row["row"], []), "warnings": warnings.get(row["row"], []),
         "candidate_people": [names[pk] for pk in row["candidates"] if pk in names]}
        for row in history.rows
    ]  # fmt: skip
    context = _context(
        _("Check the roster before importing"), history=history, offering=offering, report=history.report, rows=rows,
        can_import=history.status == RosterImport.Status.PREVIEWED and not errors,
    )  # fmt: skip
    return render(request, "enrollment/roster_preview.html", context)


CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def _download(dataset, fmt, filename):
    from django.http import Http404, HttpResponse

    from .export import export_bytes

    if fmt not in CONTENT_TYPES:
        raise Http404
    response = HttpResponse(export_bytes(dataset, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def offering_export(request, pk, fmt):
    """The offering's enrollments in the layout the importer reads."""
    from .export import offering_dataset

    if not request.user.has_perm("enrollment.view_enrollment"):
        raise PermissionDenied
    offering = get_object_or_404(scope.scope_offerings(request.user, Offering.objects.all()), pk=pk)
    return _download(offering_dataset(offering), fmt, f"danh-sach-{offering.code}")


def participants_export(request, fmt):
    from .export import roster_dataset

    if not request.user.has_perm("enrollment.view_participant"):
        raise PermissionDenied
    people = scope.scope_participants(request.user, Participant.objects.all()).select_related("unit", "organization")
    return _download(roster_dataset((person, "") for person in people.order_by("sort_key")), fmt, "hoc-vien")
