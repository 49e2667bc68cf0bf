"""Admin for the business program and delegation registrations. Changes that have rules (seats,
requests, the schedule) go through the services from the participant and board pages; here
staff see everything and correct plain data (e.g. link a delegation to its visit)."""

from django.contrib import admin

from contacts.admin import CountryMenuAdminMixin, country_filter

from ..b2b.models import Matchmaking, Meeting, MeetingRequest, MeetingSession, Participant
from ..delegations.models import DelegationGroup, DelegationMember


@admin.register(Matchmaking)
class MatchmakingAdmin(admin.ModelAdmin):
    list_display = ["event", "is_enabled", "pairing_rule", "max_open_requests"]


@admin.register(Participant)
class ParticipantAdmin(CountryMenuAdminMixin, admin.ModelAdmin):
    list_display = ["organization_name", "event", "sector", "country", "is_visible"]
    list_filter = ["sector", country_filter()]
    search_fields = ["organization_name", "registration__full_name"]
    raw_id_fields = ["registration", "organization"]
    list_select_related = ["event"]


@admin.register(MeetingRequest)
class MeetingRequestAdmin(admin.ModelAdmin):
    list_display = ["requester", "recipient", "status", "created_at", "expires_at"]
    list_filter = ["status"]
    raw_id_fields = ["requester", "recipient", "event"]
    readonly_fields = ["status", "answered_at"]
    list_select_related = ["requester__registration", "recipient__registration"]


@admin.register(MeetingSession)
class MeetingSessionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "event", "start", "end", "slot_minutes", "tables", "published_at"]
    list_select_related = ["event__venue"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["request", "session", "starts_at", "table", "is_locked", "sequence"]
    raw_id_fields = ["request", "session"]
    readonly_fields = ["starts_at", "table", "session"]
    list_select_related = [
        "session__event__venue",
        "request__requester__registration",
        "request__recipient__registration",
    ]


class DelegationMemberInline(CountryMenuAdminMixin, admin.TabularInline):
    model = DelegationMember
    extra = 0
    readonly_fields = ["registration"]


@admin.register(DelegationGroup)
class DelegationGroupAdmin(CountryMenuAdminMixin, admin.ModelAdmin):
    list_display = ["name", "event", "status", "head_name", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "head_name", "head_email"]
    readonly_fields = ["status", "expires_at", "confirmed_at", "cancelled_at", "consent_at"]
    raw_id_fields = ["event"]
    inlines = [DelegationMemberInline]
