"""Admin for registrations: looked up and corrected by staff, cancelled through the service."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from contacts.admin import (
    CountryMenuAdminMixin,
    DemoFilter,
    FoldedSearchMixin,
    city_filter,
    country_filter,
    demo_badge,
)

from ..models import Registration, per_language
from ..services.privacy import erase_delegate
from ..services.registration import cancel_registration, delete_registrations
from ..services.registration_emails import follow_corrected_address, resend_registration_email


class RegistrationAdminForm(forms.ModelForm):
    def validate_unique(self):
        super().validate_unique()
        # The event and status are read-only here, so Django leaves out the rules that name
        # them; the one-active-registration-per-address rule must still hold (not a 500).
        try:
            self.instance.validate_constraints()
        except ValidationError as error:
            self.add_error("email", error.messages)


class RegistrationInline(CountryMenuAdminMixin, admin.TabularInline):
    """Read-mostly: registrations change through the registration flow, not by hand here."""

    model = Registration
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ("full_name", "email", "organization", "country", "status", "created_at", "attended")
    readonly_fields = fields
    ordering = ("created_at", "pk")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("checked in"), boolean=True)
    def attended(self, obj) -> bool:
        return obj.attended_at is not None


@admin.register(Registration)
class RegistrationAdmin(CountryMenuAdminMixin, FoldedSearchMixin, admin.ModelAdmin):
    """Registrations come in through the public form; here staff look them up and fix details."""

    form = RegistrationAdminForm
    list_display = (
        "full_name",
        "email",
        "event",
        "status",
        "created_at",
        "attended",
        demo_badge,
    )
    list_select_related = ("event",)
    list_filter = (
        "status",
        city_filter("event__venue__city"),
        country_filter(),
        "language",
        DemoFilter,
    )
    search_fields = ("full_name", "email", "organization", *per_language("event__title"))
    date_hierarchy = "created_at"
    autocomplete_fields = ("event",)
    readonly_fields = (
        "event",
        "status",
        "consent_at",
        "created_at",
        "confirmed_at",
        "cancelled_at",
        "expires_at",
        "attended_at",
        "erased_at",
        demo_badge,
    )
    fields = (
        "event",
        "full_name",
        "email",
        "organization",
        "country",
        "phone",
        "language",
        "time_zone",
        "needs",
        "status",
        "consent_at",
        "created_at",
        "confirmed_at",
        "expires_at",
        "cancelled_at",
        "attended_at",
        "erased_at",
        demo_badge,
    )

    actions = ["cancel_registrations", "resend_emails", "erase_delegates"]

    @admin.action(
        description=gettext_lazy(
            "Erase these delegates' personal data (every registration with their address)"
        ),
        permissions=["delete"],
    )
    def erase_delegates(self, request, queryset):
        for address in sorted(set(queryset.values_list("email", flat=True))):
            report = erase_delegate(email=address)
            self.message_user(request, "; ".join(report.lines()), messages.SUCCESS)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "email" in form.changed_data:
            follow_corrected_address(registration=obj)

    @admin.action(
        description=gettext_lazy("Resend the email of each registration's current state"),
        permissions=["change"],
    )
    def resend_emails(self, request, queryset):
        planned = sum(
            resend_registration_email(registration=registration) is not None
            for registration in queryset.select_related("event")
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d email will be sent again.",
                "%(count)d emails will be sent again.",
                planned,
            )
            % {"count": planned},
            messages.SUCCESS,
        )

    def has_add_permission(self, request):
        return False

    def get_deleted_objects(self, objs, request):
        deleted, model_count, _perms_needed, protected = super().get_deleted_objects(objs, request)
        # What cascades with a registration (its delivery record, its business profile) is
        # part of it: those admins refuse deleting such rows on their own, which Django would
        # otherwise turn into "you may not delete a reminder delivery" and a 403 here.
        return deleted, model_count, set(), protected

    def delete_model(self, request, obj):
        # Through the service: a seat it held passes to the first in line, with the email.
        delete_registrations(registrations=Registration.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        delete_registrations(registrations=queryset)

    @admin.action(
        description=gettext_lazy("Cancel selected registrations (the waitlist moves up)"),
        permissions=["change"],
    )
    def cancel_registrations(self, request, queryset):
        cancelled = 0
        for registration in queryset.select_related("event"):
            try:
                cancel_registration(registration=registration)
            except ValidationError as error:
                self.message_user(
                    request,
                    _("“%(name)s” was not cancelled: %(reason)s")
                    % {"name": registration.full_name, "reason": " ".join(error.messages)},
                    messages.ERROR,
                )
            else:
                cancelled += 1
        if cancelled:
            self.message_user(
                request,
                ngettext(
                    "%(count)d registration cancelled.",
                    "%(count)d registrations cancelled.",
                    cancelled,
                )
                % {"count": cancelled},
                messages.SUCCESS,
            )

    @admin.display(description=gettext_lazy("checked in"), boolean=True, ordering="attended_at")
    def attended(self, obj) -> bool:
        return obj.attended_at is not None
