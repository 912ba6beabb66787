from django import template

from courses.models import CourseIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def course_catalog_url(context):
    """The URL of the live course catalog, or "" before one exists."""
    catalog = CourseIndexPage.objects.live().only("id", "url_path").first()
    return catalog.get_url(context.get("request")) if catalog else ""


@register.filter
def startswith(value, prefix):
    return bool(prefix) and str(value).startswith(str(prefix))
