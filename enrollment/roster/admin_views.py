"""Admin views: upload a roster, watch it being checked, preview every row, settle ambiguous rows, confirm
(past the rows with errors, if the organizer says so), download the rows with errors to correct them;
and the offering's or the participants' list as a spreadsheet."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy

from lms.forms import validate_upload_size
from lms.params import parse_id

from .. import scope
from ..admin_views import OfferingAdminView
from ..models import Participant, RosterImport, RosterImportRow
from .tasks import roster_apply, roster_check, roster_progress

EXTENSIONS = {".xlsx", ".xls", ".ods", ".csv"}


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Roster file"), validators=[validate_upload_size])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("Excel (.xlsx, .xls), OpenDocument (.ods) or CSV, up to %(limit)s MB.") % {
            "limit": settings.ROSTER_MAX_UPLOAD_MB
        }

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in EXTENSIONS:
            raise forms.ValidationError(_("Only .xlsx, .xls, .ods and .csv files can be imported."))
        return upload


class RosterView(OfferingAdminView):
    """A roster page of an offering: for those who may enroll people in it."""

    permission_required = "enrollment.add_enrollment"
    header_icon = "upload"

    def get_upload_title(self):
        return _("Import a roster into %(code)s") % {"code": self.offering.code}


class RosterUploadView(RosterView):
    template_name = "enrollment/roster_upload.html"

    def get_page_title(self):
        return self.get_upload_title()

    def get(self, request, *args, **kwargs):
        return self.render_form(UploadForm())

    def post(self, request, *args, **kwargs):
        form = UploadForm(request.POST or None, request.FILES or None)  # an empty POST: the form, untouched
        if form.is_valid():
            upload = form.cleaned_data["file"]
            history = RosterImport.objects.create(
                offering=self.offering, file=upload, original_name=Path(upload.name).name, uploaded_by=request.user
            )
            roster_check.enqueue(history.pk)
            return redirect("enrollment:roster_preview", pk=history.pk)
        return self.render_form(form)

    def render_form(self, form):
        recent = self.offering.roster_imports.select_related("uploaded_by")[:10]
        return self.render_to_response(self.get_context_data(form=form, recent=recent))


class RosterImportView(RosterView):
    """A page of one upload (`pk`: the RosterImport), of its offering."""

    def get_offering_id(self):
        self.history = get_object_or_404(
            RosterImport.objects.select_related("offering", "uploaded_by"), pk=self.kwargs["pk"]
        )
        return self.history.offering_id

    def get_parent_breadcrumbs_items(self):
        upload = reverse("enrollment:roster_upload", args=[self.offering.pk])
        return [{"url": upload, "label": self.get_upload_title()}]


FILTERS = [
    ("", gettext_lazy("All rows")),
    (RosterImportRow.Status.ERROR, gettext_lazy("Errors")),
    (RosterImportRow.Status.AMBIGUOUS, gettext_lazy("Ambiguous")),
    (RosterImportRow.Status.NEAR, gettext_lazy("May be a duplicate")),
    (RosterImportRow.Status.DUPLICATE, gettext_lazy("Duplicate in file")),
    (RosterImportRow.Status.NEW, pgettext_lazy("roster row", "New")),
    (RosterImportRow.Status.MATCHED, gettext_lazy("Matched")),
    (RosterImportRow.Status.SKIPPED, gettext_lazy("Skipped")),
    (RosterImportRow.Status.INVALID, gettext_lazy("Skipped: errors")),
]
WITH_ERRORS = (RosterImportRow.Status.ERROR, RosterImportRow.Status.INVALID)
ROWS_PER_PAGE = 100


class RosterPreviewView(RosterImportView):
    """The check's (or the import's) result: counts, then every row, a page at a time."""

    def get_page_title(self):
        if self.history.is_running:
            return _("Reading the roster")
        if self.history.status == RosterImport.Status.PREVIEWED:
            return _("Check the roster before importing")
        return _("Roster import")

    def get_template_names(self):
        return ["enrollment/roster_progress.html" if self.history.is_running else "enrollment/roster_preview.html"]

    def post(self, request, *args, **kwargs):
        return _confirm(request, self.history)

    def get(self, request, *args, **kwargs):
        history = self.history
        if history.is_running:
            return self.render_to_response(self.get_context_data(history=history, progress=roster_progress(history)))
        counts = dict(history.rows.values_list("status").annotate(count=Count("pk")).order_by())
        status = request.GET.get("status", "")
        rows = history.rows.all() if status not in counts else history.rows.filter(status=status)
        page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("p"))
        _attach_people(request.user, page.object_list)
        ambiguous = list(history.rows.filter(status__in=RosterImportRow.TO_SETTLE)[:MAX_DECISIONS])
        _attach_candidates(request.user, ambiguous)
        filters = [(value, label, counts.get(value, 0) if value else sum(counts.values())) for value, label in FILTERS]
        previewed, errors = history.status == RosterImport.Status.PREVIEWED, counts.get(RosterImportRow.Status.ERROR, 0)
        context = self.get_context_data(
            history=history, report=history.report, counts=counts, page=page, status=status,
            filters=[item for item in filters if item[2] or not item[0]], ambiguous=ambiguous,
            elided_page_range=page.paginator.get_elided_page_range(page.number),
            can_import=previewed and not errors, error_rows=errors,
            can_skip_errors=previewed and errors and sum(counts.values()) > errors, skip_label=_skip_label(errors),
        )  # fmt: skip
        return self.render_to_response(context)


def _skip_label(count: int) -> str:
    return ngettext(
        "Import the valid rows, skip %(count)s row with errors",
        "Import the valid rows, skip %(count)s rows with errors",
        count,
    ) % {"count": count}


MAX_DECISIONS = 500  # more ambiguous rows than this: better fixed in the file
CLEANED_LABELS = {
    "full_name": gettext_lazy("Full name"),
    "birth": gettext_lazy("Born"),
    "phone": gettext_lazy("Phone"),
    "national_id": gettext_lazy("ID number"),
    "email": gettext_lazy("Email"),
    "address": gettext_lazy("Address → unit"),
}


def _attach_people(user, rows) -> None:
    """Each row of the page as it will be stored: `stored` [(label, as typed, as stored, changed)] and,
    for a row matched to someone on record, `person` (only someone the organizer may see; one query)."""
    rows = list(rows)
    ids = {row.participant_id for row in rows if row.participant_id}
    people = scope.scope_participants(user, Participant.objects.filter(pk__in=ids)).only("pk", "full_name")
    visible = {person.pk: person for person in people}
    for row in rows:
        row.stored = [
            (CLEANED_LABELS.get(what, what), typed, stored, typed != stored) for what, typed, stored in row.cleaned
        ]
        row.person = visible.get(row.participant_id)


def _attach_candidates(user, rows) -> None:
    """Each ambiguous row's candidates, as `(id, person or None)`: a person the organizer may not see
    (someone of another unit whose phone or ID the file repeats) is offered without their details, so
    the preview never turns a phone number into a stranger's name."""
    candidate_ids = {pk for row in rows for pk in row.candidates}
    found = Participant.objects.filter(pk__in=candidate_ids).select_related("unit", "organization")
    visible = set(scope.scope_participants(user, found).values_list("pk", flat=True))
    people = {person.pk: person for person in found}
    for row in rows:
        row.candidate_people = [(pk, people[pk] if pk in visible else None) for pk in row.candidates if pk in people]


