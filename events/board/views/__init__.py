"""The board workspace: one module per page group. Every view checks a model permission
(PermissionRequiredMixin: anonymous visitors go to the login page, logged-in users without the
permission get 403); tests/test_permissions.py walks every URL to prove it."""
