"""The catalog and its tracks, the upper half of the content tree (the courses and lessons: models/pages.py).

These pages list courses through courses.selectors, which reads models/pages.py: they sit above both.
"""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from lms.pages import AsciiSlugMixin

from ..selectors import catalog, catalog_search, track_courses
from ..widgets import ImageChooser
from .pages import FoldedSearchMixin


class CourseIndexPage(AsciiSlugMixin, FoldedSearchMixin, Page):
    """The course catalog: every track with its courses, and search."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.TrackPage"]
    max_count = 1

    class Meta:
        verbose_name = _("course catalog")

    def route(self, request, path_components):
        """Resolve /track/course/lesson/ in one query instead of two per level.

        Wagtail walks the tree one child at a time; below the catalog every
        page is served as is (no routable pages), so fetching the pages whose
        slugs appear in the path and chaining them by tree path is equivalent.
        """
        if not path_components:
            return super().route(request, path_components)
        candidates = list(
            Page.objects.filter(
                path__startswith=self.path,
                depth__gt=self.depth,
                depth__lte=self.depth + len(path_components),
                slug__in=path_components,
            )
        )
        current = self
        for slug in path_components:
            current = next(
                (
                    page
                    for page in candidates
                    if page.slug == slug and page.depth == current.depth + 1 and page.path.startswith(current.path)
                ),
                None,
            )
            if current is None:
                raise Http404
        return current.specific.route(request, [])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = request.GET.get("q", "").strip()[:200]
        context["query"] = query
        if query:
            context["results"] = catalog_search(query)
        else:
            context["tracks"] = catalog(self, TrackPage.objects.live().child_of(self).order_by("path"))
        return context


class TrackPage(AsciiSlugMixin, FoldedSearchMixin, Page):
    class Code(models.TextChoices):
        STEERING = "steering", _("Steering boards and councils")
        OFFICERS = "officers", _("Program officers")
        PRODUCERS = "producers", _("Producers")

    code = models.CharField(_("code"), max_length=20, choices=Code.choices, unique=True)
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "ul", "link"])
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("code"),
        FieldPanel("description"),
        FieldPanel("image", widget=ImageChooser),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("track")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = track_courses(self)
        return context
