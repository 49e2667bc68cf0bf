"""Admin section names for third-party apps that give none of their own in our languages."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _


class LoginProtectionConfig(AxesAppConfig):
    # django-axes names its admin section after its label ("Axes"), which says nothing to the
    # board and cannot be translated; the models keep their label, so nothing else changes.
    verbose_name = _("Login protection")
