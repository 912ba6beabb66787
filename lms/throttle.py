"""A fixed-window counter in the shared cache, for public endpoints that must not be hammered
(allauth keeps its own rate limiter internal to its account views)."""

from allauth.account.adapter import get_adapter
from django.core.cache import cache


def client_ip(request) -> str:
    """The client's address, behind the reverse proxy too (ALLAUTH_TRUSTED_PROXY_COUNT), as allauth reads it."""
    return get_adapter(request).get_client_ip(request)


def throttle_allows(key: str, *, limit: int, window: int) -> bool:
    """Count one more use of `key`; False once it was used more than `limit` times in `window` seconds."""
    cache.add(key, 0, window)
    return cache.incr(key) <= limit
