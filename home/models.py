from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from courses.models import TrackPage
from lms.pages import AsciiSlugMixin
from lms.params import bounded

from .blocks import TrackTeaserBlock


class HomePage(AsciiSlugMixin, Page):
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

    def get_context(self, request, *args, **kwargs):
        from .report.headline import headline_figures

        context = super().get_context(request, *args, **kwargs)
        context["headline"] = headline_figures()
        return context


class TrainingTarget(models.Model):
    """What the program plans for a year and a track: people to train and classes to hold.

    Targets are program-wide (the province's plan); the dashboard shows them beside the
    actual figures when it is not narrowed to a smaller unit.
    """

    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    track = models.CharField(_("track"), max_length=20, choices=TrackPage.Code.choices)
    people = models.PositiveIntegerField(_("people to train"), default=0, validators=bounded(10_000_000))
    classes = models.PositiveIntegerField(_("classes to hold"), default=0, validators=bounded(100_000))

    class Meta:
        verbose_name = _("yearly target")
        verbose_name_plural = _("yearly targets")
        ordering = ["-year", "track"]
        constraints = [models.UniqueConstraint(fields=["year", "track"], name="one_target_per_year_and_track")]
        permissions = [("view_dashboard", _("Can see the program dashboard"))]

    def __str__(self):
        return f"{self.year} – {self.get_track_display()}"