def _decisions(request, history) -> tuple[dict, list[str]]:
    """The organizer's decision for each ambiguous row: skip, a new person, or one of the people the
    check found for that row (never any other id: a decision is not a way to reach someone)."""
    decisions, refused = {}, []
    ambiguous = history.rows.filter(status__in=RosterImportRow.TO_SETTLE).values_list("row", "candidates")
    for row, candidates in ambiguous:
        choice = request.POST.get(f"row-{row}", "skip")
        if choice in ("create", "skip"):
            decisions[str(row)] = choice
        elif (person := parse_id(choice)) is not None and person in candidates:
            decisions[str(row)] = person
        else:
            refused.append(_("Row %(row)s: the chosen person is not one of this row's candidates.") % {"row": row})
    return decisions, refused


def _errors_refused(request, history) -> str | None:
    """Why the import cannot start past the rows with errors, or None. The organizer must have pressed
    the button that skips them, naming as many rows as there are (the count they read on it), and
    something must be left to import."""
    errors = history.rows.filter(status=RosterImportRow.Status.ERROR).count()
    if not errors:
        return None
    if parse_id(request.POST.get("skip_errors", "")) != errors:
        return _(
            "Correct the rows marked as errors in the file and upload it again, "
            "or import the valid rows and skip the rows with errors."
        )
    if not history.rows.exclude(status=RosterImportRow.Status.ERROR).exists():
        return _("Every row of this file has errors: there is nothing to import.")
    return None


