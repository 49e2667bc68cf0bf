"""One reminder sweep, for cron when there is no beat: `*/5 * * * * manage.py send_due_reminders`."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from events.services.reminders import TemporaryDeliveryError
from events.tasks import sweep_reminders


class Command(BaseCommand):
    help = _(
        "Plan reminders and notices, claim the due ones and send them (queued to the worker "
        "when REDIS_URL is set, in this process otherwise). Safe to run at any time."
    )

    def handle(self, *args, **options):
        # The task itself, called in-process: the same code path as the beat's sweep.
        try:
            result = sweep_reminders()
        except TemporaryDeliveryError as exc:
            # Only in-process (no worker): the rows stay claimed and the next run sends them.
            self.stderr.write(
                _("The mail server asked us to try later (%(error)s); the next run will.")
                % {"error": exc}
            )
            return
        self.stdout.write(
            _(
                "Planned %(planned)d, skipped %(skipped)d, digests %(digests)d, "
                "claimed %(claimed)d in %(batches)d batch(es)."
            )
            % result
        )
        if result.get("expired_registrations") is not None:
            self.stdout.write(
                _("Expired registrations: %(count)d.") % {"count": result["expired_registrations"]}
            )
