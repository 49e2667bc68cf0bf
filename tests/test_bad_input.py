"""Bad input gets a message, never a 500: every URL pattern, with hostile values.

Table-driven over the permission matrix's table (tests/test_permissions.py: every URL of the
project with arguments that exist). For each URL, as a staff member (who may open every page)
and, for the public pages, also as an anonymous visitor:

- GET with every query parameter set to each hostile value at once: the fields of the page's
  own GET forms plus the parameter names any view reads (q, page, month, ...), and each of the
  page's form fields alone with a shorter list;
- each path argument (<int:pk>, <slug:slug>, <str:token>, year/month) replaced by hostile values;
- POST to the URL with every field of the page's own POST forms (or, for POST-only actions,
  the names they read) set to each hostile value, and each field alone;
- HEAD wherever GET is answered: the same status, no 405 (calendar clients probe with HEAD).

Every answer must be 200, a redirect or a 4xx. Nothing may be written (no INSERT, UPDATE or
DELETE outside sessions and the login-attempt log) unless the answer is a redirect, which is
how a form that was valid after all says "done". Unpaired surrogates and other invalid UTF-8
travel as raw bytes, as a browser or a script would send them.

The suite tries a few values of each kind (LEAN); `KARDES40_FUZZ=full` tries all of HOSTILE
(about 5,700 requests, minutes). `-s` prints the count tried per kind.
"""

import os
import re
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import quote_from_bytes, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, get_resolver, resolve, reverse

from tests.factories import StaffFactory
from tests.test_permissions import EXPECTED, TOKEN_URLS, World, _walk, project_url_names

HOSTILE: dict[str, list[bytes]] = {
    "huge": [
        b"9" * 40,
        b"99999999999999999999",
        b"2147483648",
        b"9223372036854775808",
        b"1e400",
    ],
    "negative": [b"-1", b"-99999999999999999999", b"-0", b"-2026-01"],
    "out-of-range date": [
        b"0000-01",
        b"9999-12",
        b"10000-01",
        b"2026-13",
        b"2026-00",
        b"2026-02-30",
        b"0001-01-01",
        b"9999-12-31T23:59:59",
        b"2026-W99",
    ],
    "NUL": [b"\x00", b"a\x00b"],
    "unpaired surrogate": [b"\xed\xa0\x80", b"x\xed\xbf\xbfy", b"\xff\xfe", b"\xc0\xaf"],
    "10 kB string": [b"A" * 10240, ("ş" * 5120).encode()],
    "wrong type": [b"[]", b"{}", b"true", b"null", b"1.5", b"abc", b"NaN", b" ", b""],
}
# The suite runs these (one to four per kind); KARDES40_FUZZ=full runs every value above.
LEAN: dict[str, list[bytes]] = {
    "huge": [b"99999999999999999999", b"1e400"],
    "negative": [b"-1", b"-99999999999999999999"],
    "out-of-range date": [b"0000-01", b"9999-12", b"9999-12-31T23:59:59", b"2026-02-30"],
    "NUL": [b"a\x00b"],
    "unpaired surrogate": [b"\xed\xa0\x80", b"\xff\xfe"],
    "10 kB string": [b"A" * 10240],
    "wrong type": [b"[]", b"1.5", b""],
}
FULL = os.environ.get("KARDES40_FUZZ") == "full"
# One field at a time.
SHORT = [b"99999999999999999999", b"0000-01", b"a\x00\xed\xa0\x80b", b"A" * 10240]
if not FULL:
    HOSTILE, SHORT = LEAN, SHORT[:1] + SHORT[2:3]
