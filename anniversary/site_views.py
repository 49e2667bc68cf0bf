"""Small site-wide answers that belong to no domain area."""

from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponsePermanentRedirect
from django.views.decorators.http import require_safe


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the static file."""
    return HttpResponsePermanentRedirect(staticfiles_storage.url("favicon.ico"))
