"""Whole-page cache of the public pages for anonymous visitors (home, program, month calendar,
event pages, the feed and the per-event .ics).

A page is kept under its path (the language is its prefix) and its query string cut down to
the parameters the view reads, sorted; the version of what the public pages show
(`events.pageversion`, bumped by every change) and the İzmir day (`timezone.localdate()`: the
pages' "today", so "upcoming" turns "past" at midnight) are part of the key, and
settings.PAGE_CACHE_SECONDS is a backstop expiry.

Only GET and HEAD of an anonymous visitor with no message waiting are served from the cache;
only a 200 that set no cookie, used no CSRF token and read no session is stored. A cache that
does not answer is skipped (anniversary.cache: logged once); the page is then rendered.

Headers: a cached page may be kept `public` by browsers and shared caches for
settings.PAGE_CACHE_MAX_AGE seconds and carries an ETag (a 304 when it still matches); the
same address rendered for a logged-in board member or with a message is `private, no-cache`.
No `Vary: Accept-Language`: the language is in the path (the feed: in `?lang=`).

Compression (`cached_page(..., gzip=True)`, the feed and the .ics): the page is gzipped by
Django's own GZipMiddleware rules for a client whose Accept-Encoding names gzip, on every
path, and kept compressed: whether the client accepts gzip is part of the key, so a cached hit
sends the stored bytes and compresses nothing (a 1.2 MB feed costs some 25 ms of CPU to
compress). Both forms carry `Vary: Accept-Encoding`; the gzipped one has the weak form of the
same ETag (`W/"…"`), and If-None-Match compares weakly (RFC 9110 §13.1.2, Django's
`get_conditional_response`), so a client holding either form gets its 304 from either entry.
The bytes of one compression are served to every gzip client until the version moves: no
page kept here holds a secret (no token, no personal data), so Django's per-response random
padding against BREACH has nothing to protect.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.http import HttpResponse, QueryDict
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import parse_http_date_safe, quote_etag

from anniversary.cache import quiet_get, quiet_get_many, quiet_set_many
from events.pageversion import page_version

# Raise when the stored shape changes, so that old entries are never read as new ones.
FORMAT = 3
# The view's own headers worth keeping; the middleware adds the rest on every response.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Disposition",
    "Content-Language",
    "Content-Encoding",
    "ETag",
    "Last-Modified",
    "Cache-Control",
    "Vary",
)


def cached_page(*params: str, gzip: bool = False):
    """Serve the view from the whole-page cache; `params` are the query parameters the view
    reads (every other one is dropped before the view sees it, so the key and the page agree).

    `gzip=True` compresses the page for clients that accept gzip (Django's GZipMiddleware:
    bodies of 200 bytes and more, only when it shrinks them; `Vary: Accept-Encoding`, weak
    ETag) on every path, cached or not, and keeps the compressed form in the cache: use it
    instead of `@gzip_page`, which would compress a cached page again on every hit.
    """

    def decorator(view):
        def encoded(request, response):
            return _compressed(request, response) if gzip else response

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not settings.PAGE_CACHE_SECONDS or request.method not in ("GET", "HEAD"):
                return encoded(request, view(request, *args, **kwargs))
            if not _anonymous(request):
                response = encoded(request, view(request, *args, **kwargs))
                if response.status_code == 200:
                    patch_cache_control(response, private=True, no_cache=True)
                return response
            _keep_only(request, params)
            version = page_version()
            if version is None:
                return encoded(request, view(request, *args, **kwargs))
            key = _key(request, version, encoding=_encoding(request) if gzip else "")
            found = _stored(request, key)
            if found is not None:
                return found
            response = view(request, *args, **kwargs)
            if not _storable(request, response):
                return encoded(request, response)
            _complete(response)  # its ETag from the uncompressed body, for both forms
            response = encoded(request, response)
            _store(key, response)
            return _answer(request, response)

        return wrapper

    return decorator


def _encoding(request) -> str:
    """The form of the page this client gets: "gzip" when its Accept-Encoding names gzip
    (GZipMiddleware's own test), else "identity"."""
    accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
    return "gzip" if re_accepts_gzip.search(accepted) else "identity"


# GZipMiddleware keeps no state per request and its process_response never calls the next
# layer: one instance serves every request.
_GZIP = GZipMiddleware(lambda request: None)


def _compressed(request, response: HttpResponse) -> HttpResponse:
    """The response as GZipMiddleware leaves it: gzipped for a client that accepts it (weak
    ETag, Content-Encoding, Content-Length), `Vary: Accept-Encoding` either way (a body under
    200 bytes is left alone, Vary included).

    A 304, which GZipMiddleware passes over for having no body, gets the Vary and the ETag
    form the 200 would have carried for this client (RFC 9110 §15.4.5), as the 304 answered
    from a cached page does."""
    if response.status_code != 304:
        return _GZIP.process_response(request, response)
    patch_vary_headers(response, ("Accept-Encoding",))
    etag = response.get("ETag", "")
    if _encoding(request) == "gzip" and etag.startswith('"'):
        response.headers["ETag"] = f"W/{etag}"
    return response


def _anonymous(request) -> bool:
    """No user logged in and no message waiting: the page is the same for every such visitor.
    A visitor with no session cookie costs nothing to ask (see AnonymousWithoutSession)."""
    if request.user.is_authenticated:
        return False
    return not len(get_messages(request))


def _keep_only(request, params: tuple[str, ...]) -> None:
    """Cut the query down to `params`, sorted by name (values in their order), for the view
    and the templates alike (the language links repeat the query)."""
    kept = QueryDict(mutable=True)
    for name in sorted(params):
        values = request.GET.getlist(name)
        if values:
            kept.setlist(name, values)
    query = kept.urlencode()
    if query != request.META.get("QUERY_STRING", ""):
        kept._mutable = False
        request.GET = kept
        request.META["QUERY_STRING"] = query


def _key(request, version: int, *, encoding: str = "") -> str:
    """`encoding` is "" for a page kept in one form only, else the form kept ("gzip" or
    "identity", see `_encoding`)."""
    where = f"{request.path}?{request.META.get('QUERY_STRING', '')}"
    digest = hashlib.blake2b(where.encode(), digest_size=16).hexdigest()
    day = timezone.localdate().isoformat()
    return f"kardes40:page:{FORMAT}:{version}:{day}:{digest}{':' + encoding if encoding else ''}"


def _storable(request, response) -> bool:
    """A 200 for everyone: no cookie set, no CSRF token used, no session read (personal data),
    not streamed, not marked private by the view."""
    session = getattr(request, "session", None)
    cache_control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.accessed)
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "cookie" not in response.get("Vary", "").lower()
    )


