from django.utils.http import url_has_allowed_host_and_scheme

# The board's views take their permission rule from the one home of it.
from anniversary.permissions import BoardPermissionMixin

__all__ = ["BoardPermissionMixin", "safe_next"]


def safe_next(request, fallback: str) -> str:
    """The ``next`` parameter when it points inside this site, else the fallback."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    # A path only: redirect() would try "abc" or "-1" as a URL name and fail with a 500.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback
