from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Program and registrations")

    def ready(self):
        # contacts shows events on its timelines without importing events (docs/architecture.md).
        # Models can be imported only once the app registry is ready, i.e. here.
        from contacts.selectors import add_timeline_source  # noqa: PLC0415

        from .timeline import contact_timeline  # noqa: PLC0415

        add_timeline_source(contact_timeline)

        # Every change a public page shows bumps the version in the cached pages' keys.
        from .pageversion import connect  # noqa: PLC0415

        connect()