def _complete(response: HttpResponse) -> None:
    """Give a page about to be kept an ETag of its (uncompressed) body when the view gave
    none, and the headers browsers and shared caches may act on."""
    if not response.has_header("ETag"):
        response["ETag"] = quote_etag(hashlib.blake2b(response.content).hexdigest()[:24])
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)


def _store(key: str, response: HttpResponse) -> None:
    """Keep the page's headers and body apart (see `_stored`), the body as it is sent
    (compressed for a gzip client's key)."""
    headers = [(name, response[name]) for name in KEPT_HEADERS if response.has_header(name)]
    quiet_set_many(
        {f"{key}:headers": headers, f"{key}:body": response.content}, settings.PAGE_CACHE_SECONDS
    )


def _stored(request, key: str) -> HttpResponse | None:
    """The stored page (or a 304 for it), or None. Headers and body are kept apart, so that a
    client revalidating its copy (a calendar polling the feed) costs one small read, never the
    body; any other request reads both in one round trip."""
    conditional = "if-none-match" in request.headers or "if-modified-since" in request.headers
    if conditional:
        headers = quiet_get(f"{key}:headers")
        if headers is None:
            return None
        response = _answer(request, HttpResponse(headers=dict(headers)))
        if response.status_code == 304:
            return response
        body = quiet_get(f"{key}:body")
    else:
        found = quiet_get_many([f"{key}:headers", f"{key}:body"])
        headers, body = found.get(f"{key}:headers"), found.get(f"{key}:body")
    if headers is None or body is None:
        return None
    return _answer(request, HttpResponse(body, headers=dict(headers)))


def _answer(request, response: HttpResponse) -> HttpResponse:
    """The stored page, or a 304 when the client holds it (its ETag or Last-Modified)."""
    stamp = parse_http_date_safe(response.get("Last-Modified", ""))
    return get_conditional_response(
        request, etag=response.get("ETag"), last_modified=stamp, response=response
    )
