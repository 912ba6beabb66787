"""The resources of the admin's imports, and running them.

`CheckedResource` is an import-export ModelResource that knows the user it imports for and never lets
a row end in a traceback: a cell it cannot read, a value the model refuses, a rule of the resource's
own (`check_row`) are all ValidationErrors keyed by field, which `import_table` reports under the
file's column, with the row's number in the spreadsheet. Rows are matched on the resource's
`import_id_fields` and left alone when nothing changed (skip_unchanged), so importing a file again
changes nothing and says so.

`import_table` runs the resource in one transaction: the check (dry run) is the import rolled back, so
its counts are exact; the import itself is rolled back whole when any row fails.
"""

import logging
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from import_export import resources, widgets
from import_export.results import RowResult
from wagtail.log_actions import log

from lms.spreadsheets import CellError

from .reading import Column, Table

logger = logging.getLogger(__name__)

NEW, CHANGED, UNCHANGED, ERROR = "new", "changed", "unchanged", "error"
STATUS_LABELS = {
    NEW: pgettext_lazy("import row", "New"),
    CHANGED: pgettext_lazy("import row", "Changed"),
    UNCHANGED: pgettext_lazy("import row", "Unchanged"),
    ERROR: pgettext_lazy("import row", "Error"),
}
_STATUS = {
    RowResult.IMPORT_TYPE_NEW: NEW,
    RowResult.IMPORT_TYPE_UPDATE: CHANGED,
    RowResult.IMPORT_TYPE_SKIP: UNCHANGED,
}
SYSTEM_ERROR = gettext_lazy("this row could not be saved because of a system error (it has been logged)")


class CheckedResource(resources.ModelResource):
    """A ModelResource for an admin import (see the module). Subclasses declare `columns` (one Column per
    column the file may have, named as the fields' column_name), `alternatives` (groups of columns of
    which a file needs one) and may add rules in `check_row`."""

    columns: tuple[Column, ...] = ()
    alternatives: tuple[tuple[str, ...], ...] = ()

    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True
        store_instance = True
        store_row_values = True
        skip_html_diff = True

    def __init__(self, *, user=None, **kwargs):
        super().__init__(**kwargs)
        self.user = user
        self.table = None  # the Table being imported (import_table sets it), for the rows' numbers
        self._before = {}
        for resource_field in self.fields.values():
            if bind := getattr(resource_field.widget, "bind", None):
                bind(self)

    # Matching a row to a record --------------------------------------------------

    def get_instance(self, instance_loader, row):
        """The record the row is about, or None; a cell that cannot be read matches nothing here (the row is
        then new, and the same cell is reported as an error when the row is read)."""
        try:
            return super().get_instance(instance_loader, row)
        except ValueError:
            return None

    def after_init_instance(self, instance, new, row, **kwargs):
        """Many-to-many values before the row changes them (they are not part of the copy the library
        keeps of the record), to tell a changed row from an unchanged one."""
        self._before = {
            f.attribute: set() if new else {item.pk for item in f.get_value(instance).all()}
            for f in self.get_import_fields()
            if isinstance(f.widget, widgets.ManyToManyWidget)
        }

    # Reading a row ----------------------------------------------------------------

    def import_instance(self, instance, row, **kwargs):
        """Every field of the row, many-to-many ones included, then `check_row`: all their errors at once."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for f in self.get_import_fields():
            if isinstance(f.widget, widgets.ManyToManyWidget) and f.column_name in row:
                try:
                    f.clean(row, **kwargs)
                except ValueError as error:
                    errors.setdefault(f.attribute, []).append(ValidationError(str(error)))
        index = kwargs.get("row_number")
        number = self.table.row_number(index) if self.table is not None and index else index
        for key, message in self.check_row(instance, row, errors, number).items():
            errors.setdefault(key, []).append(ValidationError(message))
        if errors:
            raise ValidationError(errors)

    def check_row(self, instance, row, errors: dict, number) -> dict[str, str]:
        """The resource's own rules for a row read into `instance` (`errors`: the fields already refused;
        `number`: the row's in the spreadsheet): {field name or NON_FIELD_ERRORS: message}. It may also
        complete the instance (values that follow from others)."""
        return {}

    def after_import(self, dataset, result, **kwargs):
        """Nothing. The library would reset the table's id sequence after an import (for files that carry
        ids); ours never do, and on PostgreSQL a reset can lower the sequence under a concurrent insert."""

    def after_import_row(self, row, row_result, **kwargs):
        """Which columns a changed row changes; the admin's history of each record written."""
        if row_result.import_type == RowResult.IMPORT_TYPE_UPDATE and row_result.original is not None:
            row_result.changed_columns = self.changed_columns(row_result.original, row_result.instance, row)
        if not kwargs.get("dry_run") and row_result.import_type in (
            RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE,
        ):  # fmt: skip
            action = "wagtail.create" if row_result.import_type == RowResult.IMPORT_TYPE_NEW else "wagtail.edit"
            log(instance=row_result.instance, action=action, user=self.user)

    def changed_columns(self, original, instance, row) -> list[str]:
        changed = []
        for f in self.get_import_fields():
            if f.column_name not in row:
                continue
            if isinstance(f.widget, widgets.ManyToManyWidget):
                if {item.pk for item in f.clean(row)} != self._before.get(f.attribute, set()):
                    changed.append(f.column_name)
            elif f.get_value(original) != f.get_value(instance):
                changed.append(f.column_name)
        return changed

    def column_of(self, key: str) -> str | None:
        """The column a field's error belongs to (None: the row as a whole)."""
        if key == NON_FIELD_ERRORS:
            return None
        for f in self.fields.values():
            if key in (f.attribute, f.column_name):
                return f.column_name
        return None


