"""A fixed-window counter in the shared cache, for public endpoints that must not be hammered
(allauth keeps its own rate limiter internal to its account views)."""

from django.core.cache import cache


def throttle_allows(key: str, *, limit: int, window: int) -> bool:
    """Count one more use of `key`; False once it was used more than `limit` times in `window` seconds."""
    cache.add(key, 0, window)
    return cache.incr(key) <= limit
