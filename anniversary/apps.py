"""Configs of third-party apps: admin section names in our languages, audit log scope."""

from auditlog.apps import AuditlogConfig as AuditlogAppConfig
from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _


class LoginProtectionConfig(AxesAppConfig):
    # django-axes names its admin section after its label ("Axes"), which says nothing to the
    # board and cannot be translated; the models keep their label, so nothing else changes.
    verbose_name = _("Login protection")


class AuditLogConfig(AuditlogAppConfig):
    """django-auditlog, tracking a row's own columns only.

    For a new or deleted row auditlog walks every field Django knows, reverse relations
    included: each reverse one-to-one (a registration's delegation membership, its business
    program profile) cost a query, inside the registration's lock, and each reverse foreign key
    added a meaningless "events.ReminderDelivery.None" to the entry. Updates already compare
    columns only. Left out here, once the settings' models are registered, so a relation added
    later is left out too.
    """

    def ready(self):
        super().ready()
        from auditlog.registry import auditlog  # noqa: PLC0415 (the app registry is ready now)

        for model, options in auditlog._registry.items():
            reverse = [
                field.name
                for field in model._meta.get_fields()
                if field.auto_created and not field.concrete and not field.many_to_many
            ]
            options["exclude_fields"] = [*options["exclude_fields"], *reverse]
