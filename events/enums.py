from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    CULTURAL_FESTIVAL = "cultural_festival", _("Cultural festival")
    COMMEMORATION = "commemoration", _("Commemoration program")
    BUSINESS_FORUM = "business_forum", _("Business forum")
    B2B_MEETING = "b2b_meeting", _("B2B meeting")
    TRADE_DELEGATION = "trade_delegation", _("Trade delegation")
    BUSINESS_TOUR = "business_tour", _("Business tour")
    PODCAST_EPISODE = "podcast_episode", _("Podcast episode")
    YOUTH_PROGRAM = "youth_program", _("Youth and volunteering program")
    CONFERENCE = "conference", _("Conference")
    EXHIBITION = "exhibition", _("Exhibition")
    OFFICIAL_VISIT = "official_visit", _("Official visit")
    OTHER = "other", _("Other")


class EventStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    PLANNED = "planned", _("Planned")
    CONFIRMED = "confirmed", _("Confirmed")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class DatePrecision(models.TextChoices):
    EXACT = "exact", _("Exact time")
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    # Historical milestones such as the 1986 protocol are known only by their year.
    YEAR = "year", _("Year")


class Recurrence(models.TextChoices):
    NONE = "", _("Does not repeat")
    YEARLY = "yearly", _("Every year")


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Pending confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waitlist")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired")

    @classmethod
    def active(cls):
        """States that hold a seat or a place in line; one per email per event."""
        return [cls.PENDING, cls.CONFIRMED, cls.WAITLISTED]


class EpisodeStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RECORDED = "recorded", _("Recorded")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class PlanningStatus(models.TextChoices):
    OPEN = "open", _("Open")
    BLOCKED = "blocked", _("Blocked")
    DONE = "done", _("Done")

    @classmethod
    def unfinished(cls):
        return [cls.OPEN, cls.BLOCKED]


class DeliveryKind(models.TextChoices):
    DELEGATE_REMINDER = "delegate_reminder", _("Reminder to a delegate")
    RESPONSIBLE_REMINDER = "responsible_reminder", _("Reminder to the responsible person")
    BOARD_DIGEST = "board_digest", _("Weekly board digest")
    CANCELLATION_NOTICE = "cancellation_notice", _("Cancellation notice")
    TIME_CHANGED_NOTICE = "time_changed_notice", _("Time changed notice")
    B2B_AGENDA_REMINDER = "b2b_agenda_reminder", _("B2B agenda before the first meeting")
    B2B_FOLLOW_UP = "b2b_follow_up", _("B2B follow-up: what came of the meetings")
    B2B_MEETING_MOVED = "b2b_meeting_moved", _("B2B meeting moved")
    B2B_MEETING_REQUEST = "b2b_meeting_request", _("B2B meeting request")
    B2B_REQUEST_ANSWER = "b2b_request_answer", _("B2B meeting request answered")
    # To a delegation's head: seats held, waitlisted, promoted, confirmed, cancelled, expired.
    DELEGATION_HEAD = "delegation_head", _("Delegation registration")
    # The registration flow's own emails: the same record, claim and retries as reminders.
    REGISTRATION_CONFIRM_REQUEST = "registration_confirm_request", _("Confirmation request")
    REGISTRATION_CONFIRMED = "registration_confirmed", _("Registration confirmed")
    REGISTRATION_WAITLISTED = "registration_waitlisted", _("Waitlist place")
    REGISTRATION_PROMOTED = "registration_promoted", _("A seat is free")
    REGISTRATION_CANCELLED = "registration_cancelled", _("Registration cancelled")
    REGISTRATION_EXPIRED = "registration_expired", _("Registration expired")
    # A meeting outcome's owner, on its follow-up date (contacts.Outcome.follow_up_on).
    OUTCOME_FOLLOW_UP = "outcome_follow_up", _("Follow-up of a meeting outcome")

    @classmethod
    def reminders(cls):
        """Kinds sent ahead of an event; a paused or cancelled event holds them back."""
        return [cls.DELEGATE_REMINDER, cls.RESPONSIBLE_REMINDER]

    @classmethod
    def registration_emails(cls):
        return [
            cls.REGISTRATION_CONFIRM_REQUEST,
            cls.REGISTRATION_CONFIRMED,
            cls.REGISTRATION_WAITLISTED,
            cls.REGISTRATION_PROMOTED,
            cls.REGISTRATION_CANCELLED,
            cls.REGISTRATION_EXPIRED,
        ]

    @property
    def template(self) -> str:
        """templates/emails/<template>.{subject.txt,txt,html} of a registration email."""
        return self.value


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Skipped")
