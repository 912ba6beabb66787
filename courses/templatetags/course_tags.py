from django import template

from courses.models import CourseIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def course_catalog_url(context):
    """The URL of the live course catalog, or "" before one exists (looked up once per request)."""
    request = context.get("request")
    if request is not None and hasattr(request, "course_catalog_url"):
        return request.course_catalog_url
    catalog = CourseIndexPage.objects.live().only("id", "url_path").first()
    url = catalog.get_url(request) if catalog else ""
    if request is not None:
        request.course_catalog_url = url
    return url


@register.filter
def startswith(value, prefix):
    return bool(prefix) and str(value).startswith(str(prefix))


@register.filter
def minutes_seconds(seconds):
    """A number of seconds as m:ss (the time left in a timed test)."""
    seconds = max(0, int(seconds or 0))
    return f"{seconds // 60}:{seconds % 60:02d}"
