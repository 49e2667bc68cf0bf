"""The one factory module for the whole suite."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from contacts.enums import Language, OrganizationKind, OutcomeKind
from contacts.models import (
    Affiliation,
    DelegationVisit,
    Meeting,
    Organization,
    Outcome,
    Person,
    Source,
)
from contacts.translation import TRANSLATED_FIELDS as CONTACT_TEXTS
from events.enums import DatePrecision, EventKind, EventStatus, RegistrationStatus
from events.models import Event, PodcastEpisode, PodcastSeries, Registration, Venue
from events.roles import ensure_board_group
from events.timezones import BAKU, IZMIR
from events.translation import TRANSLATED_FIELDS as EVENT_TEXTS

TRANSLATED_FIELDS = {**CONTACT_TEXTS, **EVENT_TEXTS}


class TranslatedFactory(factory.django.DjangoModelFactory):
    """For models with content per language (events/ and contacts/translation.py): the plain `title=` fills
    the Turkish column and the active language's (modeltranslation), and an explicit
    `title_tr=` wins over the factory's default plain title instead of sitting beside it."""

    class Meta:
        abstract = True

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        for field in TRANSLATED_FIELDS.get(cls._meta.model, ()):
            if f"{field}_tr" in kwargs:
                kwargs[field] = kwargs[f"{field}_tr"]
        return kwargs


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True


class SourceFactory(TranslatedFactory):
    class Meta:
        model = Source

    headline = factory.Sequence(lambda n: f"Article {n}")
    publication = "Ege Haber"
    published_on = factory.Faker("date_this_year")
    language = Language.TURKISH


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    kind = OrganizationKind.ASSOCIATION
    country = "TR"
    city = "İzmir"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    country = "TR"


class AffiliationFactory(TranslatedFactory):
    class Meta:
        model = Affiliation

    person = factory.SubFactory(PersonFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = "Member"


class DelegationVisitFactory(TranslatedFactory):
    class Meta:
        model = DelegationVisit

    title = factory.Sequence(lambda n: f"Visit {n}")
    origin_city = "İzmir"
    destination_city = "Bakü"
    start_date = factory.LazyFunction(lambda: timezone.localdate())


class MeetingFactory(TranslatedFactory):
    class Meta:
        model = Meeting

    visit = factory.SubFactory(DelegationVisitFactory)
    title = factory.Sequence(lambda n: f"Meeting {n}")
    date = factory.LazyFunction(lambda: timezone.localdate())
    city = "Bakü"


class OutcomeFactory(TranslatedFactory):
    """A follow-up owned by a board member, due in a week (İzmir's calendar)."""

    class Meta:
        model = Outcome

    meeting = factory.SubFactory(MeetingFactory)
    kind = OutcomeKind.FOLLOW_UP_NEEDED
    text = factory.Sequence(lambda n: f"Send the draft roadmap {n}")
    owner = factory.SubFactory("tests.factories.BoardMemberFactory")
    follow_up_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7))


class VenueFactory(TranslatedFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Hall {n}")
    city = "İzmir"
    country = "TR"
    time_zone = IZMIR


class BakuVenueFactory(VenueFactory):
    city = "Bakü"
    country = "AZ"
    time_zone = BAKU


class EventFactory(TranslatedFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = EventKind.CULTURAL_FESTIVAL
    status = EventStatus.CONFIRMED
    venue = factory.SubFactory(VenueFactory)
    start = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0) + timedelta(days=14))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=3))
    date_precision = DatePrecision.EXACT
    capacity = 50
    is_public = True


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    full_name = factory.Sequence(lambda n: f"Delegate {n}")
    email = factory.Sequence(lambda n: f"delegate{n}@example.org")
    country = "AZ"
    language = Language.AZERBAIJANI
    time_zone = BAKU
    consent_at = factory.LazyFunction(timezone.now)
    status = RegistrationStatus.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)


class PodcastSeriesFactory(TranslatedFactory):
    class Meta:
        model = PodcastSeries

    title = factory.Sequence(lambda n: f"Series {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")


