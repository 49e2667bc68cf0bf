from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from events.public import views as event_views

admin.site.site_header = _("Kardeş 40 — staff")
admin.site.site_title = _("Kardeş 40")
admin.site.index_title = _("Scheduling and data")

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("board/contacts/", include("contacts.urls")),
    path("board/registrants/", include("events.registrants.urls")),
    path("board/", include("events.board.urls")),
    path("b2b/", include("events.b2b.urls")),
    path("delegations/", include("events.delegations.urls")),
    path("", event_views.home, name="home"),
    path("", include("events.public.urls")),
]
