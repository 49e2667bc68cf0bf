"""Load the facts from the source articles. Safe to run again: existing rows are left as they
are, but for those still holding exactly what an earlier version of the seed wrote, which are
brought up to date (events.seed.loader)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from events.seed import load_facts
from events.seed.completeness import measure
from events.seed.facts import RECORDS


class Command(BaseCommand):
    help = _(
        "Load the organizations, people, roles, visits, meetings, milestones and planned events "
        "from the source articles. Rows that exist already (even edited ones) are left alone."
    )

    def handle(self, *args, **options):
        report = load_facts()
        for name, created, kept, adopted, updated in report.lines():
            self.stdout.write(
                _("%(name)s: %(created)d created, %(kept)d already there, %(adopted)d adopted")
                % {"name": name, "created": created, "kept": kept, "adopted": adopted}
            )
            if updated:
                self.stdout.write(
                    _("%(name)s: %(updated)d brought up to date from an earlier seed")
                    % {"name": name, "updated": updated}
                )
        # The seed's own texts, so that a gap shows the day a record is added without them.
        completeness = measure(RECORDS)
        for language, label in (("az", _("Azerbaijani")), ("en", _("English"))):
            self.stdout.write(
                _(
                    "%(language)s: %(done)d of %(total)d public texts (%(percent)d %%), "
                    "%(records)d of %(all)d public records complete"
                )
                % {
                    "language": label,
                    "done": completeness.texts_done[language],
                    "total": completeness.texts,
                    "percent": completeness.percent(language),
                    "records": completeness.records_done[language],
                    "all": completeness.records,
                }
            )
        self.stdout.write(self.style.SUCCESS(_("Seed data loaded.")))
