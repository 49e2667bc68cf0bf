"""Set up a local copy in one go: migrate, seed the facts (and the demo program), make an admin."""

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

ADMIN_USERNAME = "admin"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def serve_address(site_url: str) -> str:
    """Where `--serve` listens: SITE_URL's host and port when it is this machine (so the
    emails' links reach it: SITE_URL=http://127.0.0.1:8080 serves on 8080), else 127.0.0.1:8000."""
    parts = urlsplit(site_url)
    if parts.hostname in LOCAL_HOSTS:
        host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
        return f"{host}:{parts.port or (443 if parts.scheme == 'https' else 80)}"
    return "127.0.0.1:8000"


class Command(BaseCommand):
    help = _("Migrate, seed the facts and the demo program, create the admin, optionally serve.")

    def add_arguments(self, parser):
        parser.add_argument("--no-demo", action="store_true", help=_("Leave the demo program out."))
        parser.add_argument(
            "--serve",
            action="store_true",
            help=_("Serve the app afterwards, at SITE_URL when it is this machine."),
        )

    def handle(self, *args, no_demo=False, serve=False, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        call_command("seed", stdout=self.stdout)
        if no_demo:
            call_command("demo", "--remove", stdout=self.stdout)
        else:
            call_command("demo", stdout=self.stdout)
        password = self._reset_admin()
        self.stdout.write(
            self.style.SUCCESS(
                _("Admin login: %(user)s / %(password)s  (%(url)s)")
                % {"user": ADMIN_USERNAME, "password": password, "url": f"{self.site_url()}/admin/"}
            )
        )
        if serve:
            call_command("runserver", serve_address(settings.SITE_URL), use_reloader=False)

    @staticmethod
    def site_url() -> str:
        """Where the printed links point: SITE_URL when it is this machine, else the default."""
        if urlsplit(settings.SITE_URL).hostname in LOCAL_HOSTS:
            return settings.SITE_URL
        return "http://127.0.0.1:8000"

    @transaction.atomic
    def _reset_admin(self) -> str:
        # A fresh password each run: the login is printed, never stored in plain text anywhere.
        password = secrets.token_urlsafe(12)
        user, _created = get_user_model().objects.get_or_create(
            username=ADMIN_USERNAME, defaults={"email": "admin@localhost"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        return password
