from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from anniversary import accounts, health, site_views
from events.public import feeds
from events.public import views as event_views

admin.site.site_header = _("Kardeş 40 — staff")
admin.site.site_title = _("Kardeş 40")
admin.site.index_title = _("Scheduling and data")
# The sidebar took a fifth of a 1280 px screen and cut off the event list's right columns;
# the breadcrumbs and the index lead to every model just as well.
admin.site.enable_nav_sidebar = False

handler500 = "anniversary.middleware.server_error"

urlpatterns = [
    path("healthz/", health.healthz, name="healthz"),
    path("favicon.ico", site_views.favicon, name="favicon"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    # Before Django's auth URLs: the same address and name, rate-limited and sent by the worker.
    path(
        "accounts/password_reset/",
        accounts.RateLimitedPasswordResetView.as_view(),
        name="password_reset",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("board/contacts/", include("contacts.urls")),
    path("board/registrants/", include("events.registrants.urls")),
    path("board/", include("events.board.urls")),
    # The subscribable feed keeps its address (calendars hold it); ?lang= chooses the language.
    path("calendar.ics", feeds.calendar_feed, name="feed"),
]

# What delegates read lives under /tr/, /az/, /en/: a shared link opens in its language and the
# page depends on its address alone. A bare old address (/events/…, in emails already sent)
# answers 404 here and LocaleMiddleware redirects it by cookie, Accept-Language, else Turkish.
urlpatterns += i18n_patterns(
    path("b2b/", include("events.b2b.urls")),
    path("delegations/", include("events.delegations.urls")),
    path("", event_views.home, name="home"),
    path("", include("events.public.urls")),
    prefix_default_language=True,
)