PATH_VALUES = {
    "int": [b"0", b"99999999999999999999", b"2147483648", b"9223372036854775808"],
    "slug": [b"a" * 300, b"-", b"_", b"0"],
    "str": [b"\x00", b"\xed\xa0\x80", b"A" * 10240, b"..", b"%", b"a b"],
}
# What views read from the query string (request.GET) besides their forms' fields.
QUERY_NAMES = [
    "q", "page", "month", "year", "week", "city", "kind", "past", "status", "qr", "outcome",
    "fmt", "next", "sort", "event", "date", "language", "type", "person", "organization",
]  # fmt: skip
# What POST-only actions read.
ACTION_NAMES = ["status", "token", "next", "note", "language"]
ALLOWED = {200, 301, 302, 303, 304, 400, 403, 404, 405, 409, 410, 413, 429}
REDIRECTS = {301, 302, 303}
# Written by every request or by design on a failed login; not data.
IGNORED_TABLES = ("django_session", "axes_")
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b.*?\b(INTO|FROM|UPDATE)?\s*\"?(\w+)", re.I | re.S)

TRIED: Counter = Counter()


class _Forms(HTMLParser):
    """Fields of the page's forms: [(method, action, {name: type})]."""

    def __init__(self):
        super().__init__()
        self.forms, self._current = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._current = (attrs.get("method", "get").lower(), attrs.get("action") or "", {})
            self.forms.append(self._current)
        elif tag in ("input", "select", "textarea") and self._current and attrs.get("name"):
            kind = attrs.get("type", tag)
            if kind not in ("submit", "button", "image", "reset"):
                self._current[2][attrs["name"]] = kind

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def _forms(response) -> list:
    if "html" not in response.get("Content-Type", ""):
        return []
    parser = _Forms()
    parser.feed(response.content.decode(errors="replace"))
    return parser.forms


def _query(fields, value: bytes) -> str:
    encoded = quote_from_bytes(value, safe="")
    return "&".join(f"{quote_from_bytes(name.encode(), safe='')}={encoded}" for name in fields)


def _writes(queries) -> list[str]:
    found = []
    for query in queries:
        sql = query["sql"].lstrip()
        if sql[:6].upper() not in ("INSERT", "UPDATE", "DELETE"):
            continue
        if any(table in sql for table in IGNORED_TABLES):
            continue
        found.append(sql[:120])
    return found


class Prober:
    def __init__(self, client: Client, label: str):
        self.client, self.label, self.problems = client, label, []

    def request(self, method: str, path: str, *, kind: str, body: str = "", files=None):
        TRIED[kind] += 1
        with CaptureQueriesContext(connection) as queries:
            if method == "GET":
                response = self.client.get(path)
            elif method == "HEAD":
                response = self.client.head(path)
            elif files is not None:
                response = self.client.post(path, files)
            else:
                response = self.client.generic(
                    "POST", path, body, content_type="application/x-www-form-urlencoded"
                )
        status = response.status_code
        shown = f"{self.label} {method} {path[:160]!r} body={body[:80]!r}"
        if status not in ALLOWED:
            error = getattr(response, "exc_info", None)
            cause = f" ({error[0].__name__}: {str(error[1])[:100]})" if error else ""
            self.problems.append(f"{status}{cause} for {shown}")
        elif status not in REDIRECTS and (writes := _writes(queries.captured_queries)):
            self.problems.append(f"{status} wrote {writes} for {shown}")
        return response


def _route_for(name: str) -> str:
    for found, route in _walk_names():
        if found == name:
            return route
    raise LookupError(name)


def _walk_names():

    return list(_walk(get_resolver().url_patterns))


_ARGUMENT = re.compile(r"<(?:(\w+):)?(\w+)>")


def _path_variants(route: str, kwargs: dict):
    """The route with one argument at a time replaced by each hostile value for its type."""
    arguments = _ARGUMENT.findall(route)
    for converter, argument in arguments:
        for value in PATH_VALUES.get(converter or "str", PATH_VALUES["str"]):
            encoded = quote_from_bytes(value, safe="")

            def fill(match, argument=argument, encoded=encoded):
                name = match.group(2)
                return (
                    encoded
                    if name == argument
                    else quote_from_bytes(str(kwargs[name]).encode(), safe="")
                )

            yield "/" + _ARGUMENT.sub(fill, route).lstrip("^")


