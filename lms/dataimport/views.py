"""The admin's import page, one definition for every list: upload, preview, confirm.

1. GET: the upload form, the columns the file may have, and the template or export to start from.
2. POST with a file: the file is checked and read (nothing written); a file that cannot be read is
   answered on the form; otherwise it is kept (lms.dataimport.pending) and the browser goes to
3. GET ?preview=<token>: the check, run again on the kept file (the import, rolled back): counts of
   new, changed, unchanged and error rows and every row with its messages, 100 a page, filterable.
   Without errors, a button confirms.
4. POST with the token: the import, in one transaction (rolled back whole if a row fails now); then
   the list it filled, with the counts. The token is the only thing the confirmation carries: it
   names this person's upload for this import, nothing else.

A subclass names its resource, permissions, title and where to go; `get_resource()` passes the user.
"""

from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.forms import validate_upload_size
from lms.spreadsheets import SpreadsheetError

from . import pending as kept
from .reading import EXTENSIONS, read_table
from .resources import ERROR, STATUS_LABELS, import_table

ROWS_PER_PAGE = 100


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File"), validators=[validate_upload_size])

    def __init__(self, *args, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["file"].label = label
        self.fields["file"].help_text = _("Excel (.xlsx) or CSV (UTF-8), up to %(limit)s MB.") % {
            "limit": settings.ROSTER_MAX_UPLOAD_MB
        }
        self.fields["file"].widget.attrs["accept"] = ",".join(EXTENSIONS)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.extension = Path(upload.name).suffix.lower()
        if self.extension not in EXTENSIONS:
            raise forms.ValidationError(_("Only .xlsx and .csv files can be imported here."))
        return upload


class DataImportView(WagtailAdminTemplateMixin, View):
    """See the module. Subclasses set the attributes below and `get_done_url()`."""

    kind = None  # names the import in the uploader's session
    resource_class = None
    permissions: tuple[str, ...] = ()  # all required
    template_name = "lms/data_import.html"
    header_icon = "upload"
    file_label = None
    intro = ""
    preview_columns: tuple[str, ...] = ()  # columns shown in the preview, of those the file has
    template_url_name = None  # an empty workbook to fill, or the list as it is
    template_link_text = gettext_lazy("Download the template (XLSX)")
    index_url_name = None  # the list the import fills (breadcrumbs)
    index_label = None

    def dispatch(self, request, *args, **kwargs):
        if not all(request.user.has_perm(permission) for permission in self.permissions):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_resource(self):
        return self.resource_class(user=self.request.user)

    def get_done_url(self) -> str:
        return reverse(self.index_url_name)

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items]
        if self.index_url_name:
            items.append({"url": reverse(self.index_url_name), "label": self.index_label})
        return [*items, {"url": None, "label": self.get_page_title()}]

    def success_message(self, report, filename) -> str:
        counts = report.counts
        return _("%(file)s imported: %(new)s new, %(changed)s changed, %(unchanged)s unchanged.") % {
            "file": filename, "new": counts["new"], "changed": counts["changed"], "unchanged": counts["unchanged"],
        }  # fmt: skip

    # Steps -------------------------------------------------------------------------

    def get(self, request, *args, **kwargs):
        token = request.GET.get("preview")
        if token is None:
            return self.render_upload(UploadForm(label=self.file_label))
        upload = kept.pending_get(request, self.kind, token)
        if upload is None:
            messages.error(
                request, _("This upload is no longer available (imported already, or too old): upload the file again.")
            )
            return redirect(request.path)
        return self.render_preview(upload)

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self.confirm(request.POST["token"])
        form = UploadForm(request.POST, request.FILES, label=self.file_label)
        if not form.is_valid():
            return self.render_upload(form)
        upload = kept.pending_save(request, self.kind, form.cleaned_data["file"], form.extension)
        try:
            self.read(upload)
        except SpreadsheetError as error:
            kept.pending_discard(request, upload)
            form.add_error("file", error.message)
            return self.render_upload(form)
        return redirect(f"{request.path}?preview={upload.token}")

    def confirm(self, token):
        request = self.request
        upload = kept.pending_get(request, self.kind, token)
        if upload is None:
            messages.error(
                request, _("This upload is no longer available (imported already, or too old): upload the file again.")
            )
            return redirect(request.path)
        try:
            table = self.read(upload)
        except SpreadsheetError as error:
            kept.pending_discard(request, upload)
            messages.error(request, error.message)
            return redirect(request.path)
        with transaction.atomic():
            report = import_table(self.get_resource(), table, dry_run=False)
        if report.has_errors:
            messages.error(request, _("Nothing was imported: some rows cannot be imported now. They are shown below."))
            return redirect(f"{request.path}?preview={upload.token}")
        kept.pending_discard(request, upload)
        messages.success(request, self.success_message(report, upload.filename))
        return redirect(self.get_done_url())

    def read(self, upload):
        """The kept file's table (SpreadsheetError when it cannot be read, or is gone)."""
        data = kept.pending_read(upload)
        if data is None:
            raise SpreadsheetError(_("The uploaded file is no longer available: upload it again."))
        with kept.local_copy(upload, data) as path:
            resource = self.resource_class
            return read_table(path, list(resource.columns), alternatives=resource.alternatives)

    # Pages ---------------------------------------------------------------------------

    def render_upload(self, form):
        columns = self.resource_class.columns
        template_url = reverse(self.template_url_name) if self.template_url_name else None
        return self.render_to_response(self.get_context_data(
            form=form, columns=columns, template_url=template_url, template_link_text=self.template_link_text,
            intro=self.intro, preview=False,
        ))  # fmt: skip

    def render_preview(self, upload):
        try:
            table = self.read(upload)
        except SpreadsheetError as error:
            kept.pending_discard(self.request, upload)
            messages.error(self.request, error.message)
            return redirect(self.request.path)
        report = import_table(self.get_resource(), table, dry_run=True)
        status = self.request.GET.get("status", "")
        rows = [row for row in report.rows if row.status == status] if status in STATUS_LABELS else report.rows
        page = Paginator(rows, ROWS_PER_PAGE).get_page(self.request.GET.get("p"))
        counts = report.counts
        filters = [("", _("All rows"), len(report.rows))]
        filters += [(value, label, counts[value]) for value, label in STATUS_LABELS.items() if counts[value]]
        shown = [name for name in self.preview_columns if name in table.headers]
        for row in page:
            row.shown = [row.values.get(name, "") for name in shown]
        return self.render_to_response(self.get_context_data(
            preview=True, upload=upload, report=report, counts=counts, page=page, status=status, filters=filters,
            shown_headers=[table.header(name) for name in shown], token=upload.token, error_status=ERROR,
            can_confirm=not report.has_errors, elided_page_range=page.paginator.get_elided_page_range(page.number),
            to_write=counts["new"] + counts["changed"],
        ))  # fmt: skip
