"""Staff screens in the Wagtail admin: units, organizations, participants, offerings, enrollments.

Every list, form and object lookup goes through a scope function
(enrollment/scope.py), so an organizer only ever reaches their own units.
"""

import re

import django_filters
from django.contrib import messages
from django.db import router
from django.db.models import ProtectedError, Q, RestrictedError
from django.db.models.deletion import Collector
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import AdminDateInput, Button, HeaderButton
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from lms.forms import choices_by_own_id
from lms.text import fold

from . import scope, services
from .models import AdministrativeUnit, Enrollment, OcopProduct, Offering, Organization, Participant

# Form fields whose choices are narrowed to the staff member's units.
CHOICES_SCOPE = {
    "unit": scope.scope_units,
    "offering": scope.scope_offerings,
    "organization": scope.scope_by_unit,
    "participant": scope.scope_participants,
    "organizers": scope.scope_by_unit,
}


class ScopedMixin:
    def scoped(self, queryset):
        return scope.visible(self.request.user, queryset)

    def get_base_object_queryset(self):
        return self.scoped(self.model._default_manager.all())

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_base_object_queryset(), pk=self.kwargs[self.pk_url_kwarg])

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        for name, narrow in CHOICES_SCOPE.items():
            if name in form.fields:
                form.fields[name].queryset = narrow(self.request.user, form.fields[name].queryset)
        choices_by_own_id(form)
        return form

    @cached_property
    def filters(self):
        """A listing's filters (the list, an object's history), their choices narrowed like the forms'
        (an offering filter lists only the offerings of the user's units, not every unit's drafts) and
        read as ids first."""
        if not getattr(self, "filterset_class", None):
            return None
        filterset = self.filterset_class(**self.get_filterset_kwargs())
        for name, narrow in CHOICES_SCOPE.items():
            choice = filterset.filters.get(name)
            if getattr(choice, "queryset", None) is not None:
                choice.queryset = narrow(self.request.user, choice.queryset)
        choices_by_own_id(filterset.form)
        return filterset if filterset.form.fields else None


class ScopedIndexView(ScopedMixin, generic.IndexView):
    def get_base_queryset(self):
        return self.scoped(super().get_base_queryset())


class LinkedIndexView(ScopedIndexView):
    """A listing with buttons to pages about the whole list (import, export), each shown to those who hold
    its permission: `header_links`, (label, URL name, icon, permission)."""

    header_links = ()

    @cached_property
    def header_buttons(self):
        user = self.request.user
        links = [
            HeaderButton(label, url=reverse(name), icon_name=icon)
            for label, name, icon, permission in self.header_links
            if user.has_perm(permission)
        ]
        return [*super().header_buttons, *links]


class ScopedEditView(ScopedMixin, generic.EditView):
    pass


class ScopedCreateView(ScopedMixin, generic.CreateView):
    pass


def _blocking(instance) -> list:
    """The rows that keep `instance` from being deleted (on_delete PROTECT or RESTRICT)."""
    try:
        Collector(using=router.db_for_write(type(instance))).collect([instance])
    except (ProtectedError, RestrictedError) as error:
        return list(error.args[1])
    return []


class ScopedDeleteView(ScopedMixin, generic.DeleteView):
    def form_valid(self, form):
        if blocking := _blocking(self.object):
            kinds = sorted({str(row._meta.verbose_name_plural) for row in blocking})
            messages.error(
                self.request,
                _("“%(object)s” cannot be deleted: %(kinds)s still refer to it.")
                % {"object": self.object, "kinds": ", ".join(kinds)},
            )
            return redirect(self.get_success_url())
        return super().form_valid(form)


class ScopedInspectView(ScopedMixin, generic.InspectView):
    pass


class ScopedHistoryView(ScopedMixin, generic.HistoryView):
    pass


class ScopedUsageView(ScopedMixin, generic.UsageView):
    pass


class ScopedViewSet(ModelViewSet):
    """A model of a unit: every view narrows to what the user may act on (scope.visible)."""

    list_select_related = ()
    index_view_class = ScopedIndexView
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    copy_view_enabled = False

    def get_index_view_kwargs(self, **kwargs):
        queryset = self.model._default_manager.select_related(*self.list_select_related)
        return super().get_index_view_kwargs(queryset=queryset, **kwargs)


class LinkColumn(Column):
    """A cell linking somewhere about the row: link_text and get_url(instance)."""

    cell_template_name = "enrollment/tables/link_cell.html"

    def __init__(self, name, *, link_text, get_url, **kwargs):
        super().__init__(name, **kwargs)
        self.link_text, self.get_url = link_text, get_url

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        return {**context, "url": self.get_url(instance), "text": self.link_text}


