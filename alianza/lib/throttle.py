"""A fixed-window rate limit in the cache: so many tries per key (an address, an
e-mail) in so many seconds. Shared by every process when the cache is (Redis)."""

from django.core.cache import cache


def allow(scope: str, key: str | None, limit: int, seconds: int) -> bool:
    """Count one try of ``key`` in ``scope``; False once it has had ``limit``."""
    name = f"throttle:{scope}:{key or 'unknown'}"
    if cache.add(name, 1, timeout=seconds):
        return True
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.add(name, 1, timeout=seconds)
        return True
    return count <= limit
