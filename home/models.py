from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .blocks import TrackTeaserBlock


class HomePage(Page):
    """The site's front page: what the program is and who it trains."""

    lead = models.TextField(_("lead"), blank=True, help_text=_("One or two sentences under the title."))
    body = RichTextField(
        _("about the program"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    )
    tracks = StreamField([("track", TrackTeaserBlock())], verbose_name=_("tracks"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("tracks"),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")
