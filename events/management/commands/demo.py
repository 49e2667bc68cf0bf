"""Load, refresh or remove the demo program (sample events marked as examples everywhere)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from events.seed.demo import load_demo, remove_demo, stale_demo_events


class Command(BaseCommand):
    help = _(
        "Load the demo program: upcoming sample events in İzmir and Bakü, marked as examples. "
        "--remove deletes every demo row and nothing else."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group()
        action.add_argument(
            "--remove", action="store_true", help=_("Delete every demo row and nothing else.")
        )
        action.add_argument(
            "--refresh",
            action="store_true",
            help=_("Remove the demo program and load it again with dates from today."),
        )

    def handle(self, *args, remove=False, refresh=False, **options):
        if remove or refresh:
            removed = remove_demo()
            self.stdout.write(
                _(
                    "Demo program removed: %(events)d events, %(registrations)d registrations, "
                    "%(venues)d venues."
                )
                % removed
            )
            if removed["venues_kept"]:
                self.stdout.write(
                    self.style.WARNING(
                        _("%(count)d demo venues kept: real events take place there.")
                        % {"count": removed["venues_kept"]}
                    )
                )
            if remove:
                return
        report, registrations = load_demo()
        self.stdout.write(
            _(
                "Demo program: %(created)d rows created, %(kept)d already there, %(regs)d sample registrations."
            )
            % {
                "created": sum(report.created.values()),
                "kept": sum(report.kept.values()),
                "regs": registrations,
            }
        )
        stale = stale_demo_events()
        if stale:
            self.stdout.write(
                self.style.WARNING(
                    _("%(count)d demo events are already over; run “demo --refresh” for new dates.")
                    % {"count": stale}
                )
            )
