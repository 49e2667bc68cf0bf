"""The project's URLs plus two baselines the benches compare with, in the same server and run:

- /__bench__/bare/: the least a Django view can do (a fixed short body) behind the project's
  middleware; the pages bench gives every page's requests/s as a share of it.
- /__bench__/insert/: a minimal form POST (the CSRF check, one INSERT in a transaction, a
  redirect); the registration bench gives registration throughput as a share of it. Its table,
  bench_insert, is created and dropped by bench/registration.py.

Never used outside bench/ (bench/server_settings.py points here).
"""

from django.db import connection, transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import path
from django.views.decorators.http import require_GET, require_POST

from anniversary.urls import urlpatterns as project_urls


@require_GET
def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


@require_POST
def insert(request):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO bench_insert (email) VALUES (%s)", [request.POST.get("email", "")]
        )
    return HttpResponseRedirect("/__bench__/insert/done/")


urlpatterns = [
    path("__bench__/bare/", bare),
    path("__bench__/insert/", insert),
    *project_urls,
]