def _confirm(request, history):
    """Start the import once, however often the button is pressed."""
    if (refusal := _errors_refused(request, history)) is not None:
        messages.error(request, refusal)
        return redirect("enrollment:roster_preview", pk=history.pk)
    decisions, refused = _decisions(request, history)
    if refused:  # before anything changes: the page stays as it was, to choose again
        for message in refused:
            messages.error(request, message)
        return redirect("enrollment:roster_preview", pk=history.pk)
    claimed = RosterImport.objects.filter(pk=history.pk, status=RosterImport.Status.PREVIEWED).update(
        status=RosterImport.Status.IMPORTING
    )
    if not claimed:  # already importing or imported
        return redirect("enrollment:roster_preview", pk=history.pk)
    roster_apply.enqueue(history.pk, decisions)
    history.refresh_from_db()
    if history.status == RosterImport.Status.IMPORTED:
        report = history.report
        done = _("%(enrolled)s people enrolled (%(created)s new, %(matched)s already known).") % {
            "enrolled": report["enrolled"], "created": report["created"], "matched": report["matched"],
        }  # fmt: skip
        if count := report.get("skipped_invalid"):
            # One message (two stack badly on a phone), and back to the import, which gives the rows back.
            left_out = ngettext(
                "%(count)s row with errors was not imported: download it below, correct it and upload it again.",
                "%(count)s rows with errors were not imported: download them below, correct them and upload "
                "them again.",
                count,
            ) % {"count": count}
            messages.warning(request, f"{done} {left_out}")
            return redirect("enrollment:roster_preview", pk=history.pk)
        messages.success(request, done)
        return redirect(reverse("enrollments:index") + f"?offering={history.offering_id}")
    return redirect("enrollment:roster_preview", pk=history.pk)


class RosterStatusView(RosterImportView):
    """The progress bar's polling endpoint."""

    def get(self, request, *args, **kwargs):
        return JsonResponse(roster_progress(self.history))


class RosterErrorsView(RosterImportView):
    """The upload's rows with errors as XLSX, as the clerk typed them, with a last column "Lỗi": to
    correct and upload again. Those of an import that skipped them too."""

    def get(self, request, *args, **kwargs):
        from .export import errors_workbook

        history = self.history
        rows = history.rows.filter(status__in=WITH_ERRORS).order_by("row").values_list("values", "messages")
        content = errors_workbook(history.report.get("columns", []), rows.iterator(chunk_size=2000))
        response = HttpResponse(content, content_type=CONTENT_TYPES["xlsx"])
        name = f"{Path(history.original_name).stem}-cac-dong-loi.xlsx"
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
        return response


CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def _download(dataset, fmt, filename):
    from .export import export_bytes

    if fmt not in CONTENT_TYPES:
        raise Http404
    response = HttpResponse(export_bytes(dataset, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


class OfferingExportView(OfferingAdminView):
    """The offering's enrollments in the layout the importer reads."""

    permission_required = "enrollment.view_enrollment"

    def get(self, request, pk, fmt):
        from .export import offering_dataset

        return _download(offering_dataset(self.offering), fmt, f"danh-sach-{self.offering.code}")


def participants_export(request, fmt):
    from .export import roster_dataset

    if not request.user.has_perm("enrollment.view_participant"):
        raise PermissionDenied
    people = scope.scope_participants(request.user, Participant.objects.all()).select_related("unit", "organization")
    return _download(roster_dataset((person, "") for person in people.order_by("sort_key")), fmt, "hoc-vien")
