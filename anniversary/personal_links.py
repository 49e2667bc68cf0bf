"""Pages whose address carries a personal token: kept out of search engines and referrers.

A registration's confirm/manage/cancel/erase links, a delegation's self-service, a B2B
participant's pages, a check-in ticket, a password reset: whoever holds the address acts as
the person. Such a page answers `X-Robots-Tag: noindex` and `Referrer-Policy: strict-origin`
(a Referer header, to our own static files or anywhere, carries the site's origin only, never
the address; not `no-referrer`, under which browsers send `Origin: null` with the page's own
forms and Django's CSRF check refuses the confirm and cancel buttons, Fetch §3.1) and
`Cache-Control: private` (no shared or whole-page cache keeps it), carries
`<meta name="robots" content="noindex">` and no hreflang alternates (base.html reads
`personal_link`); its language links stay, for the person, marked nofollow.

The rule is the URL pattern's own keyword names (`token`, `uidb64`, ...), so a new
`<str:token>` route is covered the day it is added; tests/test_personal_links.py walks every
pattern and fails on a text keyword it cannot classify.

Sources: X-Robots-Tag (https://developers.google.com/search/docs/crawling-indexing/robots-meta-tag),
Referrer-Policy (https://www.w3.org/TR/referrer-policy/#referrer-policy-strict-origin),
the Origin header (https://fetch.spec.whatwg.org/#origin-header).
"""

import re
from urllib.parse import urlsplit

from django.urls import Resolver404, ResolverMatch, resolve
from django.utils.cache import patch_cache_control

# Keyword names that hold a secret of the person's (Django's password reset uses uidb64+token).
PERSONAL_KWARG = re.compile(r"token|uidb64|secret|signature|key", re.IGNORECASE)
ROBOTS = "noindex"
REFERRER_POLICY = "strict-origin"


def is_personal_kwarg(name: str) -> bool:
    return bool(PERSONAL_KWARG.search(name))


def carries_personal_token(match: ResolverMatch | None) -> bool:
    """Whether the resolved address holds a personal token (False when nothing resolved)."""
    return match is not None and any(is_personal_kwarg(name) for name in match.kwargs)


def personal_link(request) -> dict:
    """Context processor: `personal_link` is True on a page whose address carries a token."""
    return {"personal_link": carries_personal_token(getattr(request, "resolver_match", None))}


def _redirect_target(response) -> ResolverMatch | None:
    """What a redirect of ours points at: an old address without its language prefix
    (/registrations/1/…, in a mail already sent) resolves only once LocaleMiddleware adds it."""
    location = response.get("Location") if 300 <= response.status_code < 400 else None
    if not location:
        return None
    try:
        return resolve(urlsplit(location).path)
    except Resolver404:
        return None


class PersonalLinkMiddleware:
    """Sets the two headers on every response to an address with a personal token, whatever
    its status (a bad-link page, a redirect, a PDF or calendar file)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None) or _redirect_target(response)
        if carries_personal_token(match):
            response["X-Robots-Tag"] = ROBOTS
            response["Referrer-Policy"] = REFERRER_POLICY
            # One person's page: a browser may keep it, a shared or whole-page cache never.
            patch_cache_control(response, private=True)
        return response
