"""Redis as the cache, surviving Redis going away.

Pages keep working while Redis is down: a read misses, a write is dropped, and the outage is
logged. After a failure Redis is left alone for a few seconds (a circuit breaker), so a hung
server does not add its timeout to every request. What must not fail open asks
`cache_available()`: the login refuses, with a message, rather than let passwords be tried
without the rate limit that lives in the cache (accounts/adapter.py).
"""

import logging
import time

from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
OUTAGE = (RedisConnectionError, RedisTimeoutError)
PAUSE_SECONDS = 5

# Method name -> what it returns while Redis is down.
FALLBACKS = {
    "get": lambda args, kwargs: kwargs.get("default", args[1] if len(args) > 1 else None),
    "get_many": lambda args, kwargs: {},
    "has_key": lambda args, kwargs: False,
    # As if stored: allauth takes its rate-limit lock with add(), and would wait a second for it.
    "add": lambda args, kwargs: True,
    "set": lambda args, kwargs: None,
    "set_many": lambda args, kwargs: list(args[0]) if args else [],
    "touch": lambda args, kwargs: False,
    "delete": lambda args, kwargs: False,
    "delete_many": lambda args, kwargs: None,
    # A counter that cannot count lets the use through (lms.throttle: public pages stay up).
    "incr": lambda args, kwargs: kwargs.get("delta", args[1] if len(args) > 1 else 1),
    "decr": lambda args, kwargs: -kwargs.get("delta", args[1] if len(args) > 1 else 1),
    "clear": lambda args, kwargs: None,
}


def _tolerant(name):
    fallback = FALLBACKS[name]

    def method(self, *args, **kwargs):
        if self.paused_until > time.monotonic():
            return fallback(args, kwargs)
        try:
            return getattr(RedisCache, name)(self, *args, **kwargs)
        except OUTAGE as error:
            self.paused_until = time.monotonic() + PAUSE_SECONDS
            logger.warning("Redis unavailable (%s); the cache is bypassed for %s s", error, PAUSE_SECONDS)
            return fallback(args, kwargs)

    method.__name__ = name
    return method


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self.paused_until = 0.0

    def is_available(self) -> bool:
        if self.paused_until > time.monotonic():
            return False
        try:
            self._cache.get_client().ping()
        except OUTAGE:
            self.paused_until = time.monotonic() + PAUSE_SECONDS
            return False
        return True


for _name in FALLBACKS:
    setattr(ResilientRedisCache, _name, _tolerant(_name))


def cache_available() -> bool:
    """Whether the default cache can be relied on (always, for caches that live in the process)."""
    check = getattr(cache, "is_available", None)
    return check() if check else True
