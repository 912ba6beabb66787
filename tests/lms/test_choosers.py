"""Every snippet's chooser refuses its "create" URL with a 404 (our snippets are written in their own
editors; Wagtail's view answered a POST there with a 500)."""

import pytest
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from accounts.factories import UserFactory
from accounts.roles import Role

SNIPPETS = [model._meta.label_lower.replace(".", "_") for model in get_snippet_models()]


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_a_snippet_choosers_create_url_is_not_a_500(client, db, snippet):
    client.force_login(UserFactory(role=Role.ADMINISTRATOR))
    url = reverse(f"wagtailsnippetchoosers_{snippet}:create")
    assert client.post(url, {}).status_code == 404
    assert client.get(url).status_code == 404


def test_every_snippet_is_covered():
    assert {"certificates_certificatetemplate", "feedback_surveytemplate", "courses_questionbank"} <= set(SNIPPETS)
