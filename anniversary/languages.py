"""The same page in each language: the public pages' switcher links and hreflang alternates.

Public pages live under a language prefix (/tr/, /az/, /en/; anniversary/urls.py). Their
switcher is a set of plain links (no form, so no CSRF token on a page without a form of its
own), and search engines read the same links as `hreflang` alternates. Pages outside the
prefix (board, admin, accounts) get nothing here and keep the set_language form.
"""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation


def language_links(request) -> dict:
    """`language_links`: per language its code, local name, the path of the same page (query
    kept) and the absolute URL; `language_default_url`: the bare address (x-default), which
    redirects by the visitor's cookie or Accept-Language; `language_cookie_name`: the cookie the
    links set in the browser when clicked (the page itself sets none)."""
    current = translation.get_language_from_path(request.path_info)
    match = getattr(request, "resolver_match", None)
    if current is None or match is None:
        return {}
    query = request.META.get("QUERY_STRING", "")
    suffix = f"?{query}" if query else ""
    links = []
    for code, _name in settings.LANGUAGES:
        try:
            with translation.override(code):
                path = reverse(match.view_name, args=match.args, kwargs=match.kwargs) + suffix
        except NoReverseMatch:
            return {}
        links.append(
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "path": path,
                "url": settings.SITE_URL + path,
                "current": code == current,
            }
        )
    bare = request.get_full_path().replace(f"/{current}/", "/", 1)
    return {
        "language_links": links,
        "language_default_url": settings.SITE_URL + bare,
        # The switcher's script remembers the choice in this cookie (static/js/language-links.js).
        "language_cookie_name": settings.LANGUAGE_COOKIE_NAME,
    }


def requested_language(asked: str | None) -> str | None:
    """One of settings.LANGUAGES for a language a visitor typed into an address (`?lang=`),
    or None when it names none of ours.

    Case-insensitive and region subtags dropped ("AZ", "az-AZ", "en_GB", "EN" -> "az", "en",
    "en"), by Django's `get_supported_language_variant` (BCP 47 tags, RFC 5646; the `_`
    form of POSIX locales accepted too). Callers choose what an unknown language means: the
    feed answers in the site's default (Turkish), the board's report says there is none.
    """
    if not asked or len(asked) > 35:  # LANGUAGE_CODE_MAX_LENGTH-ish: not a language tag
        return None
    tag = asked.strip().replace("_", "-").lower()
    try:
        return translation.get_supported_language_variant(tag)
    except LookupError:
        return None
