"""The client's address, seen through the reverse proxies we were told to trust.

One rule for the registration and password-reset rate limits and for django-axes:

- no proxy configured (the default): ``REMOTE_ADDR``, and ``X-Forwarded-For`` is ignored,
  since any client can write it;
- ``TRUSTED_PROXIES`` (addresses or networks): when ``REMOTE_ADDR`` is one of them, walk
  ``X-Forwarded-For`` from the right and take the first address that is not;
- ``TRUSTED_PROXY_COUNT`` = n: ``REMOTE_ADDR`` is the nearest proxy, and the n-1 right-most
  ``X-Forwarded-For`` entries were appended by the others; the client is the one before them.

Only the right end of ``X-Forwarded-For`` is ours to believe: each proxy appends the address
it received from, and everything to its left came from the client.

Written here rather than through django-ipware: its proxy count and proxy list describe hops
inside ``X-Forwarded-For`` and find no client in the usual one-proxy chain (nginx appends
the client and connects from 127.0.0.1), which is the case that matters here.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _parse(text: str) -> Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "203.0.113.5:5123"
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(item, strict=False) for item in proxies)


def _trusted(address: Address, networks) -> bool:
    return any(address.version == net.version and address in net for net in networks)


def client_address(request) -> Address | None:
    """The client's address per the trusted-proxy settings, or None if there is none."""
    remote = _parse(request.META.get("REMOTE_ADDR", ""))
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    count = settings.TRUSTED_PROXY_COUNT
    if remote is None or not (networks or count):
        return remote
    if networks and not _trusted(remote, networks):
        return remote  # not from our proxy: its X-Forwarded-For is the client's own word
    hops = [_parse(part) for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop is not None]
    if networks:
        for hop in reversed(hops):
            if not _trusted(hop, networks):
                return hop
        return hops[0] if hops else remote
    # Count mode: REMOTE_ADDR is proxy 1; the right-most count-1 entries are proxies 2..n.
    index = len(hops) - count
    if index < 0:
        return hops[0] if hops else remote
    return hops[index]


def client_ip(request) -> str:
    """The address as text (what django-axes records)."""
    address = client_address(request)
    return str(address) if address is not None else ""


def rate_limit_key(request) -> str:
    """What a per-client rate limit counts: an IPv4 address, or an IPv6 network (/64)."""
    address = client_address(request)
    if address is None:
        return ""
    if isinstance(address, ipaddress.IPv6Address):
        prefix = settings.RATE_LIMIT_IPV6_PREFIX
        return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))
    return str(address)
