"""Merging two participants who are the same person (admin view)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from . import scope, services
from .models import Participant


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


class ParticipantMergeView(FormView):
    form_class = MergeForm
    template_name = "enrollment/participant_merge.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("enrollment.change_participant"):
            raise PermissionDenied
        people = scope.scope_participants(request.user, Participant.objects.all())
        self.survivor = get_object_or_404(people, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

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
        return {
            **context,
            "survivor": self.survivor,
            "duplicate": duplicate,
            "rows": rows,
            "header_title": _("Merge participants"),
            "page_title": _("Merge participants"),
            "header_icon": "user",
        }

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
