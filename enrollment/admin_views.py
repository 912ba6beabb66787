"""Admin views of enrollment: the base of every admin page about one offering (the roster's here,
attendance's and certificates' above), and merging two participants who are the same person."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permissions import policy_registry

from . import scope, services
from .models import Offering, Participant


def _model_breadcrumbs(user, instance, index_url_name, edit_url_name) -> list[dict]:
    """A model's list and one of its objects, as breadcrumbs, each a link only when the user may follow it
    (the permission policy registered for the model: its permissions, in the user's units)."""
    policy = policy_registry.get_by_type(type(instance))
    items = []
    if policy.user_has_any_permission(user, ["add", "change", "delete", "view"]):
        items.append({"url": reverse(index_url_name), "label": capfirst(instance._meta.verbose_name_plural)})
    url = reverse(edit_url_name, args=[instance.pk])
    editable = policy.user_has_permission_for_instance(user, "change", instance)
    items.append({"url": url if editable else None, "label": str(instance)})
    return items


class OfferingAdminView(WagtailAdminTemplateMixin, View):
    """An admin page about one offering, the offering at `pk` in its address (or the offering of the
    object there: `get_offering_id`).

    Before the page: without `permission_required` the answer is 403 (PermissionDenied); an offering
    outside `get_offering_queryset()` (by default the offerings of the user's units) is a 404, as is
    one that does not exist. The page then has `self.offering` (also `offering` in the template), the
    admin's header (`page_title`, `header_icon`) and breadcrumbs: the offerings > this offering >
    `get_parent_breadcrumbs_items()` (pages in between) > this page.
    """

    permission_required = None  # "app.codename"; None: any staff member who reaches the admin
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        self.offering = self.get_offering()
        return super().dispatch(request, *args, **kwargs)

    def get_offering_id(self):
        """The offering's id: in the address, or the offering of an object in the address (a session,
        a roster upload), looked up here by subclasses: 404 when there is no such object."""
        return self.kwargs["pk"]

    def has_permission(self) -> bool:
        return self.permission_required is None or self.request.user.has_perm(self.permission_required)

    def get_offering_queryset(self):
        """The offerings the user may open this page for."""
        return scope.scope_offerings(self.request.user, Offering.objects.all())

    def get_offering(self):
        offering_id = self.get_offering_id()
        if not self.has_permission():
            raise PermissionDenied
        return get_object_or_404(self.get_offering_queryset(), pk=offering_id)

    def get_parent_breadcrumbs_items(self) -> list[dict]:
        return []

    def get_breadcrumbs_items(self):
        offering = _model_breadcrumbs(self.request.user, self.offering, "offerings:index", "offerings:edit")
        this_page = {"url": None, "label": self.get_header_title()}
        return [*self.breadcrumbs_items, *offering, *self.get_parent_breadcrumbs_items(), this_page]

    def get_context_data(self, **kwargs):
        return super().get_context_data(offering=self.offering, **kwargs)


class MergeForm(forms.Form):
    duplicate = forms.ModelChoiceField(
        queryset=Participant.objects.none(),
        label=gettext_lazy("Duplicate to merge into this person"),
        help_text=gettext_lazy("Their enrollments move here and they are deleted."),
    )
    take = forms.MultipleChoiceField(
        choices=[(field, field) for field in services.MERGEABLE_FIELDS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Take these values from the duplicate"),
    )

    def __init__(self, *args, survivor, user, **kwargs):
        super().__init__(*args, **kwargs)
        people = scope.scope_participants(user, Participant.objects.exclude(pk=survivor.pk))
        self.fields["duplicate"].queryset = people.order_by("sort_key")
        self.fields["take"].choices = [
            (field, Participant._meta.get_field(field).verbose_name.capitalize()) for field in services.MERGEABLE_FIELDS
        ]


class ParticipantMergeView(WagtailAdminTemplateMixin, FormView):
    """Merge a duplicate into a participant (the participants viewset's `merge` URL)."""

    form_class = MergeForm
    template_name = "enrollment/participant_merge.html"
    page_title = gettext_lazy("Merge participants")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("enrollment.change_participant"):
            raise PermissionDenied
        people = scope.scope_participants(request.user, Participant.objects.all())
        self.survivor = get_object_or_404(people, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        person = _model_breadcrumbs(self.request.user, self.survivor, "participants:index", "participants:edit")
        return [*self.breadcrumbs_items, *person, {"url": None, "label": self.get_header_title()}]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "survivor": self.survivor, "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        duplicate = None
        form = context["form"]
        if form.is_bound and form.is_valid():
            duplicate = form.cleaned_data["duplicate"]
        elif self.request.GET.get("duplicate"):
            try:  # the id comes from a link, or from someone typing in the address bar
                duplicate = form.fields["duplicate"].clean(self.request.GET["duplicate"])
            except ValidationError:
                duplicate = None
        rows = []
        if duplicate is not None:
            for field in services.MERGEABLE_FIELDS:
                rows.append(
                    (field, Participant._meta.get_field(field).verbose_name, getattr(self.survivor, field) or "",
                     getattr(duplicate, field) or "")
                )  # fmt: skip
        return {**context, "survivor": self.survivor, "duplicate": duplicate, "rows": rows}

    def form_valid(self, form):
        try:
            log = services.participant_merge(
                survivor=self.survivor,
                duplicate=form.cleaned_data["duplicate"],
                take=set(form.cleaned_data["take"]),
                by=self.request.user,
            )
        except services.EnrollmentError as error:
            messages.error(self.request, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(merged)s was merged into %(kept)s; %(count)s enrollments moved.")
            % {"merged": log.merged_name, "kept": self.survivor.full_name, "count": log.enrollments_moved},
        )
        return redirect(reverse("participants:edit", args=[self.survivor.pk]))
