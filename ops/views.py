from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from .health import health


@never_cache
def healthz(request):
    healthy, report = health()
    return JsonResponse({"status": "ok" if healthy else "error", **report}, status=200 if healthy else 503)