class ScopedPolicy(ModelPermissionPolicy):
    """Model permissions, for the instances of the user's units only: what Wagtail's own views that
    take an object (the editing-session ping, choosers) ask before they act on it."""

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and (
            scope.visible(user, self.model._default_manager.filter(pk=instance.pk)).exists()
        )

    def instances_user_has_permission_for(self, user, action):
        return scope.visible(user, super().instances_user_has_permission_for(user, action))


class ReadOnlyPolicy(ScopedPolicy):
    """Viewing only, whatever other permissions a user holds."""

    def user_has_permission(self, user, action):
        return action in ("view",) and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


# Participants -----------------------------------------------------------------


class ParticipantFilterSet(WagtailFilterSet):
    # Typed, not a drop-down: a province has hundreds of units in two schemes.
    unit_name = django_filters.CharFilter(label=_("Administrative unit"), method="filter_unit_name")

    class Meta:
        model = Participant
        fields = {"category": ["exact"], "organization__kind": ["exact"]}

    def filter_unit_name(self, queryset, name, value):
        return queryset.filter(unit__name_key__contains=fold(value)) if value else queryset


class ParticipantIndexView(ScopedIndexView):
    def search_queryset(self, queryset):
        """Name without diacritics, phone in any form, national ID or email."""
        if not self.is_searching:
            return queryset
        query = self.search_query
        condition = Q(name_key__contains=fold(query))
        digits = re.sub(r"\D", "", query)
        if len(digits) >= 4:
            condition |= Q(phone__contains=digits.lstrip("0").removeprefix("84")) | Q(national_id__contains=digits)
        if "@" in query:
            condition |= Q(email__icontains=query.strip())
        return queryset.filter(condition)


class ParticipantCreateView(ScopedCreateView):
    def save_instance(self):
        return services.participant_save(participant=self.form.save(commit=False))


class ParticipantEditView(ScopedEditView):
    def save_instance(self):
        return services.participant_save(participant=self.form.save(commit=False))

    @cached_property
    def header_more_buttons(self):
        merge = Button(
            _("Merge a duplicate"), url=reverse("participants:merge", args=[self.object.pk]), icon_name="resubmit"
        )
        return [*super().header_more_buttons, merge]


class ParticipantViewSet(ScopedViewSet):
    name = "participants"
    model = Participant
    index_view_class = ParticipantIndexView
    add_view_class = ParticipantCreateView
    edit_view_class = ParticipantEditView
    icon = "user"
    menu_label = _("Participants")
    form_fields = [
        "full_name", "gender", "birth_date", "birth_year", "phone", "email", "national_id",
        "position", "organization", "unit", "category",
    ]  # fmt: skip
    list_display = ["full_name", "birth_year", "phone", "organization", "unit", "category"]
    filterset_class = ParticipantFilterSet
    search_fields = ["full_name"]
    inspect_view_enabled = True
    list_select_related = ("organization", "unit")
    list_per_page = 50

    def get_urlpatterns(self):
        from django.urls import path

        from .admin_views import ParticipantMergeView

        return super().get_urlpatterns() + [path("<int:pk>/merge/", ParticipantMergeView.as_view(), name="merge")]


# Organizations ----------------------------------------------------------------


class OrganizationIndexView(LinkedIndexView):
    header_links = (
        (_("Import from Excel"), "enrollment:organizations_import", "upload", "enrollment.add_organization"),
        (_("Export (XLSX)"), "enrollment:organizations_export", "download", "enrollment.view_organization"),
    )


class OrganizationCreateView(ScopedCreateView):
    def save_instance(self):
        return services.organization_save(organization=self.form.save(commit=False))


class OrganizationEditView(ScopedEditView):
    def save_instance(self):
        return services.organization_save(organization=self.form.save(commit=False))


class OrganizationViewSet(ScopedViewSet):
    name = "organizations"
    model = Organization
    index_view_class = OrganizationIndexView
    add_view_class = OrganizationCreateView
    edit_view_class = OrganizationEditView
    icon = "group"
    menu_label = _("Organizations")
    form_fields = ["kind", "name", "tax_code", "unit"]
    list_display = ["name", "kind", "tax_code", "unit"]
    list_select_related = ("unit",)
    list_filter = ["kind"]
    search_fields = ["name", "tax_code"]


class OcopProductIndexView(LinkedIndexView):
    header_links = (
        (_("Import from Excel"), "enrollment:products_import", "upload", "enrollment.add_ocopproduct"),
        (_("Export (XLSX)"), "enrollment:products_export", "download", "enrollment.view_ocopproduct"),
    )


