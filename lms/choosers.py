"""Snippet choosers without a "create" tab.

Our snippets are written in their own editors (a certificate template, a survey template, a course's
question bank), never from a chooser. Wagtail still routes its chooser's "create" URL and answers a POST
to it, with no creation form, with a 500; this chooser answers 404 there."""

from django.http import Http404
from wagtail.snippets.views import chooser as snippet_chooser


class NoCreateView(snippet_chooser.SnippetCreateView):
    def dispatch(self, request, *args, **kwargs):
        if self.get_creation_form_class() is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class SnippetChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    create_view_class = NoCreateView
