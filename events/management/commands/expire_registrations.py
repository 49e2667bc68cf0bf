"""Expire pending registrations whose confirmation time ran out, and pass their seats on."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from events.services.registration import expire_overdue_registrations


class Command(BaseCommand):
    help = _(
        "Expire pending registrations past their confirmation deadline and promote the waitlist. "
        "Safe to run at any time (cron, or the reminders sweep calls the same service)."
    )

    def handle(self, *args, **options):
        count = expire_overdue_registrations()
        self.stdout.write(_("Expired registrations: %(count)d") % {"count": count})
