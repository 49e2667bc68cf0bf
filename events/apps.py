from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Program and registrations")

    def ready(self):
        # contacts shows events on its timelines without importing events (docs/architecture.md).
        from contacts.selectors import add_timeline_source

        from .timeline import contact_timeline

        add_timeline_source(contact_timeline)
