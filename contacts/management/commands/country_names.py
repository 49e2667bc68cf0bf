from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from contacts.countries import write_catalogs


class Command(BaseCommand):
    help = _(
        "Write the Turkish and Azerbaijani country names from CLDR into locale_cldr/ "
        "(run after upgrading babel, then commit the files)."
    )

    def handle(self, *args, **options):
        for path in write_catalogs():
            self.stdout.write(str(path))
