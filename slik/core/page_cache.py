"""A per-session cache of hot read pages, invalidated by the organisation's data version.

Every state change goes through `audit_log`, which bumps `Organisation.data_version`; the
version is part of the cache key, so a cached page is never served after a write in its
organisation. The key also carries the session (its CSRF secret is in the page), the language,
the user's name (shown in the header) and the full path with its query string.

Pages with pending flash messages are never cached or served from the cache. Use it only on
GET views whose output depends on nothing but the organisation's data and the signed-in user.
"""

import functools
import hashlib

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse

TIMEOUT = 300


def _key(request) -> str | None:
    organisation = getattr(request, "organisation", None)
    session_key = request.session.session_key
    if organisation is None or not session_key:
        return None
    raw = "|".join(
        [
            str(organisation.pk),
            str(organisation.data_version),
            session_key,
            request.LANGUAGE_CODE,
            request.user.full_name,
            "htmx" if getattr(request, "htmx", False) else "page",
            request.get_full_path(),
        ]
    )
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def cached_tenant_page(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not settings.PAGE_CACHE or request.method != "GET" or len(get_messages(request)):
            return view(request, *args, **kwargs)
        key = _key(request)
        if key is None:
            return view(request, *args, **kwargs)
        cached = cache.get(key)
        if cached is not None:
            body, content_type = cached
            return HttpResponse(body, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            if hasattr(response, "render"):
                response.render()
            cache.set(key, (response.content, response["Content-Type"]), TIMEOUT)
        return response

    return wrapper
