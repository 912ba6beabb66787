from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from courses.models import TrackPage


class TrackTeaserBlock(blocks.StructBlock):
    code = blocks.ChoiceBlock(choices=TrackPage.Code.choices, label=_("Track"))
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    audience = blocks.CharBlock(label=_("Who it is for"), max_length=250)
    description = blocks.TextBlock(label=_("Description"))

    class Meta:
        icon = "group"
        label = _("Track")
        template = "blocks/track_teaser.html"
