"""Erase one delegate on request: `manage.py erase_delegate name@example.org`."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from events.services.privacy import erase_delegate


class Command(BaseCommand):
    help = _(
        "Erase every registration, delivery row and audit log entry that holds this email "
        "address (cancelling active registrations of events to come first), and print what "
        "was done."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        report = erase_delegate(email=email)
        for line in report.lines():
            self.stdout.write(line)
        if not report.registrations:
            self.stdout.write(_("No registration holds this address."))