@dataclass
class RowOutcome:
    number: int  # in the spreadsheet
    status: str  # NEW, CHANGED, UNCHANGED or ERROR
    values: dict
    messages: list[str] = field(default_factory=list)

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


@dataclass
class ImportReport:
    rows: list[RowOutcome] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)

    def count(self, status) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def counts(self) -> dict[str, int]:
        return {status: self.count(status) for status in STATUS_LABELS}

    @property
    def has_errors(self) -> bool:
        return bool(self.file_errors) or any(row.status == ERROR for row in self.rows)


def _messages(resource, table: Table, number: int, row_result) -> list[str]:
    if row_result.validation_error is not None:
        error = row_result.validation_error
        by_key = error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
        messages = []
        for key, texts in by_key.items():
            column = resource.column_of(key)
            messages += [str(CellError(number, column and table.header(column), text)) for text in texts]
        return messages
    for error in row_result.errors:
        logger.error("Import row %s failed", number, exc_info=error.error)
    return [str(CellError(number, None, str(SYSTEM_ERROR)))]


def report_of(resource, result, table: Table) -> ImportReport:
    report = ImportReport()
    for error in result.base_errors:
        logger.error("Import failed", exc_info=error.error)
        report.file_errors.append(_("The file could not be imported because of a system error (it has been logged)."))
    for index, row_result in enumerate(result.rows, start=1):
        number = table.row_number(index)
        values = dict(row_result.row_values or {})
        status = _STATUS.get(row_result.import_type, ERROR)
        outcome = RowOutcome(number, status, values)
        if status == ERROR:
            outcome.messages = _messages(resource, table, number, row_result)
        elif status == CHANGED:
            columns = [table.header(name) for name in getattr(row_result, "changed_columns", [])]
            outcome.messages = [_("Changes: %(columns)s") % {"columns": ", ".join(columns)}] if columns else []
        report.rows.append(outcome)
    return report


def import_table(resource: CheckedResource, table: Table, *, dry_run: bool) -> ImportReport:
    """Run `resource` over the table: as a check (dry_run, rolled back) or for real (rolled back whole
    when any row fails). Returns what happened to each row."""
    resource.table = table
    result = resource.import_data(
        table.dataset, dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=True, raise_errors=False
    )
    return report_of(resource, result, table)
