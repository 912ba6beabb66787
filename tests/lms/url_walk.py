"""Every URL pattern the project serves, with arguments that point at the permission world's objects."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from attendance.services import checkin_code


@dataclass(frozen=True)
class Route:
    key: str  # the URL's name with its namespaces, or its pattern when it has no name
    pattern: str
    arguments: tuple[str, ...]

    @property
    def name(self) -> str | None:
        return None if self.key == self.pattern else self.key


def _arguments(pattern) -> tuple[str, ...]:
    regex = pattern.pattern.regex
    return tuple(regex.groupindex) or tuple(f"_{n}" for n in range(regex.groups))


def routes(resolver=None, prefix="", namespace="") -> list[Route]:
    found = []
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace]))
            for route in routes(entry, prefix + str(entry.pattern), inner):
                outer = _arguments(entry)
                found.append(Route(route.key, route.pattern, outer + route.arguments))
        elif isinstance(entry, URLPattern):
            pattern = prefix + str(entry.pattern)
            key = ":".join(filter(None, [namespace, entry.name])) if entry.name else pattern
            found.append(Route(key, pattern, _arguments(entry)))
    return found


def argument_values(w) -> dict:
    """What each URL argument is, by its name, in the permission world."""
    return {
        "page_id": w.lesson_a.pk,
        "page_pk": w.lesson_a.pk,
        "page_to_move_id": w.lesson_a.pk,
        "parent_page_id": w.course_a.pk,
        "destination_id": w.course_a.pk,
        "image_id": w.image.pk,
        "document_id": w.document.pk,
        "doc_id": w.document.pk,
        "redirect_id": w.redirect.pk,
        "collection_id": w.collection.pk,
        "revision_id": w.lesson_a.latest_revision_id,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "task_id": w.task.pk,
        "workflow_pk": w.workflow.pk,
        "task_state_id": 999_999,
        "workflow_state_id": 999_999,
        "uploaded_file_id": 999_999,
        "session_id": 999_999,
        "page_view_restriction_id": 999_999,
        "restriction_id": 999_999,
        "content_type_app_name": "courses",
        "content_type_model_name": "lessonpage",
        "app_label": "courses",
        "app_name": "courses",
        "model_name": "lessonpage",
        "object_id": str(w.lesson_a.pk),
        "action": "delete",
        "action_name": "approve",
        "filter_spec": "original",
        "uidb64": "MQ",
        "uidb36": "1",
        "token": "khong-hop-le",
        "key": "khong-hop-le",
        "table": "tracks",
        "fmt": "xlsx",
    }


def pk_values(w) -> dict:
    """What `pk` is, by the URL's name or namespace (the longest match wins)."""
    return {
        "offerings": w.offering_a.pk,
        "enrollments": w.enrollment.pk,
        "participants": w.participant.pk,
        "organizations": w.organization.pk,
        "ocop_products": w.product.pk,
        "units": w.unit_a.pk,
        "sessions": w.session_a.pk,
        "targets": w.target.pk,
        "course_access": w.course_access.pk,
        "courses:item_analysis": w.lesson_a.pk,
        "courses:item_analysis_xlsx": w.lesson_a.pk,
        "wagtailsnippets_courses_questionbank": w.bank.pk,
        "wagtailsnippetchoosers_courses_questionbank": w.bank.pk,
        "enrollment:roster_upload": w.offering_a.pk,
        "enrollment:roster_preview": w.roster.pk,
        "enrollment:roster_status": w.roster.pk,
        "enrollment:roster_errors": w.roster.pk,
        "enrollment:offering_export": w.offering_a.pk,
        "attendance:offering": w.offering_a.pk,
        "attendance:signin_sheet": w.offering_a.pk,
        "attendance:signin_sheet_xlsx": w.offering_a.pk,
        "attendance:signin_sheet_upload": w.offering_a.pk,
        "attendance:sheet": w.session_a.pk,
        "attendance:close": w.session_a.pk,
        "attendance:screen": w.session_a.pk,
        "certificates:offering": w.offering_a.pk,
        "certificates:offering_status": w.offering_a.pk,
        "certificates:offering_print": w.offering_a.pk,
        "certificates:offering_register": w.offering_a.pk,
        "certificate_download": w.certificate.pk,
        "checkin": w.session_a.pk,
        "wagtailadmin_api:pages": w.lesson_a.pk,
        "wagtailadmin_api:images": w.image.pk,
        "wagtailadmin_api:documents": w.document.pk,
        "wagtailadmin_pages:revisions_compare": w.lesson_a.pk,
        "wagtailadmin_collections": w.collection.pk,
        "wagtailadmin_workflows": w.workflow.pk,
        "wagtailadmin_workflows:edit_task": w.task.pk,
        "wagtailadmin_workflows:disable_task": w.task.pk,
        "wagtailadmin_workflows:enable_task": w.task.pk,
        "wagtailusers_users": w.users["learner"].pk,
        "wagtailusers_groups": w.group.pk,
        "wagtailsites": w.site.pk,
        "wagtaildocs_chooser": w.document.pk,
        "wagtailimages_chooser": w.image.pk,
        "wagtailsnippets_certificates_certificatetemplate": w.certificate_template.pk,
        "wagtailsnippetchoosers_certificates_certificatetemplate": w.certificate_template.pk,
        "wagtailsnippets_feedback_surveytemplate": w.survey_template.pk,
        "wagtailsnippetchoosers_feedback_surveytemplate": w.survey_template.pk,
        "feedback": w.offering_a.pk,
        "feedback:trainer": w.users["trainer"].pk,
    }


def _pk(key, w):
    table = pk_values(w)
    parts = key.split(":")
    for end in range(len(parts), 0, -1):
        if ":".join(parts[:end]) in table:
            return table[":".join(parts[:end])]
    raise KeyError(f"no pk for {key}")


def _code(key, w):
    if key == "checkin":
        return checkin_code(w.session_a)
    if key.startswith("offering_") or key == "survey":
        return w.offering_a.code
    return w.certificate.code


def url_of(route: Route, w) -> str:
    """The route's address, pointing at the world's unit A objects."""
    if route.key == "wagtaildocs_serve":
        return f"/documents/{w.document.pk}/{w.document.filename}"
    if route.key == "wagtail_serve":
        return w.lesson_a.url
    if route.name is None:
        return "/" + route.pattern.replace("^.*/$", "khong-co/").replace("^", "").replace("$", "")
    values = argument_values(w)
    kwargs = {}
    for argument in route.arguments:
        if argument == "pk":
            kwargs[argument] = _pk(route.key, w)
        elif argument == "code":
            kwargs[argument] = _code(route.key, w)
        elif argument == "fmt" and route.key == "certificate_download":
            kwargs[argument] = "pdf"
        else:
            kwargs[argument] = values[argument]
    return reverse(route.name, kwargs=kwargs)