class PodcastEpisodeFactory(TranslatedFactory):
    class Meta:
        model = PodcastEpisode

    series = factory.SubFactory(PodcastSeriesFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Episode {n}")


# --- board ----------------------------------------------------------------------------------------
class BoardMemberFactory(UserFactory):
    """A user in the "Board" group that the events migrations create with its permissions."""

    class Meta:
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"board{n}")
    first_name = factory.Sequence(lambda n: f"Member{n}")
    last_name = "Kurul"

    @factory.post_generation
    def board_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(ensure_board_group())


class PlanningItemFactory(TranslatedFactory):
    class Meta:
        model = "events.PlanningItem"

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Task {n}")
    owner = factory.SubFactory(BoardMemberFactory)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7))


# --- Reminders ------------------------------------------------------------------------------
class ReminderDeliveryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.ReminderDelivery"

    registration = factory.SubFactory(RegistrationFactory)
    event = factory.SelfAttribute("registration.event")
    kind = "delegate_reminder"
    recipient_key = factory.LazyAttribute(lambda o: f"registration:{o.registration.pk}")
    email = factory.SelfAttribute("registration.email")
    subject_key = factory.LazyAttribute(
        lambda o: f"event:{o.event.pk}:reminder@{o.event.start.astimezone(UTC):%Y%m%dT%H%MZ}"
    )
    offset = 1440
    due_at = factory.LazyFunction(timezone.now)
    language = factory.SelfAttribute("registration.language")


# --- public (issue 3: public pages and registration) ----------------------------------------


class PendingRegistrationFactory(RegistrationFactory):
    status = RegistrationStatus.PENDING
    confirmed_at = None
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(hours=48))


class WaitlistedRegistrationFactory(RegistrationFactory):
    status = RegistrationStatus.WAITLISTED
    confirmed_at = None


def _protocol_year(offset: int = 0):
    # Imported here so that this section leaves the module's shared imports untouched.

    return datetime(1986 + offset, 1, 1, tzinfo=ZoneInfo(IZMIR))


class MilestoneFactory(EventFactory):
    title = "İzmir–Bakü sister-city protocol"
    kind = EventKind.OFFICIAL_VISIT
    status = EventStatus.DONE
    start = factory.LazyFunction(_protocol_year)
    end = factory.LazyFunction(lambda: _protocol_year(1))
    date_precision = DatePrecision.YEAR
    capacity = None
    is_milestone = True


# --- contacts area: board members, check-in ------------------------------------------------
def user_with_permissions(*codenames: str, **kwargs):
    """A user holding exactly these permissions ("app_label.codename"), for narrow access tests."""

    user = UserFactory(**kwargs)
    for name in codenames:
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


class TodayEventFactory(EventFactory):
    """An event running now, at an İzmir venue: delegates can be checked in today."""

    start = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0) - timedelta(hours=1))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=3))


class CheckedInRegistrationFactory(RegistrationFactory):
    event = factory.SubFactory(TodayEventFactory)
    attended_at = factory.LazyFunction(timezone.now)


# --- business program (B2B matchmaking) ------------------------------------------------------
class B2BEventFactory(EventFactory):
    kind = EventKind.B2B_MEETING
    capacity = 300


class MatchmakingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Matchmaking"
        django_get_or_create = ("event",)

    event = factory.SubFactory(B2BEventFactory)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Participant"

    event = factory.LazyAttribute(lambda o: MatchmakingFactory().event)
    registration = factory.SubFactory(RegistrationFactory, event=factory.SelfAttribute("..event"))
    organization_name = factory.Sequence(lambda n: f"Company {n}")
    sector = "trade"
    country = factory.SelfAttribute("registration.country")
    city = "Bakü"
    languages = "az,en"
    offer = "Logistics between the Caspian and the Aegean"
    need = "Partners in İzmir"


class MeetingSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.MeetingSession"

    event = factory.LazyAttribute(lambda o: MatchmakingFactory().event)
    start = factory.SelfAttribute("event.start")
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=1))
    slot_minutes = 20
    tables = 5


class MeetingRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.MeetingRequest"

    requester = factory.SubFactory(ParticipantFactory)
    recipient = factory.SubFactory(
        ParticipantFactory, event=factory.SelfAttribute("..requester.event")
    )
    event = factory.SelfAttribute("requester.event")
    reason = "Shared interest in logistics"
    status = "accepted"
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(hours=48))
