"""The two cities' zones and the helpers that keep every time in its venue's zone."""

import zoneinfo
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

IZMIR = "Europe/Istanbul"
BAKU = "Asia/Baku"

# Short names the board uses in place of the zone identifiers.
ZONE_LABELS = {IZMIR: _("İzmir"), BAKU: _("Bakü")}
COUNTRY_ZONES = {"TR": IZMIR, "AZ": BAKU}


def validate_time_zone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(
            _("“%(value)s” is not a known time zone."), params={"value": value}
        ) from exc


def zone(name: str | None) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name or settings.TIME_ZONE)


def zone_label(name: str) -> str:
    return str(ZONE_LABELS.get(name, name))


def other_city_zone(name: str) -> str:
    """The twin city's zone: İzmir for an event in Bakü, Bakü for everything else."""
    return IZMIR if name == BAKU else BAKU


def localize(moment: datetime, name: str) -> datetime:
    return moment.astimezone(zone(name))
