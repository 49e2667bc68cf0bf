"""Who may open a page outside the admin: one rule for every board page of every app.

Anonymous visitors are sent to the login page; a logged-in user without the permission gets
403. The permissions themselves are listed in events/roles.py (the Board group).
"""

from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin


def board_permission(*perms: str):
    """View decorator: login required, then every permission in `perms` ("app.codename")."""

    def decorate(view):
        return login_required(permission_required(perms, raise_exception=True)(view))

    return decorate


class BoardPermissionMixin(PermissionRequiredMixin):
    """The class-based form of `board_permission`: set `permission_required` on the view."""

    # Anonymous: redirect to the login page (PermissionRequiredMixin's default for them);
    # logged in without the permission: 403.
    raise_exception = False
