"""Absolute, signed links to one registration, for emails (which have no request)."""

from django.conf import settings
from django.urls import reverse

from .models import Registration
from .tokens import CHECK_IN, SELF_SERVICE, make_token


def self_service_url(registration: Registration) -> str:
    """The delegate's own page: see the registration, confirm it, cancel it."""
    token = make_token(registration, purpose=SELF_SERVICE)
    return settings.SITE_URL + reverse("events:manage", args=[registration.pk, token])


def confirm_url(registration: Registration) -> str:
    token = make_token(registration, purpose=SELF_SERVICE)
    return settings.SITE_URL + reverse("events:confirm", args=[registration.pk, token])


def checkin_url(registration: Registration) -> str:
    """What the check-in QR code encodes: the board's check-in page for this registration."""
    token = make_token(registration, purpose=CHECK_IN)
    return settings.SITE_URL + reverse("registrants:checkin", kwargs={"token": token})
