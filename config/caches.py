"""Turn REDIS_URL into Django's CACHES setting."""


def caches_from_url(redis_url: str) -> dict:
    """Redis when REDIS_URL is set, local memory (one per process) otherwise.

    Redis through core.cache.FailSafeRedisCache: a Redis that is down or hangs is a cache
    miss, so it slows pages down but never fails them; the socket timeouts bound how long
    a hanging Redis can hold a request.
    """
    if not redis_url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "TIMEOUT": 600,
            }
        }
    return {
        "default": {
            "BACKEND": "core.cache.FailSafeRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "klimatradet",
            "TIMEOUT": 600,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
