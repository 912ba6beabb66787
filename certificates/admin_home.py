"""The admin home's panel about certificates: the offerings that ended with certificates left to issue, each a
link to its certificates page."""

from django.utils import timezone

from lms.admin_home import HomePanel, shown

from .selectors import DUE_WITHIN_DAYS, offerings_with_certificates_to_issue


class CertificatesPanel(HomePanel):
    """For those who issue certificates (certificates.add_certificate), in their units."""

    name = "certificates_to_issue"
    order = 120
    template_name = "certificates/admin_home_panel.html"
    permission = "certificates.add_certificate"

    def get_context_data(self, parent_context=None):
        offerings = offerings_with_certificates_to_issue(self.request.user, timezone.localdate())
        rows, more = shown(offerings)
        return {**super().get_context_data(parent_context), "rows": rows, "more": more, "days": DUE_WITHIN_DAYS}