class OcopProductViewSet(ScopedViewSet):
    name = "ocop_products"
    model = OcopProduct
    index_view_class = OcopProductIndexView
    icon = "pick"
    menu_label = _("OCOP products")
    form_fields = ["organization", "name", "stars", "year", "category"]
    list_display = ["name", "organization", "stars", "year", "category"]
    list_filter = ["stars", "year", "category"]
    search_fields = ["name", "organization__name"]
    list_select_related = ("organization",)


# Offerings and enrollments ------------------------------------------------------


class OfferingIndexView(LinkedIndexView):
    header_links = ((_("Import the year's plan"), "enrollment:plan_import", "upload", "enrollment.add_offering"),)


class OfferingViewSet(ScopedViewSet):
    name = "offerings"
    model = Offering
    index_view_class = OfferingIndexView
    icon = "date"
    menu_label = _("Classes and events")
    form_fields = [
        "code", "kind", "title", "course", "track", "unit", "venue", "starts_on", "ends_on", "capacity",
        "status", "organizers", "trainers",
    ]  # fmt: skip
    list_display = [
        "code", "title", "kind", "unit", "starts_on", "status", Column("capacity", label=_("Capacity")),
        LinkColumn(
            "enrollments_link", accessor="pk", label=_("Enrollments"), link_text=_("List"),
            get_url=lambda offering: reverse("enrollments:index") + f"?offering={offering.pk}",
        ),
        LinkColumn(
            "attendance_link", accessor="pk", label=_("Attendance"), link_text=_("Sessions"),
            get_url=lambda offering: reverse("attendance:offering", args=[offering.pk]),
        ),
        LinkColumn(
            "certificates_link", accessor="pk", label=_("Certificates"), link_text=_("Issue"),
            get_url=lambda offering: reverse("certificates:offering", args=[offering.pk]),
        ),
        LinkColumn(
            "survey_link", accessor="pk", label=_("Survey"), link_text=_("Results"),
            get_url=lambda offering: reverse("feedback:offering", args=[offering.pk]),
        ),
        LinkColumn(
            "roster_link", accessor="pk", label=_("Roster"), link_text=_("Import a roster"),
            get_url=lambda offering: reverse("enrollment:roster_upload", args=[offering.pk]),
        ),
        LinkColumn(
            "export_link", accessor="pk", label=_("Export"), link_text="XLSX",
            get_url=lambda offering: reverse("enrollment:offering_export", args=[offering.pk, "xlsx"]),
        ),
    ]  # fmt: skip
    list_select_related = ("unit",)
    list_filter = ["kind", "status", "track"]
    search_fields = ["code", "title"]
    inspect_view_enabled = True
    form_widgets = {"starts_on": AdminDateInput, "ends_on": AdminDateInput}


class EnrollmentCreateView(ScopedCreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.enrollment_create(
            offering=data["offering"], participant=data["participant"], source=Enrollment.Source.STAFF
        )


class EnrollmentEditView(ScopedEditView):
    """The person and the class of an enrollment stay as they are; its status changes through the
    service, so cancelling a seat here gives it to the first person waiting, as everywhere else."""

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        for name in ("offering", "participant"):
            form.fields[name].disabled = True
        return form

    def save_instance(self):
        enrollment = services.enrollment_status_change(enrollment=self.object, status=self.form.cleaned_data["status"])
        log(instance=enrollment, action="wagtail.edit", user=self.request.user)
        return enrollment

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except services.EnrollmentError as error:
            form.add_error("status", str(error))
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class EnrollmentViewSet(ScopedViewSet):
    name = "enrollments"
    model = Enrollment
    add_view_class = EnrollmentCreateView
    edit_view_class = EnrollmentEditView
    icon = "list-ul"
    menu_label = _("Enrollments")
    form_fields = ["offering", "participant", "status"]
    list_display = ["participant", "offering", "status", "source", "created_at"]
    list_select_related = ("participant", "offering")
    list_filter = ["status", "source", "offering"]
    search_fields = ["participant__full_name", "offering__code"]


# Units --------------------------------------------------------------------------


class UnitViewSet(ScopedViewSet):
    """Read-only: units come from the statistics office lists (load_units)."""

    name = "units"
    model = AdministrativeUnit
    icon = "site"
    menu_label = _("Administrative units")
    list_display = ["name", "type", "code", "scheme", "parent"]
    list_filter = ["scheme", "level", "type"]
    search_fields = ["name", "code"]
    inspect_view_enabled = True
    inspect_view_fields = ["scheme", "level", "code", "name", "type", "parent"]
    form_fields = ["name"]
    list_select_related = ("parent",)


class TrainingViewSetGroup(ModelViewSetGroup):
    menu_label = _("Training")
    menu_icon = "group"
    menu_order = 200
    items = (
        OfferingViewSet,
        EnrollmentViewSet,
        ParticipantViewSet,
        OrganizationViewSet,
        OcopProductViewSet,
        UnitViewSet,
    )
