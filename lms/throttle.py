"""Fixed-window counters in the shared cache, for public endpoints that must not be hammered
(allauth keeps its own rate limiter internal to its account views).

A sender is counted by their address (behind the reverse proxy) and, when signed in, by their account
too, so neither switching networks nor sharing one (a venue's Wi-Fi) gets round the limit alone.
"""

from allauth.account.adapter import get_adapter
from django.core.cache import cache


def client_ip(request) -> str:
    """The client's address, behind the reverse proxy too (ALLAUTH_TRUSTED_PROXY_COUNT), as allauth reads it."""
    return get_adapter(request).get_client_ip(request)


def throttle_allows(key: str, *, limit: int, window: int) -> bool:
    """Count one more use of `key`; False once it was used more than `limit` times in `window` seconds."""
    cache.add(key, 0, window)
    return cache.incr(key) <= limit


def _sender_keys(request, scope: str) -> list[str]:
    keys = [f"{scope}:ip:{client_ip(request)}"]
    if request.user.is_authenticated:
        keys.append(f"{scope}:user:{request.user.pk}")
    return keys


def sender_allowed(request, scope: str, *, limit: int, window: int) -> bool:
    """Count one more request of this sender in `scope`; False once they went over `limit`."""
    return all([throttle_allows(key, limit=limit, window=window) for key in _sender_keys(request, scope)])


def sender_failed_too_often(request, scope: str, *, limit: int) -> bool:
    """Whether this sender already failed `limit` times in `scope` (see sender_failed): for guesses,
    where only a wrong answer counts, so a room of people sharing one address is not locked out."""
    return any((cache.get(key) or 0) >= limit for key in _sender_keys(request, scope))


def sender_failed(request, scope: str, *, window: int) -> None:
    for key in _sender_keys(request, scope):
        throttle_allows(key, limit=0, window=window)
