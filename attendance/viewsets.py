"""Sessions one by one in the admin (the schedule generator makes them in bulk)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput, AdminTimeInput

from enrollment import scope
from enrollment.models import Offering
from enrollment.viewsets import ScopedCreateView, ScopedEditView, ScopedViewSet
from lms.params import parse_id

from .models import Session


class SessionCreateView(ScopedCreateView):
    def get_initial(self):
        initial = super().get_initial()
        pk = parse_id(self.request.GET.get("offering"))
        offering = scope.scope_offerings(self.request.user, Offering.objects.filter(pk=pk)).first() if pk else None
        if offering is not None:
            initial.update(offering=offering, date=offering.starts_on, venue="")
        return initial

    def get_success_url(self):
        return reverse("attendance:offering", args=[self.object.offering_id])


class SessionEditView(ScopedEditView):
    def get_success_url(self):
        return reverse("attendance:offering", args=[self.object.offering_id])


class SessionViewSet(ScopedViewSet):
    name = "sessions"
    model = Session
    icon = "time"
    add_to_admin_menu = False
    menu_label = _("Sessions")
    add_view_class = SessionCreateView
    edit_view_class = SessionEditView
    form_fields = ["offering", "title", "date", "starts_at", "ends_at", "venue", "required", "late_after_minutes",
                   "phone_checkin"]  # fmt: skip
    form_widgets = {"date": AdminDateInput, "starts_at": AdminTimeInput, "ends_at": AdminTimeInput}
    list_display = ["title", "offering", "date", "starts_at", "ends_at", "required"]
    list_filter = ["offering"]
    list_select_related = ("offering",)
