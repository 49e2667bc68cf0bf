"""The one factory module for the whole suite."""

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from contacts.enums import Language, OrganizationKind
from contacts.models import Affiliation, DelegationVisit, Meeting, Organization, Person, Source
from events.enums import DatePrecision, EventKind, EventStatus, RegistrationStatus
from events.models import Event, PodcastEpisode, PodcastSeries, Registration, Venue
from events.timezones import BAKU, IZMIR


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


class SourceFactory(factory.django.DjangoModelFactory):
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


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    person = factory.SubFactory(PersonFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = "Member"


class DelegationVisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DelegationVisit

    title = factory.Sequence(lambda n: f"Visit {n}")
    origin_city = "İzmir"
    destination_city = "Bakü"
    start_date = factory.LazyFunction(lambda: timezone.localdate())


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    visit = factory.SubFactory(DelegationVisitFactory)
    title = factory.Sequence(lambda n: f"Meeting {n}")
    date = factory.LazyFunction(lambda: timezone.localdate())
    city = "Bakü"


class VenueFactory(factory.django.DjangoModelFactory):
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


class EventFactory(factory.django.DjangoModelFactory):
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


class PodcastSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PodcastSeries

    title = factory.Sequence(lambda n: f"Series {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")


class PodcastEpisodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PodcastEpisode

    series = factory.SubFactory(PodcastSeriesFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Episode {n}")


# --- contacts area: board members, check-in ------------------------------------------------
BOARD_GROUP = "Board"


def board_group():
    """The "Board" group with the standard view/add/change permissions of both apps' models.

    The board area creates the real group by data migration; tests build the same thing here.
    """
    from django.contrib.auth.models import Group, Permission

    group, _created = Group.objects.get_or_create(name=BOARD_GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["contacts", "events"],
            codename__regex=r"^(view|add|change)_",
        )
    )
    return group


class BoardMemberFactory(UserFactory):
    """A logged-in board member: in the "Board" group, not staff."""

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def board(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(board_group())


def user_with_permissions(*codenames: str, **kwargs):
    """A user holding exactly these permissions ("app_label.codename"), for narrow access tests."""
    from django.contrib.auth.models import Permission

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
