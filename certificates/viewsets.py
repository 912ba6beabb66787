from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.choosers import SnippetChooserViewSet

from .forms import CertificateTemplateForm
from .models import CertificateTemplate


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Certificate templates")
    add_to_settings_menu = True
    list_display = ["name", "kind", "issuer", "is_default"]
    edit_handler = ObjectList(CertificateTemplate.panels, base_form_class=CertificateTemplateForm)
    chooser_viewset_class = SnippetChooserViewSet