def _same_url(action: str, path: str) -> bool:
    if not action:
        return True
    try:
        return resolve(urlsplit(action).path).url_name == resolve(path).url_name and (
            urlsplit(action).path == path
        )
    except Resolver404:
        return False


def _probe(prober: Prober, name: str, world: World, *, thorough: bool):
    row = EXPECTED[name]
    kwargs = row.kwargs(world)
    if name in TOKEN_URLS:
        kwargs = {"token": world.token(TOKEN_URLS[name]), **kwargs}
    path = reverse(name, kwargs=kwargs)
    page = prober.client.get(path)
    forms = _forms(page)
    get_fields = {n for method, _a, fields in forms if method == "get" for n in fields}
    post_forms = [f for method, a, f in forms if method == "post" and _same_url(a, path)]
    post_fields = {n for fields in post_forms for n in fields if n != "csrfmiddlewaretoken"}
    if page.status_code == 405 and row.post is not None:
        post_fields = set(ACTION_NAMES)
    files = {n for fields in post_forms for n, kind in fields.items() if kind == "file"}

    # HEAD wherever GET is answered.
    # Django's admin login redirects a signed-in GET only, and renders for HEAD: not ours.
    if page.status_code != 405 and not name.startswith("admin:"):
        head = prober.request("HEAD", path, kind="HEAD")
        if head.status_code != page.status_code:
            prober.problems.append(
                f"HEAD {path} answered {head.status_code}, GET {page.status_code}"
            )

    names = sorted(get_fields | set(QUERY_NAMES))
    for kind, values in HOSTILE.items():
        for value in values:
            prober.request("GET", f"{path}?{_query(names, value)}", kind=kind)
            if row.post is not None and post_fields:
                prober.request("POST", path, kind=kind, body=_query(sorted(post_fields), value))
    # The same parameters twice (a list where one value is expected).
    twice = _query(names, b"1")
    prober.request("GET", f"{path}?{twice}&{twice}", kind="repeated parameter")
    if not thorough:
        return
    for value in SHORT:
        for field in sorted(get_fields):
            prober.request("GET", f"{path}?{_query([field], value)}", kind="one GET field")
        if row.post is not None:
            for field in sorted(post_fields - files):
                prober.request("POST", path, kind="one POST field", body=_query([field], value))
            for field in sorted(files):
                data = {field: SimpleUploadedFile("hostile.xlsx", value)}
                data.update(dict.fromkeys(post_fields - files, "people"))
                prober.request("POST", path, kind="file upload", files=data)
    route = _route_for(name)
    for variant in _path_variants(route, kwargs):
        prober.request("GET", variant, kind="path argument")
        if row.post is not None:
            prober.request("POST", variant, kind="path argument", body="")


PUBLIC_PREFIXES = ("board", "contacts", "registrants", "admin", "password_change")


def _names():
    names, _unnamed = project_url_names()
    return sorted(n for n in names & EXPECTED.keys() if n != "logout")


@pytest.mark.django_db
@pytest.mark.parametrize("name", _names())
def test_hostile_input_never_answers_500_nor_writes(name):
    world = World("delegate")
    staff = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="en")
    staff.force_login(StaffFactory())
    probers = [(Prober(staff, "staff"), True)]
    if not name.startswith(PUBLIC_PREFIXES):
        probers.append((Prober(Client(raise_request_exception=False), "anonymous"), False))

    for prober, thorough in probers:
        _probe(prober, name, world, thorough=thorough)

    problems = [p for prober, _thorough in probers for p in prober.problems]
    assert problems == [], "\n".join(problems)


def test_zz_report_inputs_tried_per_kind(capsys):
    """Prints how many requests each kind of hostile input took (run with -s to see it)."""
    if not TRIED:
        pytest.skip("the fuzz cases did not run in this session")
    with capsys.disabled():
        print("\nHostile inputs tried, by kind:")
        for kind, count in sorted(TRIED.items()):
            print(f"  {kind:>20}: {count}")
        print(f"  {'total':>20}: {sum(TRIED.values())}")
    assert min(TRIED.values()) > 0
