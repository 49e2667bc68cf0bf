"""The nightly erasure, for cron when there is no beat: `30 3 * * * manage.py erase_expired_personal_data`."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from events.tasks import erase_expired_personal_data


class Command(BaseCommand):
    help = _(
        "Erase the personal data of registrations whose retention period has passed, and "
        "delete audit log entries older than AUDIT_LOG_RETENTION_DAYS."
    )

    def handle(self, *args, **options):
        result = erase_expired_personal_data()
        self.stdout.write(
            _(
                "Registrations erased: %(erased_registrations)d. "
                "Audit log entries deleted: %(flushed_audit_entries)d."
            )
            % result
        )
